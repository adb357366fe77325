using Komaki.Management.Core.Common;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.ImplementationPlans;

/// 実施計画: the editions, one project's three years, and the comparison of two editions.
[Authorize(Policy = Policies.Staff)]
[Route("ImplementationPlans")]
public sealed class ImplementationPlansController(OrgTreeProvider orgTree, ImplementationPlanPages pages, ImplementationPlanCommands commands,
    ReadCache cache, MeasureOptions measureOptions) : AppController()
{
    public const int PageSize = 50;

    /// Rows of a comparison on one page: a new edition changes thousands of project-years.
    public const int ComparePageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var summaries = await cache.GetAsync("editions", ImplementationPlanPages.Areas, pages.EditionsAsync);
        var next = summaries.Count == 0 ? Clock.FiscalYear : summaries.Max(e => e.FiscalYear) + 1;
        return View(new EditionsModel(summaries, next, await MayAsync(new ImplementationPlan { FiscalYear = next }, RecordOperations.Edit)));
    }

    /// Creating an edition cannot be undone from the screen: asked on a page of its own that says what it copies.
    [HttpGet("Create")]
    public async Task<IActionResult> ConfirmCreate(int fiscalYear)
    {
        if (await RefusalAsync(new ImplementationPlan { FiscalYear = fiscalYear }, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (!Display.IsFiscalYear(fiscalYear)) return BadRequest();
        if (await commands.CreationConsequencesAsync(fiscalYear) is not { } consequences)
        {
            TempData["Error"] = $"{Wareki.FiscalYear(fiscalYear)}の実施計画は既にあります。";
            return RedirectToAction(nameof(Index));
        }
        return View("Confirm", new ConfirmStep("実施計画の版の作成", ImplementationPlan.DefaultTitle(fiscalYear), consequences,
            Url.Action(nameof(Create))!, "版を作成する", Url.Action(nameof(Index))!, new Dictionary<string, string> { ["fiscalYear"] = fiscalYear.ToString(CultureInfo.InvariantCulture) }));
    }

    /// Starts the next edition as a copy of the latest one.
    [HttpPost("Create")]
    public async Task<IActionResult> Create(int fiscalYear)
    {
        if (await RefusalAsync(new ImplementationPlan { FiscalYear = fiscalYear }, RecordOperations.Edit) is string refused) return Forbidden(refused);
        var (created, message) = await commands.CreateEditionAsync(fiscalYear, Clock.UtcNow);
        if (!created.Succeeded)
        {
            TempData["Error"] = created.Errors[0].Message;
            return RedirectToAction(nameof(Index));
        }
        TempData["Message"] = message;
        return RedirectToAction(nameof(Details), new { year = fiscalYear });
    }

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Details(int year, [FromQuery] EditionFilter filter)
    {
        // The edition's lines are read once per change and filtered here for every reader (ADR 0008).
        var data = await cache.GetAsync($"edition:{year}", ImplementationPlanPages.Areas, () => pages.EditionAsync(year));
        if (data is null) return NotFound();
        var edition = data.Edition;
        var org = await orgTree.GetAsync();
        IEnumerable<ImplementationPlanLine> lines = data.Lines;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            lines = lines.Where(l => data.Projects[l.ProjectId] is var p
                && (p.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || l.Content.Contains(q, StringComparison.OrdinalIgnoreCase)));
        }
        filter.UnitId = ListUnit(filter.UnitId);
        if (filter.UnitId is int unit)
        {
            var units = org.SelfAndDescendants(unit);
            lines = lines.Where(l => units.Contains(data.Projects[l.ProjectId].OwnerUnitId));
        }
        if (filter.MeasureId is int measure) lines = lines.Where(l => data.Projects[l.ProjectId].MeasureId == measure);
        var matching = lines.ToList();
        if (filter.Status is ImplementationStatus status)
        {
            var withStatus = matching.Where(l => l.Status == status).Select(l => l.ProjectId).ToHashSet();
            matching = matching.Where(l => withStatus.Contains(l.ProjectId)).ToList();
        }

        var totals = matching.GroupBy(l => l.FiscalYear).ToDictionary(g => g.Key, g => new Totals(
            g.Sum(l => l.Cost), Funding.Total(g.Select(l => l.Funding))));
        var byProject = matching.ToLookup(l => l.ProjectId);
        var projects = byProject.Select(g => data.Projects[g.Key]).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var page = HttpContext.Page(projects, filter.Page, PageSize);
        var rows = page.Items.Select(p => new EditionProjectRow(p.Id, p.Code, p.Name, p.OwnerUnitId,
            ImplementationPlanLineRule.EditRefusal(Actor, p.OwnerUnitId, edition.FiscalYear, data.LatestYear, org) is null,
            byProject[p.Id].ToDictionary(l => l.FiscalYear))).ToList();
        var measures = await measureOptions.GetAsync();
        return View(new EditionModel(edition, filter, new Paged<EditionProjectRow>(rows, page.Page, page.PageSize, page.Total), totals,
            UnitOptions.For(org), measures, org, ImplementationPlanImport.Sheet.Access.OfferTo(Actor), data.NewerYear));
    }

    [HttpGet("{year:int}/Projects/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId)
    {
        var (edition, project) = await pages.EditionAndProjectAsync(year, projectId);
        if (edition is null || project is null) return NotFound();
        if (await RefusalAsync(LineOf(edition, project), RecordOperations.Edit) is string refused) return Forbidden(refused);
        var form = ImplementationPlanCommands.FormOf(edition, await commands.LinesAsync(edition.Id, projectId));
        return View(await ModelAsync(edition, project, form));
    }

    [HttpPost("{year:int}/Projects/{projectId:int}")]
    public async Task<IActionResult> Edit(int year, int projectId, ProjectPlanForm form)
    {
        var (edition, project) = await pages.EditionAndProjectAsync(year, projectId);
        if (edition is null || project is null) return NotFound();
        if (await RefusalAsync(LineOf(edition, project), RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (form.Years.Count != ImplementationPlan.YearsCovered || form.Years.Select(y => y.Year).Order().SequenceEqual(edition.Years) == false)
            return BadRequest();

        if (!await ValidateAsync(form) || !Accept(await commands.SaveProjectPlanAsync(edition, projectId, form)))
            return View(await ModelAsync(edition, project, form));
        TempData["Message"] = $"{project.Code} {project.Name} の実施計画を保存しました。";
        return RedirectToAction(nameof(Details), new { year, q = project.Code });
    }

    /// Opens the plan form for a project given by its code, to add it to the edition.
    [HttpGet("{year:int}/AddProject")]
    public async Task<IActionResult> AddProject(int year, string? code)
    {
        var c = (code ?? "").Trim();
        var projectId = c.Length == 0 ? null : await pages.ProjectIdByCodeAsync(c);
        if (projectId is null)
        {
            TempData["Error"] = string.IsNullOrEmpty(c) ? "事業コードを入力してください。" : $"事業コード「{c}」の事務事業が見つかりません。";
            return RedirectToAction(nameof(Details), new { year });
        }
        return RedirectToAction(nameof(Edit), new { year, projectId });
    }

    [HttpGet("{year:int}/Compare")]
    public async Task<IActionResult> Compare(int year, int? with, LineChange? change, bool changesOnly = true, int page = 1)
    {
        var compared = await cache.GetAsync($"compare:{year}:{with}", ImplementationPlanPages.Areas, () => pages.CompareAsync(year, with));
        if (compared is null) return NotFound();
        if (!compared.HasOlder)
        {
            TempData["Error"] = "比較できる以前の版がありません。";
            return RedirectToAction(nameof(Details), new { year });
        }
        var rows = HttpContext.Page(compared.Of(change, changesOnly), page, ComparePageSize);
        return View(new CompareModel(compared.Older, compared.Newer, rows, change, changesOnly, compared.Counts));
    }

    /// A project's lines of the edition, as their rule is asked about them.
    private static ImplementationPlanLine LineOf(ImplementationPlan edition, Core.Plans.Project project) =>
        new() { ImplementationPlanId = edition.Id, ImplementationPlan = edition, ProjectId = project.Id, Project = project };

    private async Task<ProjectPlanModel> ModelAsync(ImplementationPlan edition, Core.Plans.Project project, ProjectPlanForm form)
    {
        var org = await orgTree.GetAsync();
        return new ProjectPlanModel(edition, project.Id, project.Code, project.Name, org.PathName(project.OwnerUnitId), form);
    }
}
