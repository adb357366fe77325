using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Budgets;

/// 予算: every staff member reads it — but a line's undecided 要求額・査定額 in a year under 予算編成 only those who read
/// the request (UndecidedBudgets); the project's unit head and planning enter it (PlanAccess.CanEditUnitRecord),
/// departments only while the year is open (DepartmentLocks.BudgetYearOpen), and only its 要求額: the later stages
/// (査定・当初・補正・決算) are planning's. A line not yet entered is asked about as a new line of its project and year.
public sealed class BudgetLineRule(AppDbContext db, CityClock clock) : IRecordRule<BudgetLine>
{
    /// Changing 査定額・当初予算額・補正予算額・決算額 (asked when a form changes any of them: BudgetCommands.ChangesLaterStages).
    public const string EnterLaterStages = nameof(EnterLaterStages);

    /// Who the rule lets enter the later stages (IsPlanMasterEditor): every sentence saying so is built from it.
    public const string LaterStagesBy = "企画課";

    public const string LaterStagesRefused = $"査定額・当初予算額・補正予算額・決算額を入力できるのは{LaterStagesBy}です。担当課が入力できるのは要求額だけです。";

    /// What the budget-line form tells those who may enter only 要求額.
    public const string LaterStagesNote = $"所属で入力できるのは要求額です。査定額以降は{LaterStagesBy}が入力します。";

    public static bool MayEnterLaterStages(Actor actor) => actor.IsPlanMasterEditor;

    public async Task<string?> RefusalAsync(RuleAsker asker, BudgetLine record, string operation)
    {
        switch (operation)
        {
            case RecordOperation.Read:
                // Its 要求額・査定額 (and their history) while undecided in 予算編成 are read as requests are.
                var unit = record.Project?.OwnerUnitId
                    ?? await db.Projects.AsNoTracking().Where(p => p.Id == record.ProjectId).Select(p => (int?)p.OwnerUnitId).FirstOrDefaultAsync();
                return unit is int u && (await UndecidedBudgets.LoadAsync(db, [record.FiscalYear])).Hides(asker.Actor, record.FiscalYear, u, asker.Org)
                    ? UndecidedBudgets.Refused : null;
            case RecordOperation.Edit:
            case EnterLaterStages:
                var owner = record.Project?.OwnerUnitId
                    ?? await db.Projects.AsNoTracking().Where(p => p.Id == record.ProjectId).Select(p => (int?)p.OwnerUnitId).FirstOrDefaultAsync();
                return EditRefusal(asker.Actor, owner, record.FiscalYear, clock.FiscalYear, record.Settled is not null, asker.Org)
                    ?? (operation == EnterLaterStages && !MayEnterLaterStages(asker.Actor) ? LaterStagesRefused : null);
            default:
                return RecordOperation.Unknown(operation);
        }
    }

    /// Edit for one project's line of a year, for a list that decides every row at once (the year's budget list).
    public static string? EditRefusal(Actor actor, int? ownerUnitId, int year, int currentYear, bool settled, OrgTree org) =>
        !PlanAccess.CanEditUnitRecord(actor, ownerUnitId, org) ? "予算を入力できるのは、その事業の担当部課の長と企画課です。"
        : !DepartmentLocks.BudgetYearOpen(actor, year, currentYear, settled) ? DepartmentLocks.BudgetYearClosed
        : null;
}
