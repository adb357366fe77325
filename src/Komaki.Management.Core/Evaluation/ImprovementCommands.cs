namespace Komaki.Management.Core.Evaluation;

/// What answers an improvement: a later plan line or budget line of the same project, or closing it with a reason;
/// planning may reopen it.
public sealed class ImprovementCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<ImprovementAction?> ForEditAsync(int id) => db.ImprovementActions.Include(a => a.Project).FirstOrDefaultAsync(a => a.Id == id);

    public async Task<CommandResult> AnswerAsync(ImprovementAction action, int version, int? planLineId, int? budgetLineId, string? note, bool close,
        string displayName, DateTime now)
    {
        var result = new CommandResult();
        if (action.State != ImprovementState.Open) result.Add(string.Empty, $"この改善は「{action.State.Label()}」です。");
        if (close)
        {
            if (string.IsNullOrWhiteSpace(note)) result.Add("note", "終了する理由を入力してください（例: 事業の廃止により対応不要となった）。");
        }
        else if (planLineId is null == budgetLineId is null)
        {
            result.Add(string.Empty, "反映先として、実施計画の行か予算の行のどちらか一つを選んでください。");
        }
        else if (planLineId is int pl && !await db.ImplementationPlanLines.AnyAsync(l => l.Id == pl && l.ProjectId == action.ProjectId && l.FiscalYear > action.FiscalYear))
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の実施計画の行から選んでください。");
        }
        else if (budgetLineId is int bl && !await db.BudgetLines.AnyAsync(b => b.Id == bl && b.ProjectId == action.ProjectId && b.FiscalYear > action.FiscalYear))
        {
            result.Add(string.Empty, "反映先は、この事業の評価年度より後の予算の行から選んでください。");
        }
        if (!result.Succeeded) return result;
        action.State = close ? ImprovementState.Closed : ImprovementState.Answered;
        (action.AnswerPlanLineId, action.AnswerBudgetLineId) = close ? (null, null) : (planLineId, budgetLineId);
        (action.Note, action.ClosedBy, action.ClosedAt) = (string.IsNullOrWhiteSpace(note) ? null : note.Trim(), displayName, now);
        return await saver.SaveEditAsync(action, version, action.AuditTarget);
    }

    public Task<CommandResult> ReopenAsync(ImprovementAction action, int version)
    {
        (action.State, action.AnswerPlanLineId, action.AnswerBudgetLineId, action.ClosedAt, action.ClosedBy) = (ImprovementState.Open, null, null, null, null);
        return saver.SaveEditAsync(action, version, action.AuditTarget);
    }
}
