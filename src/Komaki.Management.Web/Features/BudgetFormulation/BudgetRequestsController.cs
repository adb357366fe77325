using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// A 課's request: entered with the evaluation and the 実施計画 beside it, read as a line with its stages, and
/// submitted by the head on a confirmation page that asks the reason for what goes against the evaluation.
[Authorize(Policy = Policies.Staff)]
[Route("BudgetFormulation")]
public sealed class BudgetRequestsController(OrgTreeProvider orgTree, BudgetFormulationPages pages, BudgetReads reads, BudgetFormulationCommands commands, DirectionCatalog directions)
    : BudgetDoorController()
{
    [HttpGet("{year:int}/Request/{projectId:int}")]
    public async Task<IActionResult> EditRequest(int year, int projectId)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        var request = await pages.RequestAsync(year, projectId);
        if (await RefusalAsync(request ?? new BudgetRequest { FiscalYear = year, ProjectId = projectId, OrgUnitId = project.OwnerUnitId }, RecordOperation.Edit) is { } refused) return Forbidden(refused);
        // Saving asks the commits afresh (SaveRequestAsync); the form is shown from the year as kept.
        if (BudgetFormulationCommands.ClosedForRequests((await reads.YearAsync(year)).Commits, request?.OrgUnitId ?? project.OwnerUnitId, org) is { } closed) return Forbidden(closed);
        return View(await RequestModelAsync(year, project, RequestForm.Of(request), request, org));
    }

    [HttpPost("{year:int}/Request/{projectId:int}")]
    public async Task<IActionResult> EditRequest(int year, int projectId, RequestForm form)
    {
        var project = await pages.ProjectAsync(projectId);
        if (project is null) return NotFound();
        var org = await orgTree.GetAsync();
        var request = await pages.RequestAsync(year, projectId);
        if (await RefusalAsync(request ?? new BudgetRequest { FiscalYear = year, ProjectId = projectId, OrgUnitId = project.OwnerUnitId }, RecordOperation.Edit) is { } refused) return Forbidden(refused);
        var result = await ValidateAsync(form) ? await commands.SaveRequestAsync(year, projectId, form, Actor, org) : null;
        if (result is not null && Accept(result))
        {
            TempData["Message"] = $"{project.Code} {project.Name} の要求を保存しました。所属長が確かめて提出します。";
            return RedirectToAction(nameof(Line), new { year, id = result.RecordId });
        }
        return View(await RequestModelAsync(year, project, form, request, org));
    }

    private async Task<RequestModel> RequestModelAsync(int year, Project project, RequestForm form, BudgetRequest? request, OrgTree org)
    {
        var beside = await reads.BesideAsync(year, project.Id);
        var department = org.DepartmentOf(project.OwnerUnitId)?.Id;
        var standing = department is int d ? BudgetFormulationPages.Standings(await reads.DepartmentAsync(year, org, d), [], (await reads.YearAsync(year)).Round, org).FirstOrDefault() : null;
        return new RequestModel(year, project.Id, project.Code, project.Name, org.PathName(project.OwnerUnitId), form, beside.Context.PlanAmount, beside.Context.PreviousBudget,
            beside.For(Actor, org), directions, standing, request);
    }

    [HttpGet("{year:int}/Lines/{id:int}")]
    public async Task<IActionResult> Line(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, RecordOperation.Read) is { } refused) return Forbidden(refused);
        var (round, yearCommits) = await reads.YearAsync(year);
        var commits = yearCommits.Where(c => c.DepartmentId == line.DepartmentId).ToList();
        var restoring = commits.Any(c => c.Stage == BudgetStage.Notice) && !commits.Any(c => c.Stage == BudgetStage.Restoration) && round?.StageOf(BudgetStage.Restoration) is not null;
        var answering = commits.Any(c => c.Stage == BudgetStage.Restoration) && !commits.Any(c => c.Stage == BudgetStage.RestorationAssessment);
        var names = await reads.NamesAsync();
        var beside = await reads.BesideAsync(year, line.Request.ProjectId);
        return View(new LineModel(year, line, round, commits, beside.Context, beside.For(Actor, org), directions, org, BudgetFormulationPages.Assessable(line, round, commits, Actor, org),
            await MayAsync(line.Request, BudgetRequestRule.Submit), await MayAsync(line.Request, RecordOperations.Edit),
            restoring && line.Request.Restorations.Count == 0 && BudgetFormulationCommands.Cut(line.Request) > 0 && await MayAsync(line.Request, BudgetRequestRule.Restore),
            answering && await MayAsync(line.Request, BudgetRequestRule.Assess(BudgetStage.RestorationAssessment)), names));
    }

    [HttpGet("{year:int}/Lines/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int year, int id)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Submit) is { } refused) return Forbidden(refused);
        return View(new SubmitModel(year, line, await commands.FindingsAsync(line.Request, line.Request), BudgetShown.Request(line.Request), org));
    }

    [HttpPost("{year:int}/Lines/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int year, int id, SubmitForm form)
    {
        var org = await orgTree.GetAsync();
        var line = await pages.LineAsync(id, org);
        if (line is null || line.Request.FiscalYear != year) return NotFound();
        if (await RefusalAsync(line.Request, BudgetRequestRule.Submit) is { } refused) return Forbidden(refused);
        if (await ValidateAsync(form) && Accept(await commands.SubmitAsync(id, form, Actor, org)))
        {
            TempData["Message"] = $"{line.Code} {line.Name} の要求を提出しました。";
            return RedirectToAction(nameof(Line), new { year, id });
        }
        // The page keeps what it was opened on: after a refusal for a change, only opening it again confirms the new amounts.
        return View(new SubmitModel(year, line, await commands.FindingsAsync(line.Request, line.Request), form.Shown, org));
    }
}
