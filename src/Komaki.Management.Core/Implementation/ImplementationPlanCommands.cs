using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Implementation;

/// 実施計画's commands: a new edition (a copy of the latest one before it) and one project's three years.
public sealed class ImplementationPlanCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    private Task<ImplementationPlan?> PreviousAsync(int fiscalYear) =>
        db.ImplementationPlans.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.FiscalYear < fiscalYear).OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync();

    /// What the confirmation page says creating the edition will do; null when it exists already.
    public async Task<IReadOnlyList<string>?> CreationConsequencesAsync(int fiscalYear)
    {
        if (await db.ImplementationPlans.AnyAsync(p => p.FiscalYear == fiscalYear)) return null;
        var previous = await db.ImplementationPlans.AsNoTracking().Where(p => p.FiscalYear < fiscalYear).OrderByDescending(p => p.FiscalYear)
            .Select(p => new { p.FiscalYear, p.Title, Lines = p.Lines.Count }).FirstOrDefaultAsync();
        return previous is null
            ? [$"{ImplementationPlan.DefaultTitle(fiscalYear)}を空の版として作成します。事業は画面か Excel の取り込みで加えます。"]
            : [$"{ImplementationPlan.DefaultTitle(fiscalYear)}を{previous.Title}の写し（{previous.Lines:N0}行）として作成します。写した後の行は、この版でだけ変わります。",
               "作成した版は画面から削除できません。各所属はこの版の行を見直し、実施計画・予算の作業はこの版で進みます。"];
    }

    /// The new edition, or a refusal when the year has one; the message says what was copied.
    public async Task<(CommandResult Result, string Message)> CreateEditionAsync(int fiscalYear, DateTime now)
    {
        if (await db.ImplementationPlans.AnyAsync(p => p.FiscalYear == fiscalYear))
            return (CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(fiscalYear)}の実施計画は既にあります。"), "");
        var previous = await PreviousAsync(fiscalYear);
        var edition = previous is null
            ? new ImplementationPlan { FiscalYear = fiscalYear, Title = ImplementationPlan.DefaultTitle(fiscalYear), CreatedAt = now }
            : EditionCopy.StartFrom(previous, fiscalYear, now);
        db.ImplementationPlans.Add(edition);
        var saved = await saver.SaveAsync();
        return (saved, previous is null
            ? $"{edition.Title}を作成しました。"
            : $"{edition.Title}を{Wareki.FiscalYear(previous.FiscalYear)}版の写しとして作成しました（{edition.Lines.Count:N0}行）。");
    }

    public static ProjectPlanForm FormOf(ImplementationPlan edition, IReadOnlyList<ImplementationPlanLine> lines) => new()
    {
        Years = edition.Years.Select(y => lines.FirstOrDefault(l => l.FiscalYear == y) is { } l ? EntryOf(l) : new YearEntry { Year = y }).ToList(),
    };

    private static YearEntry EntryOf(ImplementationPlanLine l)
    {
        var entry = new YearEntry { Year = l.FiscalYear, Exists = true, Version = l.Version, Status = l.Status.ToString(), Content = l.Content, Cost = Amounts.Thousands(l.Cost) };
        entry.Show(l.Funding);
        return entry;
    }

    public Task<List<ImplementationPlanLine>> LinesAsync(int editionId, int projectId) =>
        db.ImplementationPlanLines.AsNoTracking().Where(l => l.ImplementationPlanId == editionId && l.ProjectId == projectId).ToListAsync();

    /// Saves the project's three years of the edition together: a year typed becomes or changes its line, a year
    /// emptied removes it; any error or a line saved by someone else meanwhile leaves all three as they were.
    public async Task<CommandResult> SaveProjectPlanAsync(ImplementationPlan edition, int projectId, ProjectPlanForm form)
    {
        var result = new CommandResult();
        var lines = await db.ImplementationPlanLines.Where(l => l.ImplementationPlanId == edition.Id && l.ProjectId == projectId).ToListAsync();
        var edits = new List<(IVersioned, int)>();
        for (var i = 0; i < form.Years.Count; i++)
        {
            var entry = form.Years[i];
            var line = lines.FirstOrDefault(l => l.FiscalYear == entry.Year);
            var parsed = ProjectPlanFormRules.Parse(entry, $"Years[{i}].", result);
            if (parsed is null)
            {
                if (line is not null && ProjectPlanFormRules.IsBlank(entry))
                {
                    db.ImplementationPlanLines.Remove(line);
                    edits.Add((line, entry.Version));
                }
                continue;
            }
            if (line is null)
            {
                line = new ImplementationPlanLine { ImplementationPlanId = edition.Id, ProjectId = projectId, FiscalYear = entry.Year };
                db.ImplementationPlanLines.Add(line);
            }
            ProjectPlanFormRules.CopyTo(parsed, line);
            edits.Add((line, entry.Exists ? entry.Version : line.Version));
        }
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        return await saver.SaveEditsAsync(edits, edition.AuditTarget);
    }
}
