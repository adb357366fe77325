using Komaki.Management.Core;
using Komaki.Management.Core.Identity;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Komaki.Management.Web.Infrastructure.Authorization;

/// Who may open a feature at all, by role; what they may do with one record is the record handlers' to say.
public static class Policies
{
    /// Anyone signed in (the person's own pages: home, password, sessions).
    public const string SignedIn = nameof(SignedIn);
    public const string Staff = nameof(Staff);
    public const string PlanMasterEditors = nameof(PlanMasterEditors);
    public const string Administrator = nameof(Administrator);
    /// 人事担当: the personnel division's 人事評価 screens.
    public const string Personnel = nameof(Personnel);
    /// 人事担当 or a system administrator: the staff register's 退職日, which ends a person's access.
    public const string StaffRegisterKeepers = nameof(StaffRegisterKeepers);
    /// The internal-control report: staff (narrowed by ControlAccess) and the audit committee.
    public const string ControlReport = nameof(ControlReport);
    /// 財政担当: the 予算編成方針 and frames.
    public const string Finance = nameof(Finance);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff.Split(',')));
        options.AddPolicy(PlanMasterEditors, p => p.RequireRole(Roles.PlanMasterEditors.Split(',')));
        options.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Personnel, p => p.RequireRole(Roles.Personnel));
        options.AddPolicy(StaffRegisterKeepers, p => p.RequireRole(Roles.Personnel, Roles.Administrator));
        options.AddPolicy(Finance, p => p.RequireRole(Roles.Finance));
        options.AddPolicy(ControlReport, p => p.RequireRole([.. Roles.Staff.Split(','), Roles.Auditor]));
    }
}

/// What a person asks to do with one record: Read and Edit, which every record kind's rule answers, or a step its
/// feature names beside the rule (RecordOperation and the rules' constants in Core).
public static class RecordOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = RecordOperation.Read };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = RecordOperation.Edit };

    public static OperationAuthorizationRequirement Named(string operation) => operation switch
    {
        RecordOperation.Read => Read,
        RecordOperation.Edit => Edit,
        _ => new() { Name = operation },
    };
}
