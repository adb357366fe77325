namespace Komaki.Management.Web.Features.History;

/// How one page of a history reads: people by their names, records referred to by their code and name, years as
/// 和暦年度, amounts in 千円, numbers and dates as the rest of the app shows them. The lookups are loaded once for
/// the page from what its entries mention.
public sealed class HistoryWording
{
    public const string System = "システム（取り込み・自動処理）";

    private readonly Dictionary<string, string> _people;
    private readonly Dictionary<(string Field, int Id), string> _references;
    private readonly Dictionary<(string Entity, string Field), Type> _types;
    private readonly OrgTree _org;
    private readonly DirectionCatalog _directions;
    private readonly IReadOnlyDictionary<int, string> _labelMeanings;

    private HistoryWording(Dictionary<string, string> people, Dictionary<(string, int), string> references, Dictionary<(string, string), Type> types,
        OrgTree org, DirectionCatalog directions, IReadOnlyDictionary<int, string> labelMeanings) =>
        (_people, _references, _types, _org, _directions, _labelMeanings) = (people, references, types, org, directions, labelMeanings);

    private static readonly HashSet<string> YearFields = ["FiscalYear", "StartYear", "EndYear", "BaselineYear", "ValidFromYear", "ValidToYear"];
    private static readonly HashSet<string> PersonFields = ["OwnerUserId", "PublishedBy"];

    public string Person(string userName) => userName == "system" ? System : _people.GetValueOrDefault(userName, userName);

    /// A recorded value as staff read it; null stays empty.
    public string? Value(string entity, string field, string? value)
    {
        if (value is null) return null;
        if (YearFields.Contains(field) && int.TryParse(value, out var year)) return Wareki.FiscalYearWithWestern(year);
        if (field == "Month" && int.TryParse(value, out var month)) return $"{month}月";
        if (PersonFields.Contains(field)) return Person(value);
        if (entity == nameof(LabelMapping) && field == nameof(LabelMapping.Value) && int.TryParse(value, out var meaning))
            return _labelMeanings.GetValueOrDefault(meaning, value);
        if (field.EndsWith("Id", StringComparison.Ordinal) && int.TryParse(value, out var id) && !RecordedValues.IsUnitField(field))
            return _references.GetValueOrDefault((field, id), "（削除された記録）");
        var type = _types.GetValueOrDefault((entity, field));
        if (type == typeof(Direction) && Enum.TryParse<Direction>(value, out var direction)) return _directions.Label(direction);
        if (type == typeof(decimal) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && !RecordedValues.IsAmountField(field))
            return Display.Number(number);
        if (type == typeof(DateTime) && DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return Display.DateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        if (type == typeof(DateOnly) && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date)) return Wareki.Date(date);
        return RecordedValues.Of(field, value, unit => _org.Find(unit) is null ? null : _org.PathName(unit));
    }

    public static async Task<HistoryWording> LoadAsync(AppDbContext db, string recordType, string recordId, IReadOnlyList<AuditEntry> entries,
        OrgTree org, DirectionCatalog directions, LabelTable labels)
    {
        var changes = entries.SelectMany(e => e.Changes).ToList();
        var names = entries.Select(e => e.UserName).Concat(changes.Where(c => PersonFields.Contains(c.Field)).SelectMany(c => new[] { c.Old, c.New })).OfType<string>().Distinct().ToList();
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
            foreach (var (id, label) in await ReferencesAsync(db, field, list))
                references[(field, id)] = label;

        var types = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType.Name, p.Name, Type: Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)))
            .GroupBy(x => (x.Entity, x.Name)).ToDictionary(g => g.Key, g => g.First().Type);

        IReadOnlyDictionary<int, string> meanings = new Dictionary<int, string>();
        if (recordType == nameof(LabelMapping) && int.TryParse(recordId, out var mappingId)
            && await db.LabelMappings.AsNoTracking().Where(m => m.Id == mappingId).Select(m => (LabelKind?)m.Kind).FirstOrDefaultAsync() is LabelKind kind)
            meanings = (await labels.OptionsAsync(kind)).ToDictionary(o => o.Value, o => o.Text);
        return new HistoryWording(byName, references, types, org, directions, meanings);
    }

    /// The records an id field can point at, by their code and name. Goals are named only by "組織目標" here: their
    /// titles follow the goal's own read rule on the goal's page.
    private static async Task<Dictionary<int, string>> ReferencesAsync(AppDbContext db, string field, List<int> ids) => field switch
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
        "ForumSessionId" => await db.ForumSessions.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title),
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
        "OrganizationalGoalId" => ids.ToDictionary(id => id, _ => "組織目標"),
        _ => [],
    };
}
