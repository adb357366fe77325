using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Implementation;

namespace Komaki.Management.Core.Evaluation;

/// What answers an improvement: the division proposes a later plan line or budget line of the same project, or closing
/// it with a reason; someone outside the division confirms the proposal or sends it back; planning may reopen it.
public sealed class ImprovementCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<ImprovementAction?> ForEditAsync(int id) => db.ImprovementActions.Include(a => a.Project).FirstOrDefaultAsync(a => a.Id == id);

    public async Task<CommandResult> AnswerAsync(ImprovementAction action, ImprovementAnswerForm form, string displayName, string userName, DateTime now)
    {
        var result = new CommandResult();
        if (action.State != ImprovementState.Open) result.Add(string.Empty, $"この改善は「{action.State.Label()}」です。");
        foreach (var problem in ImprovementAnswerForm.Problems(form)) result.Add(problem.Field, problem.Message);
        ImplementationPlanLine? planLine = null;
        Budgets.BudgetLine? budgetLine = null;
        if (result.Succeeded && !form.Close && form.PlanLineId is int pl
            && (planLine = await db.ImplementationPlanLines.AsNoTracking().Include(l => l.ImplementationPlan).FirstOrDefaultAsync(l => l.Id == pl && l.ProjectId == action.ProjectId && l.FiscalYear > action.FiscalYear)) is null)
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の実施計画の行から選んでください。");
        }
        else if (result.Succeeded && !form.Close && form.BudgetLineId is int bl
            && (budgetLine = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bl && b.ProjectId == action.ProjectId && b.FiscalYear > action.FiscalYear)) is null)
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の予算の行から選んでください。");
        }
        if (!result.Succeeded) return result;
        var against = !form.Close && await AgainstVerdictAsync(action.Direction, planLine, budgetLine);
        var reason = string.IsNullOrWhiteSpace(form.DeviationReason) ? null : form.DeviationReason.Trim();
        if (against && reason is null)
            return CommandResult.Refused(nameof(form.DeviationReason),
                $"評価の方向性は「{(await DirectionCatalog.LoadAsync(db)).Label(action.Direction)}」ですが、選んだ行は前年度より事業費が増えるか、拡大・新規です。方向性と異なる理由を入力してください。");
        action.State = ImprovementState.Proposed;
        (action.AnswerPlanLineId, action.AnswerBudgetLineId) = form.Close ? (null, null) : (form.PlanLineId, form.BudgetLineId);
        action.Note = form.Note!.Trim();
        (action.ProposedBy, action.ProposedByUser, action.ProposedAt) = (displayName, userName, now);
        (action.AgainstVerdict, action.DeviationReason, action.ConfirmNote) = (against, reason, null);
        (action.ClosedBy, action.ClosedAt) = (null, null);
        return await saver.SaveEditAsync(action, form.Version, action.AuditTarget);
    }

    /// The confirmer accepts the proposal (answered, or closed when it proposed closing) or sends it back to 対応中.
    public async Task<CommandResult> ConfirmAsync(ImprovementAction action, ImprovementConfirmForm form, string displayName, DateTime now)
    {
        var result = new CommandResult();
        if (action.State != ImprovementState.Proposed) result.Add(string.Empty, $"この改善は「{action.State.Label()}」です。確認するのは、所属が出した反映案です。");
        foreach (var problem in ImprovementConfirmForm.Problems(form)) result.Add(problem.Field, problem.Message);
        if (!result.Succeeded) return result;
        action.ConfirmNote = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        if (form.SendBack)
        {
            action.State = ImprovementState.Open;
            (action.AnswerPlanLineId, action.AnswerBudgetLineId, action.AgainstVerdict, action.DeviationReason) = (null, null, false, null);
        }
        else
        {
            action.State = action.AnswerPlanLineId is null && action.AnswerBudgetLineId is null ? ImprovementState.Closed : ImprovementState.Answered;
            (action.ClosedBy, action.ClosedAt) = (displayName, now);
        }
        return await saver.SaveEditAsync(action, form.Version, action.AuditTarget);
    }

    public Task<CommandResult> ReopenAsync(ImprovementAction action, int version)
    {
        (action.State, action.AnswerPlanLineId, action.AnswerBudgetLineId, action.ClosedAt, action.ClosedBy) = (ImprovementState.Open, null, null, null, null);
        return saver.SaveEditAsync(action, version, action.AuditTarget);
    }

    /// A 縮小・廃止・完了 verdict answered with more money than the year before (or a line marked 拡大・新規).
    private async Task<bool> AgainstVerdictAsync(Direction direction, ImplementationPlanLine? planLine, Budgets.BudgetLine? budgetLine)
    {
        if (!ImprovementAnswers.Cuts(direction)) return false;
        if (planLine is not null)
        {
            // The year before as the same edition plans it, or as the newest earlier edition did.
            var edition = planLine.ImplementationPlan!.FiscalYear;
            var before = await db.ImplementationPlanLines.AsNoTracking()
                .Where(l => l.ProjectId == planLine.ProjectId && l.FiscalYear == planLine.FiscalYear - 1 && l.ImplementationPlan!.FiscalYear <= edition)
                .OrderByDescending(l => l.ImplementationPlan!.FiscalYear).Select(l => (long?)l.Cost).FirstOrDefaultAsync();
            return ImprovementAnswers.AgainstVerdict(direction, planLine.Status, planLine.Cost, before);
        }
        if (budgetLine is not null)
        {
            var before = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == budgetLine.ProjectId && b.FiscalYear == budgetLine.FiscalYear - 1)
                .Select(b => b.Initial ?? b.Requested).FirstOrDefaultAsync();
            return ImprovementAnswers.AgainstVerdict(direction, null, budgetLine.Initial ?? budgetLine.Requested ?? 0, before);
        }
        return false;
    }
}

/// Whether an answer goes against the evaluation's verdict: a verdict that cuts (縮小・休廃止・廃止→新規・完了) answered
/// with a line that grows (拡大・新規) or costs more than the year before.
public static class ImprovementAnswers
{
    public static bool Cuts(Direction direction) =>
        direction is Direction.Reduce or Direction.SuspendOrAbolish or Direction.AbolishAndReplace or Direction.Complete;

    public static bool AgainstVerdict(Direction direction, ImplementationStatus? status, long amount, long? yearBefore) =>
        Cuts(direction) && (status is ImplementationStatus.Expanded or ImplementationStatus.New || yearBefore is long b && amount > b);
}
