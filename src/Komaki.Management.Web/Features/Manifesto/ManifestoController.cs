using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Manifesto;

/// マニフェスト: mayoral terms and their promises, the traceability matrix (items × plan with coverage),
/// links into the plan, and yearly progress.
[Authorize(Policy = Policies.Staff)]
[Route("Manifesto")]
public sealed class ManifestoController(ReadCache cache, ManifestoPages pages, ManifestoCommands commands) : AppController
{
    private bool CanEdit => Actor.IsPlanMasterEditor;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? termId, Coverage? coverage, string? area)
    {
        var year = Clock.FiscalYear;
        var model = await cache.GetAsync($"manifesto:{termId}:{coverage}:{area}:{year}", DataArea.All, () => pages.MatrixAsync(termId, coverage, area, year, canEdit: false));
        return View(model with { CanEdit = CanEdit });
    }

    [HttpGet("Items/{id:int}")]
    public async Task<IActionResult> Item(int id)
    {
        // The same for every reader but the buttons, and its coverage reads the whole term: kept like the matrix (issue 29).
        var year = Clock.FiscalYear;
        var model = await cache.GetAsync($"manifesto-item:{id}:{year}", DataArea.All,
            async () => await pages.ItemAsync(id) is { } item ? await pages.DetailsAsync(item, year, canEdit: false) : null);
        if (model is null) return NotFound();
        return View(model with { CanEdit = CanEdit });
    }

    [HttpPost("Items/{id:int}/Links")]
    public async Task<IActionResult> AddLink(int id, LinkForm form)
    {
        if (!CanEdit) return Forbidden();
        if (await pages.ItemAsync(id) is not { } item) return NotFound();
        string? name = null;
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), async () =>
            {
                var (done, found) = await commands.AddLinkAsync(id, form, Clock.FiscalYear);
                name = found;
                return done;
            }) is null)
            return View(nameof(Item), await pages.DetailsAsync(item, Clock.FiscalYear, CanEdit));
        TempData["Message"] = $"{form.Level!.Value.Label()} {form.Code!.Trim()} {name} に結び付けました。";
        return RedirectToAction(nameof(Item), new { id });
    }

    [HttpPost("Items/{id:int}/Links/{linkId:int}/Delete")]
    public async Task<IActionResult> RemoveLink(int id, int linkId)
    {
        if (!CanEdit) return Forbidden();
        if (!await commands.RemoveLinkAsync(id, linkId)) return NotFound();
        TempData["Message"] = "結び付けを外しました。";
        return RedirectToAction(nameof(Item), new { id });
    }

    [HttpPost("Items/{id:int}/Progress")]
    public async Task<IActionResult> SaveProgress(int id, ManifestoProgressForm form)
    {
        if (!CanEdit) return Forbidden();
        if (await pages.ItemAsync(id) is null) return NotFound();
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveProgressAsync(id, form)) is not null)
        {
            TempData["Message"] = $"{Wareki.FiscalYear(form.FiscalYear)}の進捗を保存しました。";
            return RedirectToAction(nameof(Item), new { id });
        }
        ViewData["ManifestoProgressForm"] = form;
        return View(nameof(Item), await pages.DetailsAsync((await pages.ItemAsync(id))!, Clock.FiscalYear, CanEdit));
    }

    [HttpGet("Terms/{termId:int}/Items/Create")]
    public async Task<IActionResult> CreateItem(int termId)
    {
        if (!CanEdit) return Forbidden();
        var term = await pages.TermAsync(termId);
        if (term is null) return NotFound();
        return View("EditItem", new ItemFormModel(null, term, new ItemForm { MayorTermId = termId }));
    }

    [HttpPost("Terms/{termId:int}/Items/Create")]
    public async Task<IActionResult> CreateItem(int termId, ItemForm form)
    {
        if (!CanEdit) return Forbidden();
        var term = await pages.TermAsync(termId);
        if (term is null) return NotFound();
        var created = await RunAsync(form, () => commands.CheckItemAsync(termId, null, form), () => commands.CreateItemAsync(termId, form));
        if (created is null) return View("EditItem", new ItemFormModel(null, term, form));
        TempData["Message"] = $"マニフェスト項目 {form.Number!.Trim()} を登録しました。計画への結び付けを設定してください。";
        return RedirectToAction(nameof(Item), new { id = created.RecordId });
    }

    [HttpGet("Items/{id:int}/Edit")]
    public async Task<IActionResult> EditItem(int id)
    {
        if (!CanEdit) return Forbidden();
        var item = await pages.ItemAsync(id);
        if (item is null) return NotFound();
        return View(new ItemFormModel(id, item.MayorTerm!, ManifestoCommands.FormOf(item)));
    }

    [HttpPost("Items/{id:int}/Edit")]
    public async Task<IActionResult> EditItem(int id, ItemForm form)
    {
        if (!CanEdit) return Forbidden();
        var item = await commands.ItemToEditAsync(id);
        if (item is null) return NotFound();
        var term = item.MayorTerm!;
        if (await RunAsync(form, () => commands.CheckItemAsync(item.MayorTermId, id, form), () => commands.EditItemAsync(item, form)) is not null)
        {
            TempData["Message"] = "マニフェスト項目を保存しました。";
            return RedirectToAction(nameof(Item), new { id });
        }
        return View(new ItemFormModel(id, term, form));
    }

    [HttpGet("Terms/Create")]
    public IActionResult CreateTerm() => CanEdit ? View("EditTerm", (null as int?, new TermForm())) : Forbidden();

    [HttpPost("Terms/Create")]
    public async Task<IActionResult> CreateTerm(TermForm form)
    {
        if (!CanEdit) return Forbidden();
        var created = await ValidateAsync(form) ? await commands.CreateTermAsync(form) : null;
        if (created is null || !Accept(created)) return View("EditTerm", (null as int?, form));
        TempData["Message"] = $"{form.Title!.Trim()}を登録しました。";
        return RedirectToAction(nameof(Index), new { termId = created.RecordId });
    }

    [HttpGet("Terms/{id:int}/Edit")]
    public async Task<IActionResult> EditTerm(int id)
    {
        if (!CanEdit) return Forbidden();
        var term = await pages.TermAsync(id);
        return term is null ? NotFound() : View((id as int?, ManifestoCommands.FormOf(term)));
    }

    [HttpPost("Terms/{id:int}/Edit")]
    public async Task<IActionResult> EditTerm(int id, TermForm form)
    {
        if (!CanEdit) return Forbidden();
        var term = await commands.TermToEditAsync(id);
        if (term is null) return NotFound();
        if (await ValidateAsync(form) && Accept(await commands.EditTermAsync(term, form)))
        {
            TempData["Message"] = $"{term.Title}を保存しました。";
            return RedirectToAction(nameof(Index), new { termId = id });
        }
        return View((id as int?, form));
    }
}
