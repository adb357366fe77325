using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Public;

// The records below are the published field names (docs/open-data.md): add fields, never rename or remove one.

public sealed record EvaluationRecord(
    int Id, string ProjectCode, string ProjectName, string MeasureCode, string MeasureName, string Unit, int FiscalYear,
    long? SettledCostYen, decimal StaffPersonYears, long StaffCostYen, long? FullCostYen,
    string? Necessity, string? Effectiveness, string? Efficiency, string? Equity,
    string? Direction, string? DirectionLabel, string? Improvement, DateTime? PublishedAt,
    string? PurposeTarget, string? PurposeIntent, string? Means, DateTime SheetAsOf, bool SheetAsPublished,
    IReadOnlyList<EvaluationCostRecord> Costs, IReadOnlyList<EvaluationIndicatorRecord> Indicators, IReadOnlyList<EvaluationNoteRecord> Notes);

/// One year of a published sheet's cost (yen).
public sealed record EvaluationCostRecord(int FiscalYear, long? SettledCostYen, long? StaffCostYen, long? FullCostYen, decimal? OutputAmount, decimal? PerUnitCostYen);

public sealed record EvaluationIndicatorRecord(string Name, string Unit, string Kind, IReadOnlyList<EvaluationIndicatorValueRecord> Values);

/// Actual is null for a year whose actuals are not published yet.
public sealed record EvaluationIndicatorValueRecord(int FiscalYear, decimal? Target, decimal? Actual);

/// 確認事項: what a step's checks found when it was confirmed anyway, with the written reason.
public sealed record EvaluationNoteRecord(string Step, IReadOnlyList<string> Findings, string? Reason);

public sealed record ForumResultRecord(string Session, DateOnly HeldOn, int FiscalYear, string ProjectCode, string ProjectName, string? Result, IReadOnlyDictionary<string, int> Verdicts, string? CityResponse,
    DateOnly? CorrectedOn, string? CorrectionReason, string? AsPublished)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public PublicCorrection? Correction { get; init; }
}

public sealed record MeasureRecord(int Id, string PolicyCode, string PolicyName, string MeasureCode, string MeasureName, string? Unit, int? AchievementYear, decimal? AchievementPercent, string? Grade, string? GradeLabel,
    string? Explanation, string? Standing = null);

public sealed record IndicatorRecord(int IndicatorId, string MeasureCode, string MeasureName, string Indicator, string Kind, string Unit, string Direction,
    decimal? Baseline, int? BaselineYear, int FiscalYear, decimal? Target, decimal? Actual, decimal? AchievementPercent, decimal? ProgressPercent, bool WorseThanBaseline, string? Trend,
    DateOnly? CorrectedOn, string? CorrectionReason, decimal? PublishedActual);

public sealed record ManifestoRecord(string Term, string Number, string Area, string Title, string? Status, int? StatusYear, string? Commentary,
    DateOnly? CorrectedOn, string? CorrectionReason, string? AsPublished, DateOnly? ItemCorrectedOn, string? ItemCorrectionReason, string? ItemAsPublished);

public sealed record CitizenInputRecord(int Id, string Channel, DateOnly ReceivedOn, string Summary, string Answer, string Status, IReadOnlyList<string> MeasureCodes, IReadOnlyList<string> ProjectCodes,
    DateOnly? CorrectedOn, string? CorrectionReason, string? AsPublished)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public PublicCorrection? Correction { get; init; }
}

/// Builds each public list from PublicData; the pages of the public site show the same records.
public sealed class PublishedLists(PublicData data, OrgTreeProvider orgTree, JudgmentBands bands, DirectionCatalog directions, ReadCache cache)
{
    /// What a year's published evaluations read: everything the citizens' site shows, but of the indicators only their
    /// definitions and the values of the year and before (the sheet's years) — next year's targets, saved all through
    /// the busy season, leave a published year's list kept (ADR 0008), so the public list and the open data of that
    /// year are not built again from every sheet after each of them.
    public static IReadOnlyList<string> EvaluationAreasOf(int year) =>
        [.. DataArea.All.Except([DataArea.Indicators, DataArea.Goals, DataArea.Cycle]), DataArea.IndicatorsUpTo(year)];

