using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Personnel;

/// 職員: a person on the payroll, as the personnel system lists them (imported with `komaki import staff`). The
/// account they sign in with, when they have one, is linked by UserId.
[DataArea(DataArea.None)]
public sealed class StaffMember : IVersioned, IAudited
{
    public int Id { get; set; }
    /// 職員番号: the key the payroll system knows the person by.
    [Display(Name = "職員番号")]
    public string StaffNumber { get; set; } = "";
    [Display(Name = "名称")]
    public string Name { get; set; } = "";
    [Display(Name = "メールアドレス")]
    public string? Email { get; set; }
    [Display(Name = "アカウント")]
    public string? UserId { get; set; }
    /// 特別職 (市長・副市長・教育長) registered by the personnel division as evaluators of 部長: outside the register the
    /// staff import reads, with no post in the organisation and no evaluation of their own.
    [Display(Name = "特別職")]
    public SpecialPost? SpecialPost { get; set; }
    /// 退職日: from this day the person's account and sessions end (Core/Leavers), whatever the directory says.
    [Display(Name = "退職日")]
    public DateOnly? LeftOn { get; set; }
    public int Version { get; set; }
    public List<StaffAssignment> Assignments { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(StaffMember), Id, StaffNumber);
}

/// 所属 for a fiscal year from a date (発令日): a transfer during the year is a second row with a later StartsOn.
[DataArea(DataArea.None)]
public sealed class StaffAssignment : IAudited
{
    public int Id { get; set; }
    [Display(Name = "職員")]
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "発令日")]
    public DateOnly StartsOn { get; set; }
    [Display(Name = "所属")]
    public int OrgUnitId { get; set; }
    /// 職名 as the personnel system writes it (課長, 主査, 主事 …).
    [Display(Name = "職名")]
    public string Position { get; set; } = "";
    [Display(Name = "職層")]
    public JobLevel JobLevel { get; set; }
    /// 級 (給料表の級).
    [Display(Name = "級")]
    public int? SalaryGrade { get; set; }
    [Display(Name = "任用形態")]
    public EmploymentType Employment { get; set; } = EmploymentType.Regular;

    public AuditTarget AuditTarget => new(nameof(StaffMember), StaffMemberId, "所属");
}

/// 職層: which competence criteria apply and where a person stands in the evaluator chain.
public enum JobLevel
{
    [Display(Name = "部長級")]
    DepartmentChief = 1,
    [Display(Name = "課長級")]
    DivisionChief = 2,
    [Display(Name = "係長級")]
    SectionChief = 3,
    [Display(Name = "一般職員")]
    General = 4,
    [Display(Name = "会計年度任用職員")]
    FiscalYearAppointee = 5,
}

/// 任用形態.
public enum EmploymentType
{
    [Display(Name = "正規")]
    Regular = 1,
    [Display(Name = "再任用")]
    Reappointed = 2,
    [Display(Name = "会計年度任用")]
    FiscalYearAppointed = 3,
}

/// 特別職 who evaluate 部長.
public enum SpecialPost
{
    [Display(Name = "市長")]
    Mayor = 1,
    [Display(Name = "副市長")]
    DeputyMayor = 2,
    [Display(Name = "教育長")]
    Superintendent = 3,
}
