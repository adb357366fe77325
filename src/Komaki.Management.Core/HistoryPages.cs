using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core;

/// One page of a record's history and what it needs to read as staff speak. The record kinds come from the features
/// (IHistoryKind, found by scan); the lookups name people and the records an id field points at, so the history
/// sits above the features rather than in Auditing.
public sealed class HistoryPages(AppDbContext db, IEnumerable<IHistoryKind> kinds, LabelTable labels) : IUseCase
{
    /// Fields that hold a person as the account's id or user name (…UserId, …By): the history names the person
    /// as staff know them, never by the id or the e-mail address stored.
    public static bool IsPersonField(string field) =>
        field.EndsWith("UserId", StringComparison.Ordinal) || field.EndsWith("By", StringComparison.Ordinal);

    /// The kind that opens this record type; none is a 404.
    public IHistoryKind? KindOf(string recordType) => kinds.FirstOrDefault(k => k.RecordTypes.Contains(FormerNames.Current(recordType)));

    /// The entries filed under the record type's earlier names too, read under today's names. With shows (the kind's
    /// rule for this reader and record), a change the reader may not see is left out — its old and new value both —
    /// and an entry with nothing left is left out whole, before the entries are counted and paged.
    public async Task<HistoryPage> PageAsync(string recordType, string recordId, int page, int pageSize, HistoryShows? shows = null)
    {
        var stored = FormerNames.StoredAs(recordType);
        var query = db.AuditEntries.AsNoTracking().Where(a => stored.Contains(a.RecordType) && a.RecordId == recordId).OrderByDescending(a => a.Id);
        List<AuditEntry> entries;
        int total;
        if (shows is null)
        {
            total = await query.CountAsync();
            page = PageWithin(page, total, pageSize);
            entries = (await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync()).Select(FormerNames.Read).ToList();
        }
        else
        {
            var visible = (await query.ToListAsync()).Select(FormerNames.Read).Select(e => Visible(e, shows)).OfType<AuditEntry>().ToList();
            total = visible.Count;
            page = PageWithin(page, total, pageSize);
            entries = visible.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        }
        return new HistoryPage(entries, page, pageSize, total, await LookupsAsync(recordType, recordId, entries), await DetailLabelsAsync(entries));
    }

