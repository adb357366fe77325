namespace Komaki.Management.Web.Features.Goals;

/// One line of 対応待ち whatever its source, for the home page's short list.
/// Source: plan, control, staffing, personnel or city (the city-wide stages planning and the executives answer for).
public sealed record WaitLine(string Source, DateOnly? DueOn, string Task, string Subject, string Unit, string Url);

/// 対応待ち from one place: the full page and the home page read the same rows, so their counts cannot differ.
/// The 人事評価 rows are read for the person alone on every request, never from the shared cache.
public sealed class MyWaiting(OrgTreeProvider orgTree, CycleSnapshots cycles, WorkLists workLists, PersonnelPages personnel, CurrentUser me, OtherWork other) : IUseCase
{
    public async Task<WaitingModel> ForAsync(Actor actor, IUrlHelper url, int year, DateOnly today)
    {
        var org = await orgTree.GetAsync();
        var work = WorkRows.Of(await workLists.GetAsync(actor), org, url);
        var snapshots = new List<CycleSnapshot>();
        foreach (var y in DueWork.YearsAround(year)) snapshots.Add(await cycles.GetAsync(y));
        var cityWide = DueWork.For(actor, org, snapshots).Where(d => d.Stage.Owner() is StageOwner.Planning or StageOwner.Executive).ToList();
        var appraisal = await personnel.WaitingAsync(actor, await personnel.StaffIdsOfAsync(me.UserId), year, today);
        var others = await other.ForAsync(actor, org, year, today);
        var lines = work.Select(r => new WaitLine("plan", r.Item.DueOn, r.Item.Task, r.Item.Code.Length > 0 ? $"{r.Item.Code} {r.Item.Name}" : r.Item.Name, r.Unit, r.Url))
            .Concat(others.Select(o => new WaitLine(o.Kind switch { OtherWorkKind.StaffingRequest or OtherWorkKind.StaffingAssessment => "staffing", OtherWorkKind.BudgetSubmission or OtherWorkKind.BudgetStage or OtherWorkKind.BudgetRestoration or OtherWorkKind.BudgetEffectPublication => "budget", _ => "control" }, o.DueOn, o.Task, o.Subject, o.Subject, WorkRows.FormFor(o, url))))
            .Concat(appraisal.Select(p => new WaitLine("personnel", p.DueOn, p.Task, p.Person, "", WorkRows.FormFor(p, url))))
            .Concat(cityWide.Select(d => new WaitLine("city", d.DueOn, d.Stage.Label(), $"{Wareki.FiscalYearShort(d.Year)}・未了 {d.Missing:#,##0}件", "全庁", WorkRows.FormFor(d, url))))
            .OrderBy(l => l.DueOn is null).ThenBy(l => l.DueOn).ToList();
        return new WaitingModel(new WorkListModel(work, today), cityWide, today) { Personnel = appraisal, Other = others, Lines = lines };
    }
}
