using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// The comprehensive plans and their periods (基本計画): creating, editing, and redrawing a period as a copy after
/// a mayoral election. The forms have passed their validators.
public sealed class PlanCommands(AppDbContext db, RecordSaver saver, IEnumerable<IEditionFollower> followers) : IUseCase
{
    public async Task<CommandResult> CreatePlanAsync(PlanForm form)
    {
        var plan = new ComprehensivePlan();
        await ApplyAsync(plan, form);
        db.ComprehensivePlans.Add(plan);
        return await saver.SaveAsync();
    }

    public async Task<CommandResult> EditPlanAsync(ComprehensivePlan plan, PlanForm form)
    {
        await ApplyAsync(plan, form);
        return await saver.SaveEditAsync(plan, form.Version, plan.AuditTarget);
    }

    public static PlanForm FormOf(ComprehensivePlan p) => new()
    {
        Id = p.Id, Name = p.Name, Vision = p.Vision, StartYear = p.StartYear, EndYear = p.EndYear, PolicyLabel = p.PolicyLabel,
        MeasureLabel = p.MeasureLabel, BasicProjectLabel = p.BasicProjectLabel, ProjectLabel = p.ProjectLabel, IsCurrent = p.IsCurrent, Version = p.Version,
    };

    public Task<CommandResult> CreateBasicPlanAsync(BasicPlanForm form)
    {
        db.BasicPlans.Add(new BasicPlan { ComprehensivePlanId = form.ComprehensivePlanId, Name = form.Name.Trim(), StartYear = form.StartYear, EndYear = form.EndYear });
        return saver.SaveAsync();
    }

    public Task<CommandResult> EditBasicPlanAsync(BasicPlan b, BasicPlanForm form)
    {
        (b.Name, b.StartYear, b.EndYear) = (form.Name.Trim(), form.StartYear, form.EndYear);
        return saver.SaveEditAsync(b, form.Version, b.AuditTarget);
    }

    /// The next edition of a period as a copy of it; it must start after the one it copies.
    public async Task<(CommandResult Result, BasicPlan? Edition)> CopyBasicPlanAsync(BasicPlan from, BasicPlanForm form)
    {
        if (form.StartYear <= from.StartYear)
            return (CommandResult.Refused(nameof(form.StartYear), $"新しい計画期間は、写し元（{Wareki.FiscalYear(from.StartYear)}開始）より後に始まる年度にしてください。"), null);
        var edition = await PlanEdition.CopyAsync(db, from.Id, form.Name.Trim(), form.StartYear, form.EndYear, followers);
        return (CommandResult.Ok(edition.Id), edition);
    }

    public Task<(int Projects, int Indicators)> MoveWorkAsync(int basicPlanId) => PlanEdition.MoveWorkAsync(db, basicPlanId);

    private async Task ApplyAsync(ComprehensivePlan plan, PlanForm form)
    {
        plan.Name = form.Name.Trim();
        plan.Vision = string.IsNullOrWhiteSpace(form.Vision) ? null : form.Vision.Trim();
        plan.StartYear = form.StartYear;
        plan.EndYear = form.EndYear;
        plan.PolicyLabel = form.PolicyLabel.Trim();
        plan.MeasureLabel = form.MeasureLabel.Trim();
        plan.BasicProjectLabel = form.BasicProjectLabel.Trim();
        plan.ProjectLabel = form.ProjectLabel.Trim();
        if (form.IsCurrent && !plan.IsCurrent)
        {
            // Only one plan is current: the one the tree and the top page open on.
            foreach (var other in await db.ComprehensivePlans.Where(p => p.IsCurrent && p.Id != plan.Id).ToListAsync()) other.IsCurrent = false;
        }
        plan.IsCurrent = form.IsCurrent;
    }
}
