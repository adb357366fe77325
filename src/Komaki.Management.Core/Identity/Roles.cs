namespace Komaki.Management.Core.Identity;

/// The roles of ../docs (domain.md). Names are stable identifiers; labels are what staff read.
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Planning = "Planning";
    public const string DepartmentHead = "DepartmentHead";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string Executive = "Executive";
    public const string ExternalReviewer = "ExternalReviewer";
    /// 人事担当: the personnel division, who design and run 人事評価 and alone read every evaluation.
    public const string Personnel = "Personnel";
    /// 監査委員 (and its office): reads the internal-control report and records the committee's review.
    public const string Auditor = "Auditor";
    /// 財政担当 (the 財政課): sets the year's 予算編成方針 and frames, assesses requests and commits the stages.
    public const string Finance = "Finance";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Planning, DepartmentHead, DepartmentStaff, Executive, ExternalReviewer, Personnel, Auditor, Finance];

    /// Roles that may read the internal plan pages.
    public const string Staff = $"{Administrator},{Planning},{DepartmentHead},{DepartmentStaff},{Executive},{Personnel},{Finance}";

    public const string PlanMasterEditors = $"{Administrator},{Planning}";

    public static string Label(string role) => role switch
    {
        Administrator => "システム管理者",
        Planning => "企画担当",
        DepartmentHead => "所属長",
        DepartmentStaff => "担当職員",
        Executive => "市長・副市長",
        ExternalReviewer => "外部評価委員",
        Personnel => "人事担当",
        Auditor => "監査委員",
        Finance => "財政担当",
        _ => role,
    };
}
