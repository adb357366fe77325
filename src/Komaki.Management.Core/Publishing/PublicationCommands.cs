using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Publishing;

/// Publishing a year of a kind of record on the public site and open data, and withdrawing it. Both are idempotent.
public sealed class PublicationCommands(AppDbContext db) : IUseCase
{
    /// What publishing a year's actuals leaves missing: per division, the indicators with a target and no actual. Once
    /// published the divisions can no longer enter them; planning enters them as 未入力 (not 訂正).
    public async Task<List<(int UnitId, int Count)>> MissingActualsAsync(PublicationKind kind, int year)
    {
        if (kind != PublicationKind.IndicatorActuals) return [];
        return (await db.Indicators.AsNoTracking()
            .Where(i => i.RetiredAt == null && i.ProjectId != null && i.Project!.RetiredAt == null && i.Values.Any(v => v.FiscalYear == year && v.Target != null && v.Actual == null))
            .GroupBy(i => i.Project!.OwnerUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(g => (g.Key, g.Count)).OrderByDescending(g => g.Count).ToList();
    }

    /// What publishing a year's 施策評価 leaves out: the measures of the plan in force that year with no assessment
    /// written (code and name), which the public site would show as not evaluated.
    public async Task<List<string>> MissingMeasureEvaluationsAsync(PublicationKind kind, int year)
    {
        if (kind != PublicationKind.MeasureEvaluations) return [];
        var plan = await PlanRollUp.CurrentBasicPlanAsync(db, year);
        if (plan is null) return [];
        var measures = await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null && m.Policy!.BasicPlanId == plan.Id && m.Policy.RetiredAt == null)
            .Where(m => !db.MeasureEvaluations.Any(e => e.MeasureId == m.Id && e.FiscalYear == year && e.Assessment != ""))
            .Select(m => new { m.Code, m.Name }).ToListAsync();
        return measures.OrderBy(m => m.Code, CodeOrderComparer).Select(m => $"{m.Code} {m.Name}").ToList();
    }

    private static readonly IComparer<string> CodeOrderComparer = CodeOrder.Instance;

    /// Publishes a year; with entries missing, only with the reason, which is recorded with what was missing.
    private static readonly int NoteLength = ModelLengths.Of<Publication>(p => p.Note);

    public async Task<CommandResult> PublishAsync(PublicationKind kind, int year, string userName, DateTime now, string? reason = null, Organization.OrgTree? org = null)
    {
        if (await db.Publications.AnyAsync(p => p.Kind == kind && p.FiscalYear == year)) return new CommandResult();
        var missing = await MissingActualsAsync(kind, year);
        string? note = null;
        if (await MissingMeasureEvaluationsAsync(kind, year) is { Count: > 0 } measures)
        {
            if (string.IsNullOrWhiteSpace(reason))
                return CommandResult.Refused("Comment", $"評価の書かれていない施策が {measures.Count:N0}件あります。公開サイトでは「評価なし」になります。このまま公開するときは、理由を書いてください。");
            if (reason.Length > PublishFormValidator.ReasonLength) return CommandResult.Refused("Comment", $"理由は{PublishFormValidator.ReasonLength}文字以内で入力してください。");
            note = $"施策評価の未記入 {measures.Count:N0}件（{string.Join("、", measures)}）のまま公開。理由：{reason.Trim()}";
            if (note.Length > NoteLength) note = note[..NoteLength];
        }
        if (missing.Count > 0)
        {
            var total = missing.Sum(m => m.Count);
            if (string.IsNullOrWhiteSpace(reason))
                return CommandResult.Refused("Comment", $"実績値の入っていない指標が {total:N0}件（{missing.Count:N0}課）あります。公開するとその課は入力できなくなります。このまま公開するときは、理由を書いてください。");
            if (reason.Length > PublishFormValidator.ReasonLength) return CommandResult.Refused("Comment", $"理由は{PublishFormValidator.ReasonLength}文字以内で入力してください。");
            note = $"実績値の未入力 {total:N0}件（{string.Join("、", missing.Select(m => $"{org?.PathName(m.UnitId) ?? m.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)} {m.Count:N0}件"))}）のまま公開。理由：{reason.Trim()}";
            if (note.Length > NoteLength) note = note[..NoteLength];
        }
        db.Publications.Add(new Publication { Kind = kind, FiscalYear = year, PublishedAt = now, PublishedBy = userName, Note = note });
        await db.SaveChangesAsync();
        return new CommandResult();
    }

    public async Task WithdrawAsync(PublicationKind kind, int year)
    {
        var row = await db.Publications.FirstOrDefaultAsync(p => p.Kind == kind && p.FiscalYear == year);
        if (row is null) return;
        db.Publications.Remove(row);
        await db.SaveChangesAsync();
    }
}
