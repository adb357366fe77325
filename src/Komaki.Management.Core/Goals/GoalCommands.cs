using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Goals;

/// Who acts, as the goal's log names them.
public sealed record GoalAuthor(string UserName, string DisplayName, DateTime At);

/// Saving a goal's content, its workflow steps and comments. The form has passed GoalFormValidator.
public sealed class GoalCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public async Task<CommandResult> CreateAsync(GoalForm form, OrgTree org, GoalAuthor author)
    {
        var goal = new OrganizationalGoal { OrgUnitId = form.OrgUnitId, FiscalYear = form.FiscalYear };
        var result = await ApplyAsync(form, goal);
        if (org.Find(form.OrgUnitId) is not { } unit || !unit.IsValidIn(form.FiscalYear))
            result.Add(nameof(form.OrgUnitId), "この年度の組織から所属を選んでください。");
        if (!result.Succeeded) return result;
        goal.SortOrder = await db.OrganizationalGoals.CountAsync(g => g.OrgUnitId == form.OrgUnitId && g.FiscalYear == form.FiscalYear) + 1;
        goal.Events.Add(new GoalEvent { Action = GoalAction.Created, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At });
        db.OrganizationalGoals.Add(goal);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(goal.Id) : saved;
    }

    public Task<OrganizationalGoal?> ForEditAsync(int id) =>
        db.OrganizationalGoals.Include(g => g.Links).Include(g => g.Indicators).Include(g => g.Steps).Include(g => g.Events)
            .FirstOrDefaultAsync(g => g.Id == id);

    /// A change of the content is logged with who made it (GoalAction.ContentEdited): they may not agree to it later.
    public async Task<CommandResult> EditAsync(OrganizationalGoal goal, GoalForm form, GoalAuthor author)
    {
        var result = await ApplyAsync(form, goal);
        if (!result.Succeeded) return result;
        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            goal.Events.Add(new GoalEvent { Action = GoalAction.ContentEdited, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At });
        return await saver.SaveEditAsync(goal, form.Version, goal.AuditTarget);
    }

    /// A workflow step: refused with the reasons (or Forbidden for someone outside the goal's unit and the top), or
    /// taken and saved with its event.
    public async Task<(bool Forbidden, CommandResult Result)> TakeStepAsync(
        OrganizationalGoal goal, GoalAction action, GoalStepInput input, int version, Actor actor, OrgTree org, GoalAuthor author)
    {
        var (forbidden, refusals, actuals) = GoalSteps.Check(actor, goal, action, input, org);
        if (forbidden) return (true, new CommandResult());
        if (refusals.Count > 0) return (false, CommandResult.Refused(refusals));
        // What the goal serves is agreed as it reads now (GoalLink.KeepAgreed).
        if (action == GoalAction.Agreed)
        {
            foreach (var link in goal.Links)
            {
                await db.Entry(link).Reference(l => l.Measure).LoadAsync();
                await db.Entry(link).Reference(l => l.Project).LoadAsync();
                await db.Entry(link).Reference(l => l.ManifestoItem).LoadAsync();
            }
        }
        GoalSteps.Take(goal, action, input, actuals, author.UserName, author.DisplayName, author.At);
        return (false, await saver.SaveEditAsync(goal, version, goal.AuditTarget));
    }

    /// The form is valid (GoalCommentFormValidator).
    public async Task<CommandResult> CommentAsync(int goalId, GoalCommentForm form, GoalAuthor author)
    {
        db.GoalEvents.Add(new GoalEvent
        {
            OrganizationalGoalId = goalId, Action = GoalAction.Commented, UserName = author.UserName, DisplayName = author.DisplayName,
            At = author.At, Comment = form.Comment!.Trim(),
        });
        return await saver.SaveAsync();
    }

    /// Copies the form onto the goal, resolving codes to current measures, projects and the current term's
    /// manifesto items; a code that resolves to nothing is refused beside its field and nothing is changed.
    /// The checks that need the database, without changing anything: shown together with the validator's.
    public async Task<CommandResult> CheckAsync(GoalForm form, OrgTree org)
    {
        var result = await ApplyAsync(form, null);
        if (org.Find(form.OrgUnitId) is not { } unit || !unit.IsValidIn(form.FiscalYear))
            result.Add(nameof(form.OrgUnitId), "この年度の組織から所属を選んでください。");
        return result;
    }

    private async Task<CommandResult> ApplyAsync(GoalForm form, OrganizationalGoal? goal)
    {
        var result = new CommandResult();
        var measureCodes = CodeList.Parse(form.MeasureCodes);
        var projectCodes = CodeList.Parse(form.ProjectCodes);
        var numbers = CodeList.Parse(form.ManifestoNumbers);
        var measures = await db.Measures.Where(m => measureCodes.Contains(m.Code) && m.RetiredAt == null).Select(m => new { m.Id, m.Code }).ToListAsync();
        var projects = await db.Projects.Where(p => projectCodes.Contains(p.Code) && p.RetiredAt == null).Select(p => new { p.Id, p.Code }).ToListAsync();
        var termId = await db.MayorTerms.OrderByDescending(t => t.StartDate).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        var items = await db.ManifestoItems.Where(i => i.MayorTermId == termId && numbers.Contains(i.Number)).Select(i => new { i.Id, i.Number }).ToListAsync();
        foreach (var c in measureCodes.Where(c => measures.All(m => m.Code != c))) result.Add(nameof(form.MeasureCodes), $"施策コード「{c}」は現行の施策にありません。");
        foreach (var c in projectCodes.Where(c => projects.All(p => p.Code != c))) result.Add(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        foreach (var c in numbers.Where(c => items.All(i => i.Number != c))) result.Add(nameof(form.ManifestoNumbers), $"マニフェスト番号「{c}」は現在の任期にありません。");
        if (!result.Succeeded || goal is null) return result;

        goal.Title = form.Title!.Trim();
        goal.Reason = form.Reason!.Trim();
        LinkSet.Keep(goal.Links, measures.Select(m => new GoalLink { MeasureId = m.Id }).Concat(projects.Select(p => new GoalLink { ProjectId = p.Id }))
            .Concat(items.Select(i => new GoalLink { ManifestoItemId = i.Id })), l => (l.MeasureId, l.ProjectId, l.ManifestoItemId));
        // Rows are kept in place: an indicator keeps its row (and the actual recorded on it) by its name, a step by its place.
        var unused = goal.Indicators.OrderBy(i => i.SortOrder).ToList();
        var indicators = new List<GoalIndicator>();
        foreach (var row in form.Indicators.Where(r => !GoalFormValidator.IsBlank(r)))
        {
            // The validator has refused what does not read as a number; blank reads as none.
            var name = (row.Name ?? "").Trim();
            var indicator = unused.FirstOrDefault(i => i.Name == name) ?? new GoalIndicator { Name = name };
            unused.Remove(indicator);
            indicator.Unit = (row.Unit ?? "").Trim();
            indicator.Target = NumberText.TryParse(row.Target, out var t) ? t : null;
            indicator.Baseline = NumberText.TryParse(row.Baseline, out var b) ? b : null;
            indicator.Direction = row.Direction;
            indicator.SortOrder = indicators.Count + 1;
            indicators.Add(indicator);
        }
        foreach (var gone in unused) goal.Indicators.Remove(gone);
        foreach (var added in indicators.Where(i => !goal.Indicators.Contains(i))) goal.Indicators.Add(added);
        var steps = goal.Steps.OrderBy(x => x.SortOrder).ToList();
        var rows = form.Steps.Where(r => !string.IsNullOrWhiteSpace(r.Action) || !string.IsNullOrWhiteSpace(r.Schedule)).ToList();
        for (var n = 0; n < rows.Count; n++)
        {
            var step = n < steps.Count ? steps[n] : new GoalStep();
            (step.Action, step.Schedule, step.SortOrder) = ((rows[n].Action ?? "").Trim(), (rows[n].Schedule ?? "").Trim(), n + 1);
            if (n >= steps.Count) goal.Steps.Add(step);
        }
        foreach (var gone in steps.Skip(rows.Count)) goal.Steps.Remove(gone);
        return result;
    }
}