    /// The year's published evaluations as records (every year's when none), kept for every reader: the same for all.
    public Task<IReadOnlyList<EvaluationRecord>> EvaluationsAsync(int? year) => year is int y
        ? cache.GetAsync($"public-evaluations:{y}", EvaluationAreasOf(y), () => BuildEvaluationsAsync(y))
        : BuildEvaluationsAsync(null);

    private async Task<IReadOnlyList<EvaluationRecord>> BuildEvaluationsAsync(int? year)
    {
        var list = await data.Evaluations.Where(e => year == null || e.FiscalYear == year).ToListAsync();
        var sheets = await data.SheetsAsync(list);
        return list.OrderBy(e => e.FiscalYear).ThenBy(e => sheets[e.Id].Sheet.Project!.Code, CodeOrder.Instance).Select(e =>
        {
            // The figures are the sheet's as published: a later correction of a budget or an evaluation's cost never
            // changes what was published (the public sheet reads the same).
            var (sheet, kept) = sheets[e.Id];
            var cost = sheet.Costs.FirstOrDefault(c => c.Year == e.FiscalYear);
            var p = sheet.Project!;
            return new EvaluationRecord(
                e.Id, p.Code, p.Name, p.MeasureCode, p.MeasureName, p.Unit, e.FiscalYear,
                cost?.Settled, e.StaffPersonYears, cost?.StaffCost ?? e.StaffCost, cost?.FullCost,
                e.Necessity?.ToString(), e.Effectiveness?.ToString(), e.Efficiency?.ToString(), e.Equity?.ToString(),
                e.FinalDirection?.ToString(), e.FinalDirection is null ? null : directions.Label(e.FinalDirection), e.Improvement, e.PublishedAt,
                e.PurposeTarget, e.PurposeIntent, e.Means, sheet.TakenAt, kept,
                sheet.Costs.Select(c => new EvaluationCostRecord(c.Year, c.Settled, c.StaffCost, c.FullCost, c.Output, c.PerUnit)).ToList(),
                sheet.Indicators.Select(i => new EvaluationIndicatorRecord(i.Name, i.Unit, i.IsActivity ? "活動" : "成果",
                    i.Values.Select(v => new EvaluationIndicatorValueRecord(v.Year, v.Target, v.Actual)).ToList())).ToList(),
                Notes(e));
        }).ToList();
    }

    private static List<EvaluationNoteRecord> Notes(ProjectEvaluation e) =>
        new[] { ("一次評価", e.FirstReviewFindings, e.FirstReviewExplanation), ("二次評価", e.SecondReviewFindings, e.SecondReviewExplanation), ("公表", e.PublishFindings, e.PublishExplanation) }
            .Where(n => n.Item2 is not null).Select(n => new EvaluationNoteRecord(n.Item1, n.Item2!.Split('\n'), n.Item3)).ToList();

    public async Task<List<ForumResultRecord>> ForumAsync()
    {
        var sessions = await data.ClosedSessions
            .Include(s => s.Projects).ThenInclude(p => p.Verdicts).Include(s => s.Projects).ThenInclude(p => p.Project)
            .OrderByDescending(s => s.HeldOn).AsSplitQuery().ToListAsync();
        return sessions.SelectMany(s => s.Projects.OrderBy(p => p.Project!.Code, CodeOrder.Instance).Select(p => new ForumResultRecord(s.Title, s.HeldOn, s.FiscalYear, p.Project!.Code, p.Project.Name,
            ExternalReviewResults.Result(p.Verdicts)?.Label(), ExternalReviewResults.Verdicts.ToDictionary(v => v.Label(), v => p.Verdicts.Count(x => x.Verdict == v)), p.CityResponse,
            p.CorrectedAt is DateTime at ? DateOnly.FromDateTime(Display.ToTokyo(at)) : null, p.CorrectionReason, p.AsPublished)
            { Correction = PublicCorrection.Of(p.CorrectedAt, p.CorrectionReason, p.AsPublished) })).ToList();
    }

