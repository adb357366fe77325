using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Staffing;

/// 定員管理 of one year: the 条例定数, the 定員適正化計画's target of regular staff for the year, the due dates of the
/// request and the assessment, the tolerance beyond which a division's 人工 and its staff are flagged, and the cost
/// of a person-year per job type.
// 定員: the staff each division has and asks for, beside the organisation they staff (the reconciliation reads both).
[DataArea(DataArea.Organization)]
public sealed class StaffingYear : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "条例定数")]
    public int OrdinanceQuota { get; set; }
    [Display(Name = "定員適正化計画の目標")]
    public int? PlanTarget { get; set; }
    [Display(Name = "要求の期限")]
    public DateOnly RequestDue { get; set; }
    [Display(Name = "査定の期限")]
    public DateOnly AssessmentDue { get; set; }
    /// 人工と職員数の差の許容（人）: a difference larger than this is flagged.
    [Display(Name = "人工の許容差")]
    public decimal Tolerance { get; set; } = 0.5m;
    /// When next year's allocation was made from this year with something missing: what it was, who went on and why.
    [Display(Name = "不足を承知で次年度の配分を作った記録")]
    public string? AllocationNote { get; set; }
    public int Version { get; set; }
    public List<StaffingUnitCost> UnitCosts { get; set; } = [];

    /// The cost of a post: its employment type's own unit cost, else its job type's.
    public long CostOf(JobType job, Personnel.EmploymentType employment) =>
        (UnitCosts.FirstOrDefault(c => c.JobType == job && c.Employment == employment) ?? UnitCosts.FirstOrDefault(c => c.JobType == job && c.Employment == null))?.CostPerPersonYear ?? 0;

    public AuditTarget AuditTarget => new(nameof(StaffingYear), Id, FiscalYear.ToString(CultureInfo.InvariantCulture));
}

/// 人件費 per person-year of a job type in a year (円): of one employment type (再任用・会計年度任用 cost less than
/// full-time staff), or with no employment type the job type's cost for every post without its own.
[DataArea(DataArea.Organization)]
public sealed class StaffingUnitCost : IAudited
{
    public int Id { get; set; }
    [Display(Name = "定員管理の年度")]
    public int StaffingYearId { get; set; }
    [Display(Name = "職種")]
    public JobType JobType { get; set; }
    [Display(Name = "任用形態")]
    public Personnel.EmploymentType? Employment { get; set; }
    [Display(Name = "1人年あたりの人件費（円）")]
    public long CostPerPersonYear { get; set; }

    /// Filed under the year's settings, which every staff member reads on the staffing pages.
    public AuditTarget AuditTarget => new(nameof(StaffingYear), StaffingYearId, $"人件費:{JobType.Label()}{(Employment is { } e ? "・" + e.Label() : "")}");
}

/// One line of a division's staffing for a year: a job type and employment type, with 配分定数, the 実員 on 4月1日,
/// what the division requests for the next year and what the personnel division assesses, each with its reason.
[DataArea(DataArea.Organization)]
public sealed class StaffingLine : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    [Display(Name = "職種")]
    public JobType JobType { get; set; }
    [Display(Name = "任用形態")]
    public Personnel.EmploymentType Employment { get; set; }
    [Display(Name = "配分定数"), Decimals(0)]
    public decimal Allocated { get; set; }
    [Display(Name = "4月1日の実員"), Decimals(0)]
    public decimal? ActualApril1 { get; set; }
    [Display(Name = "要求額"), Decimals(0)]
    public decimal? Requested { get; set; }
    [Display(Name = "要求の理由")]
    public string? RequestReason { get; set; }
    [Display(Name = "査定額"), Decimals(0)]
    public decimal? Assessed { get; set; }
    [Display(Name = "査定の理由")]
    public string? AssessmentReason { get; set; }
    [Display(Name = "状態")]
    public StaffingState State { get; set; } = StaffingState.Draft;
    public int Version { get; set; }

    /// The state the stored figures say: assessed when there is a 査定数, requested when there is a 要求数, else draft.
    /// Every save sets State from here, so a line never reads 査定済 without its number (nor stays so once it is cleared).
    public StaffingState StateOfFigures => Assessed is not null ? StaffingState.Assessed : Requested is not null ? StaffingState.Requested : StaffingState.Draft;

    public AuditTarget AuditTarget => new(nameof(StaffingLine), Id);
}

/// 職種.
public enum JobType
{
    [Display(Name = "一般事務")]
    Administrative = 1,
    [Display(Name = "技術")]
    Technical = 2,
    [Display(Name = "保育士・福祉")]
    Welfare = 3,
    [Display(Name = "消防")]
    Fire = 4,
    [Display(Name = "技能労務")]
    Labor = 5,
    [Display(Name = "医療・保健")]
    Medical = 6,
}

public enum StaffingState
{
    [Display(Name = "要求前")]
    Draft = 1,
    [Display(Name = "要求済")]
    Requested = 2,
    [Display(Name = "査定済")]
    Assessed = 3,
}

/// 部門別職員数（公表用）as the personnel division confirmed it (確定) for publication: the table of that day, kept whole,
/// so a later change of a line, a reason or a department's name shows only in the next edition. A later edition of
/// the same year is a 訂正 and says why; every edition stays as history.
[DataArea(DataArea.Organization)]
public sealed class StaffingTableEdition : IAudited
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new();

    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "版")]
    public int Edition { get; set; }
    [Display(Name = "確定日時")]
    public DateTime ConfirmedAt { get; set; }
    [Display(Name = "確定した人")]
    public string ConfirmedBy { get; set; } = "";
    /// Why a later edition replaces the earlier one (訂正の理由; null for the first).
    [Display(Name = "訂正の理由")]
    public string? Correction { get; set; }
    /// The rows as confirmed (StaffingTableRow as JSON).
    [Display(Name = "表")]
    public string Rows { get; set; } = "[]";

    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<StaffingTableRow> Table => System.Text.Json.JsonSerializer.Deserialize<List<StaffingTableRow>>(Rows, Json) ?? [];

    public static string Write(IReadOnlyList<StaffingTableRow> rows) => System.Text.Json.JsonSerializer.Serialize(rows, Json);

    public AuditTarget AuditTarget => new(nameof(StaffingTableEdition), Id, $"{FiscalYear}:{Edition}");
}

/// One department of 部門別職員数: its name of the day, regular staff on 4月1日 of the year before and of the year, and
/// the main reasons of the change.
public sealed record StaffingTableRow(int DepartmentId, string Department, decimal Previous, decimal Current, IReadOnlyList<string> Reasons);
