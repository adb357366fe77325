using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// The plan's histories: every staff member reads the plan, so every staff member reads how it changed.
public sealed class PlanElementHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(Policy), nameof(Measure), nameof(BasicProject), nameof(Project)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(Policy), typeof(Measure), typeof(BasicProject), typeof(Project)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        var name = recordType switch
        {
            nameof(Policy) => await db.Policies.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
            nameof(Measure) => await db.Measures.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
            nameof(BasicProject) => await db.BasicProjects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
            _ => await db.Projects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        };
        return HistoryOpening.Read(name ?? recordId, new("PlanElements", "Details", new { level = recordType, id }));
    }
}

/// An indicator and its yearly values (filed under the indicator).
public sealed class IndicatorHistory(AppDbContext db) : HistoryKind<Indicator>(typeof(IndicatorValue))
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id
            ? HistoryOpening.Read(await db.Indicators.Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync() ?? recordId, new("Indicators", "Details", new { id }))
            : HistoryOpening.Read(recordId);
}

/// 総合計画 and 基本計画.
public sealed class PlanHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ComprehensivePlan), nameof(BasicPlan)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ComprehensivePlan), typeof(BasicPlan)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Read(recordId);
        var name = recordType == nameof(ComprehensivePlan)
            ? await db.ComprehensivePlans.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync()
            : await db.BasicPlans.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync();
        return HistoryOpening.Read(name ?? recordId, new("Plans", "Index"));
    }
}

/// The bands of achievement (S/A/B/C) that every page judges by.
public sealed class JudgmentBandHistory(AppDbContext db) : HistoryKind<JudgmentBand>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.Read(HistoryOpening.IdOf(recordId) is int id && await db.JudgmentBands.Where(b => b.Id == id).Select(b => b.Grade + "（" + b.Label + "）").FirstOrDefaultAsync() is { } grade
            ? $"達成度の判定区分 {grade}" : recordId, new("Board", "Bands"));
}