    /// Every measure of the current plan with its achievement in the latest year whose actuals are published.
    public async Task<List<MeasureRecord>> MeasuresAsync()
    {
        var plan = await data.PlanAsync();
        if (plan is null) return [];
        var org = await orgTree.GetAsync();
        var published = await data.YearsAsync(PublicationKind.IndicatorActuals);
        var year = published.Cast<int?>().LastOrDefault();
        var policies = await data.PoliciesAsync(plan, year);
        var b = await bands.GetAsync();
        return policies.SelectMany(p => p.Measures.Select(m =>
        {
            var band = year is null ? null : RollUp.Judge(b, m.Result);
            return new MeasureRecord(m.Id, p.Code, p.Name, m.Code, m.Name, org.Find(m.OwnerUnitId)?.Name, year, year is null ? null : m.Result.Percent, band?.Grade, band?.Label,
                year is null ? null : RollUp.Reason(b, m.Result), year is null ? null : MeasureStandings.Of(m.Result, b)?.Label());
        })).ToList();
    }

    public async Task<List<IndicatorRecord>> IndicatorsAsync(int? measureId)
    {
        var plan = await data.PlanAsync();
        if (plan is null) return [];
        var measures = await data.Measures(plan.Id).Where(m => measureId == null || m.Id == measureId).Select(m => new { m.Id, m.Code, m.Name }).ToDictionaryAsync(m => m.Id);
        var indicators = await data.IndicatorsAsync(measures.Keys.ToList());
        return indicators.OrderBy(i => measures[i.MeasureId!.Value].Code, CodeOrder.Instance).ThenBy(i => i.SortOrder)
            .SelectMany(i => i.Values.OrderBy(v => v.FiscalYear).Select(v =>
            {
                var measure = measures[i.MeasureId!.Value];
                var j = IndicatorJudgment.Of(i, v.FiscalYear);
                return new IndicatorRecord(i.Id, measure.Code, measure.Name, i.Name,
                    i.Kind == IndicatorKind.Outcome ? "成果指標" : "活動指標", i.Unit, i.Direction == IndicatorDirection.HigherIsBetter ? "高いほど良い" : "低いほど良い",
                    i.BaselineValue, i.BaselineYear, v.FiscalYear, v.Target, v.Actual, j.Achievement.RatePercent, j.ProgressPercent, j.WorseThanBaseline,
                    v.Actual is not null && j.Trend != Trend.Unknown ? j.Trend.Label() : null,
                    v.CorrectedAt is DateTime c ? DateOnly.FromDateTime(Display.ToTokyo(c)) : null, v.CorrectionReason, v.CorrectedAt is null ? null : v.PublishedActual);
            })).ToList();
    }

    public async Task<List<ManifestoRecord>> ManifestoAsync()
    {
        var standing = await data.ManifestoAsync();
        return standing is null ? [] : standing.Items.Select(i => new ManifestoRecord(standing.Term.Title, i.Number, i.Area, i.Title, i.Status?.Label(), i.Year, i.Commentary,
            i.Correction is { } c ? DateOnly.FromDateTime(Display.ToTokyo(c.CorrectedAt)) : null, i.Correction?.Reason, i.Correction?.AsPublished,
            i.ItemCorrection is { } ic ? DateOnly.FromDateTime(Display.ToTokyo(ic.CorrectedAt)) : null, i.ItemCorrection?.Reason, i.ItemCorrection?.AsPublished)).ToList();
    }

    public async Task<List<CitizenInputRecord>> VoicesAsync()
    {
        var list = await data.Voices.Include(c => c.Links).ThenInclude(l => l.Measure).Include(c => c.Links).ThenInclude(l => l.Project)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).AsSplitQuery().ToListAsync();
        return list.Select(c => new CitizenInputRecord(c.Id, c.Channel.Label(), c.ReceivedOn, c.Summary, c.Answer!, c.Status.Label(),
            c.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code).ToList(), c.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code).ToList(),
            c.CorrectedAt is DateTime at ? DateOnly.FromDateTime(Display.ToTokyo(at)) : null, c.CorrectionReason, c.AsPublished)
            { Correction = PublicCorrection.Of(c.CorrectedAt, c.CorrectionReason, c.AsPublished) }).ToList();
    }
}
