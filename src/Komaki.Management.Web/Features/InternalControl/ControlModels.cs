using Komaki.Management.Core.Common;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.InternalControl;

/// The register of a year as the reader may see it, with the cycle's dates and what the reader may do.
public sealed record ControlIndexModel(int Year, ControlPolicy? Policy, ControlYear? Cycle, Paged<ControlRisk> Risks, int? UnitId, RiskPriority? Priority,
    IReadOnlyList<SelectListItem> Units, OrgTree Org, bool SeesAll, bool IsPromotion, bool IsEvaluation, bool CanReadReport, IReadOnlyList<SelectListItem> MyUnits,
    IReadOnlyList<(int UnitId, int Draft, int Submitted, int Evaluated)> Progress, DateOnly Today)
{
    /// Whether the register opens on the whole city for the reader (ControlYearRule.OpenCity).
    public bool OpensCity { get; init; }

    /// The words the list is searched for (リスクID, 内容 or 対応策).
    public string? Query { get; init; }

    /// What the next step (依頼・取りまとめ) would leave undone, listed on its form.
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// Every 課 of the year's organisation with its counts (未着手 included), for those who see everything.
    public IReadOnlyList<CoverageRow> Coverage { get; init; } = [];

    /// The 督促 the reader's own 課 has had this year.
    public IReadOnlyList<ControlChase> Chases { get; init; } = [];

    /// What each level of 発生可能性 and 影響度 means this year, printed with the register.
    public RiskLevels Levels { get; init; } = RiskLevels.Of(null);

    /// The 課 whose whole register the person submits, as its head (ControlRiskRule.SubmitRegister); null for others.
    public int? SubmitsRegisterOf { get; init; }
}

public sealed record RiskFormModel(int? Id, RiskForm Form, IReadOnlyList<SelectListItem> Units, IReadOnlyList<OrganizationalGoal> Goals, RiskLevels Levels);

/// The 推進部局's wording of the levels for a year; HasCycle is false until the year's schedule is set.
public sealed record RiskLevelsModel(int Year, RiskLevelsForm Form, bool HasCycle);

public sealed record RiskDetailsModel(ControlRisk Risk, string Unit, string? EditRefusal, string? SubmitRefusal, string? EvaluateRefusal, RiskEvaluationForm Evaluation,
    IReadOnlyList<(ControlDeficiency Deficiency, string? CorrectRefusal)> Deficiencies, IReadOnlyList<ProcessingError> Errors, DateOnly Today)
{
    /// Per deficiency, why the reader may not confirm or send back its correction (null: they may).
    public IReadOnlyDictionary<int, string?> ConfirmRefusals { get; init; } = new Dictionary<int, string?>();
}

public sealed record ReportModel(ControlReport Report, OrgTree Org, ControlPolicy? Policy, bool IsPromotion)
{
    /// Whether the person records the year's next step (ControlYearRule.Record).
    public bool RecordsNext { get; init; }

    /// Whether the reader may open the register the report was written from, on the whole city (ControlYearRule.OpenCity).
    public bool OpensRegister { get; init; }
}

public sealed record ErrorsModel(int Year, IReadOnlyList<ProcessingError> Errors, OrgTree Org, IReadOnlyList<SelectListItem> MyUnits, IReadOnlyList<ControlRisk> Risks,
    ProcessingErrorForm Form, bool CanPublish);

/// Confirmable: the editions awaiting confirmation that this administrator may confirm (not the one they proposed).
public sealed record PolicyModel(IReadOnlyList<ControlPolicy> Editions, IReadOnlyList<SelectListItem> Units, bool CanEdit, ControlPolicyForm Form, ControlPolicy? InForce, IReadOnlySet<int> Confirmable);
