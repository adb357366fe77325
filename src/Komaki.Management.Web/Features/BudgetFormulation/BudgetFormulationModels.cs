using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

public sealed record FormulationIndexModel(int Year, BudgetRound? Round, IReadOnlyList<DepartmentStanding> Standings, IReadOnlyList<FormulationLine> MyLines,
    IReadOnlyList<(int Id, string Code, string Name, int OwnerUnitId)> Unrequested, IReadOnlyList<BudgetStageCommit> Commits, OrgTree Org, bool IsFinance, bool ReadsAll, DateOnly Today)
{
    /// The 予算要求書's Excel links the person may use.
    public required BudgetSheetLinks SheetLinks { get; init; }
}

/// AnswersRequests: the requests whose 復活要求 the reader may answer now (the line's rule for 復活査定).
public sealed record DepartmentModel(int Year, int DepartmentId, BudgetRound? Round, IReadOnlyList<FormulationLine> Lines, DepartmentStanding? Standing,
    IReadOnlyList<BudgetStageCommit> Commits, OrgTree Org, BudgetStage? NextStage, bool CanCommitNext, IReadOnlySet<int> AnswersRequests);

public sealed record PolicyModel(int Year, RoundForm Form, OrgTree Org, IReadOnlyList<OrgUnit> Departments);

public sealed record RequestModel(int Year, int ProjectId, string Code, string Name, string Unit, RequestForm Form, long? PlanAmount, long? PreviousBudget,
    EvaluationBeside? Evaluation, DirectionCatalog Directions, DepartmentStanding? Department, BudgetRequest? Request);

public sealed record LineModel(int Year, FormulationLine Line, BudgetRound? Round, IReadOnlyList<BudgetStageCommit> Commits, LineContext Context, EvaluationBeside? Evaluation,
    DirectionCatalog Directions, OrgTree Org, IReadOnlyList<BudgetStage> Assessable, bool CanSubmit, bool CanEnter, bool CanRestore, bool CanAnswer, IReadOnlyDictionary<string, string> Names);

public sealed record SubmitModel(int Year, FormulationLine Line, IReadOnlyList<string> Findings, string? Shown, OrgTree Org);

public sealed record AssessModel(int Year, FormulationLine Line, BudgetStage Stage, AssessForm Form, IFunded From, LineContext Context, EvaluationBeside? Evaluation, DirectionCatalog Directions, OrgTree Org);

public sealed record RestoreModel(int Year, FormulationLine Line, string? Amount, string? Reason, OrgTree Org);

public sealed record AnswerModel(int Year, FormulationLine Line, BudgetRestoration Restoration, string? Granted, string? Answer, OrgTree Org);

public sealed record CommitModel(int Year, BudgetStage Stage, int DepartmentId, IReadOnlyList<string> Missing,
    IReadOnlyList<(FormulationLine Line, IFunded Amounts, IReadOnlyList<string> Findings)> Lines, CommitForm Form, OrgTree Org)
{
    /// The 部's active projects without a request (BudgetChecks): listed, and at 予算案 left out only with a reason.
    public IReadOnlyList<UnrequestedProject> Unrequested { get; init; } = [];
}

/// WholeCity: the rows are every 部's, so their total is the city's (「全市」); otherwise the reader's own 部 only (「計」).
public sealed record CompareModel(int Year, BudgetStage From, BudgetStage To, int? DepartmentId, StageComparison Comparison, IReadOnlyList<OrgUnit> Departments, OrgTree Org, bool WholeCity)
{
    public IReadOnlyList<StageCompareRow> Rows => Comparison.Rows;
}

public sealed record ChoushoModel(int Year, int DepartmentId, BudgetStage Assessment, IReadOnlyList<FormulationLine> Lines, IReadOnlyDictionary<string, string> Names, OrgTree Org)
{
    /// The 予算案's commit of the 部, with the active projects it left without a request and why (null before it).
    public BudgetStageCommit? Proposal { get; init; }

    /// Whether the person exports the 査定調書 (BudgetDepartmentRule.ExportChousho).
    public bool ExportsChousho { get; init; }
}

public sealed record EffectModel(int Year, EffectReport Report, DirectionCatalog Directions, OrgTree Org)
{
    /// Whether the person may publish the year's report (the 財政課, Policies.Finance as BudgetEffectPublicationsController).
    public bool MayPublish { get; init; }
}