    private static int PageWithin(int page, int total, int pageSize) => Math.Clamp(page, 1, Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize)));

    /// The entry with only the changes the reader may see; null when none is left. An entry without changes (a record
    /// deleted) stands for its entity as a whole: the field asked is "".
    public static AuditEntry? Visible(AuditEntry entry, HistoryShows shows)
    {
        var changes = entry.Changes;
        if (changes.Count == 0) return shows(entry, "") ? entry : null;
        var kept = changes.Where(c => shows(entry, c.Field)).ToList();
        if (kept.Count == 0) return null;
        if (kept.Count == changes.Count) return entry;
        return new AuditEntry
        {
            Id = entry.Id, At = entry.At, UserName = entry.UserName, RecordType = entry.RecordType, RecordId = entry.RecordId, Detail = entry.Detail,
            EntityType = entry.EntityType, Action = entry.Action, ChangesJson = System.Text.Json.JsonSerializer.Serialize(kept),
        };
    }

    private async Task<HistoryLookups> LookupsAsync(string recordType, string recordId, IReadOnlyList<AuditEntry> entries)
    {
        var changes = entries.SelectMany(e => e.Changes).ToList();
        var names = entries.Select(e => e.UserName).Concat(changes.Where(c => IsPersonField(c.Field)).SelectMany(c => new[] { c.Old, c.New })).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!) || names.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync();
        var byName = new Dictionary<string, string>();
        foreach (var u in people)
        {
            var shown = string.IsNullOrWhiteSpace(u.DisplayName) ? "（氏名未登録の職員）" : u.DisplayName;
            byName[u.Id] = shown;
            if (u.UserName is not null) byName[u.UserName] = shown;
        }

        var ids = changes.Where(c => c.Field.EndsWith("Id", StringComparison.Ordinal) && !RecordedValues.IsUnitField(c.Field))
            .SelectMany(c => new[] { c.Old, c.New }.Select(v => (c.Field, Id: int.TryParse(v, out var n) ? n : 0)))
            .Where(x => x.Id != 0).GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().ToList());
        var references = new Dictionary<(string, int), string>();
        foreach (var (field, list) in ids)
            foreach (var (id, label) in await ReferencesAsync(field, list))
                references[(field, id)] = label;

        var types = db.Model.GetEntityTypes().SelectMany(t => t.GetFlattenedProperties().Select(p => (Entity: t.ClrType.Name, p.Name, Type: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            .GroupBy(x => (x.Entity, x.Name)).ToDictionary(g => g.Key, g => g.First().Type);

        IReadOnlyDictionary<int, string> meanings = new Dictionary<int, string>();
        if (recordType == nameof(LabelMapping) && int.TryParse(recordId, out var mappingId)
            && await db.LabelMappings.AsNoTracking().Where(m => m.Id == mappingId).Select(m => (LabelKind?)m.Kind).FirstOrDefaultAsync() is LabelKind kind)
            meanings = (await labels.OptionsAsync(kind)).ToDictionary(o => o.Value, o => o.Text);
        return new HistoryLookups(byName, references, types, meanings);
    }

    /// The records an id field can point at, by their code and name. Goals are named only by "組織目標" here: their
    /// titles follow the goal's own read rule on the goal's page.
    private async Task<Dictionary<int, string>> ReferencesAsync(string field, List<int> ids) => field switch
    {
        "PolicyId" => await db.Policies.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code + " " + x.Name),
        "MeasureId" => await db.Measures.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code + " " + x.Name),
        "BasicProjectId" => await db.BasicProjects.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code + " " + x.Name),
        "ProjectId" => await db.Projects.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code + " " + x.Name),
        "IndicatorId" => await db.Indicators.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name),
        "ImplementationPlanId" or "CopiedFromId" => await db.ImplementationPlans.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title),
        "BasicPlanId" => await db.BasicPlans.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name),
        "ComprehensivePlanId" => await db.ComprehensivePlans.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name),
        "ManifestoItemId" => await db.ManifestoItems.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number + " " + x.Title),
        "MayorTermId" => await db.MayorTerms.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title),
        "ExternalReviewId" => await db.ExternalReviews.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title),
        "CitizenInputId" => (await db.CitizenInputs.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.ReceivedOn, x.Summary }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"市民の声（{Wareki.Date(x.ReceivedOn)}受付）{(x.Summary.Length > 20 ? x.Summary[..20] + "…" : x.Summary)}"),
        "ExecutionPlanId" => (await db.ExecutionPlans.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FiscalYear, x.Project!.Code, x.Project.Name }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"{x.Code} {x.Name} {Wareki.FiscalYear(x.FiscalYear)} 主要事業実行計画"),
        "ProjectEvaluationId" => (await db.ProjectEvaluations.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FiscalYear, x.Project!.Code, x.Project.Name }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"{x.Code} {x.Name} {Wareki.FiscalYear(x.FiscalYear)} 事務事業評価"),
        "AnswerPlanLineId" => (await db.ImplementationPlanLines.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FiscalYear, Edition = x.ImplementationPlan!.FiscalYear, x.Project!.Code }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"{Wareki.FiscalYear(x.Edition)}版 実施計画 {x.Code} {Wareki.FiscalYear(x.FiscalYear)}"),
        "AnswerBudgetLineId" => (await db.BudgetLines.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FiscalYear, x.Project!.Code }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"{x.Code} {Wareki.FiscalYear(x.FiscalYear)} 予算"),
        "BudgetRequestId" => (await db.BudgetRequests.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FiscalYear, x.Project!.Code }).ToListAsync())
            .ToDictionary(x => x.Id, x => $"{x.Code} {Wareki.FiscalYear(x.FiscalYear)}予算要求"),
        // Only the personnel division and the people of an evaluation read the histories that name staff.
        "StaffMemberId" or "FirstEvaluatorId" or "SecondEvaluatorId" => await db.StaffMembers.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name),
        "ControlRiskId" => await db.ControlRisks.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => "リスク " + x.Code),
        "OrganizationalGoalId" => ids.ToDictionary(id => id, _ => "組織目標"),
        _ => [],
    };

    /// Plan lines are filed under their edition with "projectId:year"; staff read the project code and the year.
    private async Task<IReadOnlyDictionary<string, string>> DetailLabelsAsync(IEnumerable<AuditEntry> entries)
    {
        var keys = entries.Select(e => e.Detail).OfType<string>().Where(d => d.Contains(':')).Distinct().ToList();
        var ids = keys.Select(k => int.TryParse(k.Split(':')[0], out var i) ? i : 0).Distinct().ToList();
        var codes = await db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code);
        var labels = new Dictionary<string, string>();
        foreach (var k in keys)
        {
            var parts = k.Split(':');
            if (int.TryParse(parts[0], out var pid) && int.TryParse(parts[1], out var year) && codes.TryGetValue(pid, out var code))
                labels[k] = $"{code} {Wareki.FiscalYear(year)}";
        }
        return labels;
    }
}

public sealed record HistoryPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, int Total, HistoryLookups Lookups, IReadOnlyDictionary<string, string> DetailLabels);

/// What a history page's entries mention, loaded once for the page: people by their names, referenced records by
/// their code and name, each field's type, and a label mapping's meanings.
public sealed record HistoryLookups(IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<(string Field, int Id), string> References,
    IReadOnlyDictionary<(string Entity, string Field), Type> Types, IReadOnlyDictionary<int, string> LabelMeanings);
