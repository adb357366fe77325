using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.Evaluations;

public sealed class EvaluationFilter
{
    public int? Year { get; set; }
    public int? UnitId { get; set; }
    public int? MeasureId { get; set; }
    public Direction? Direction { get; set; }
    public EvaluationState? State { get; set; }
    public bool NotStarted { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record EvaluationListModel(
    int Year, EvaluationFilter Filter, Paged<EvaluationRow> Rows, IReadOnlyDictionary<Direction, int> DirectionCounts,
    IReadOnlyDictionary<EvaluationState, int> StateCounts, int NotStartedCount, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Measures, OrgTree Org, SheetOffer Sheet);

/// One indicator's year on the sheet: target, actual and how it is judged (ADR 0004).
public sealed record IndicatorYear(int Year, decimal? Target, decimal? Actual, IndicatorJudgment Judgment);

/// An indicator of the project with the sheet's year and the two before it.
public sealed record IndicatorResult(string Name, string Unit, bool IsActivity, bool HasBaseline, IReadOnlyList<IndicatorYear> Years)
{
    public IndicatorYear? Current => Years.Count == 0 ? null : Years[^1];
    public decimal? Target => Current?.Target;
    public decimal? Actual => Current?.Actual;
}

/// Everything the sheet shows for a project and year, stored or derived.
public sealed record EvaluationSheet(
    int Year, int ProjectId, string Code, string Name, int OwnerUnitId, string Unit, string MeasureCode, string MeasureName, string PolicyName,
    ProjectEvaluation? Evaluation, long? Settled, long? CurrentBudget, ImplementationPlanLine? PlanLine,
    IReadOnlyList<IndicatorResult> Indicators, ProjectEvaluation? LastYear, long StaffCostPerPersonYear, IReadOnlyList<string> Flags,
    IReadOnlyList<ImprovementAction> LastYearActions, Core.Budgets.BudgetLine? SettledFunding = null)
{
    /// The year's indicators rolled up as a measure's are: what the consistency checks compare the ratings with.
    public RolledUp IndicatorSummary { get; init; } = RolledUp.None;

    /// The sheet's year and the two before it, oldest first.
    public IReadOnlyList<CostYear> Costs { get; init; } = [];

    public string? ProjectDescription { get; init; }

    /// When the sheet was published; its costs and indicators are then read as they were that day.
    public DateTime? PublishedAt { get; init; }

    /// Actuals corrected since publication, shown beside the published figures.
    public IReadOnlyList<SheetCorrection> Corrections { get; init; } = [];

    /// コスト per unit of output: full cost over the first activity indicator's actual.
    public (string Name, string Unit, decimal PerUnit)? CostPerOutput
    {
        get
        {
            var output = Indicators.FirstOrDefault(i => i.IsActivity && i.Actual is > 0);
            var cost = Evaluation?.FullCost ?? Settled;
            return output is null || cost is not long c ? null : (output.Name, output.Unit, Math.Round(c / output.Actual!.Value));
        }
    }
}

/// An actual changed after the sheet was published: the published figure stands, this is shown beside it as 訂正.
public sealed record SheetCorrection(string Indicator, string Unit, int Year, decimal? Published, decimal? Now, DateTime? CorrectedAt, string? Reason);

public sealed record EvaluationDetailsModel(EvaluationSheet Sheet, bool CanStart, bool CanEdit, IReadOnlyList<EvaluationStep> Steps);

/// The page of its own that says what a step will do before it is done, with what the checks found.
public sealed record StepConfirmModel(EvaluationSheet Sheet, EvaluationStep Step, StepForm Form, IReadOnlyList<EvaluationFinding> Findings);

/// One part of the printed sheets: which sheets of how many, so the paper and the screen say what is not printed.
public sealed record EvaluationPrintModel(IReadOnlyList<EvaluationSheet> Sheets, int Page, int PageCount, int Total)
{
    public const int SheetsPerPrint = 20;

    public int First => Total == 0 ? 0 : (Page - 1) * SheetsPerPrint + 1;

    public int Last => First + Sheets.Count - 1;

    public string SheetsPerPrintText => $"{SheetsPerPrint} 件ずつ印刷します";
}
