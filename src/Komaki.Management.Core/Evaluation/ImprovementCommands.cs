using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// What answers an improvement: a later plan line or budget line of the same project, or closing it with a reason;
/// planning may reopen it.
public sealed class ImprovementCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<ImprovementAction?> ForEditAsync(int id) => db.ImprovementActions.Include(a => a.Project).FirstOrDefaultAsync(a => a.Id == id);

    public async Task<CommandResult> AnswerAsync(ImprovementAction action, ImprovementAnswerForm form, string displayName, DateTime now)
    {
        var result = new CommandResult();
        if (action.State != ImprovementState.Open) result.Add(string.Empty, $"この改善は「{action.State.Label()}」です。");
        foreach (var problem in ImprovementAnswerForm.Problems(form)) result.Add(problem.Field, problem.Message);
        if (result.Succeeded && !form.Close && form.PlanLineId is int pl
            && !await db.ImplementationPlanLines.AnyAsync(l => l.Id == pl && l.ProjectId == action.ProjectId && l.FiscalYear > action.FiscalYear))
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の実施計画の行から選んでください。");
        }
        else if (result.Succeeded && !form.Close && form.BudgetLineId is int bl
            && !await db.BudgetLines.AnyAsync(b => b.Id == bl && b.ProjectId == action.ProjectId && b.FiscalYear > action.FiscalYear))
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の予算の行から選んでください。");
        }
        if (!result.Succeeded) return result;
        action.State = form.Close ? ImprovementState.Closed : ImprovementState.Answered;
        (action.AnswerPlanLineId, action.AnswerBudgetLineId) = form.Close ? (null, null) : (form.PlanLineId, form.BudgetLineId);
        (action.Note, action.ClosedBy, action.ClosedAt) = (string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(), displayName, now);
        return await saver.SaveEditAsync(action, form.Version, action.AuditTarget);
    }

    public Task<CommandResult> ReopenAsync(ImprovementAction action, int version)
    {
        (action.State, action.AnswerPlanLineId, action.AnswerBudgetLineId, action.ClosedAt, action.ClosedBy) = (ImprovementState.Open, null, null, null, null);
        return saver.SaveEditAsync(action, version, action.AuditTarget);
    }
}
