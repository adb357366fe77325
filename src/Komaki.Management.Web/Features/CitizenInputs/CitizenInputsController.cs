using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.CitizenInputs;

/// 市民の声: what citizens said through each channel, what in the plan it touches, and the city's answer.
[Authorize(Policy = Policies.Staff)]
[Route("CitizenInputs")]
public sealed class CitizenInputsController(CitizenInputCommands commands, CitizenInputPages pages, ReadCache cache, MeasureOptions measureOptions) : AppController()
{
    public const int PageSize = 30;

    /// What the list reads: the inputs and the measures and projects they are linked to.
    private static readonly IReadOnlyList<string> ListAreas = [DataArea.Voice, DataArea.Plan];

    private bool CanEdit => Actor.IsPlanMasterEditor;

    /// Why the person may not record, answer or publish citizens' input (CitizenInputRule), or null.
    private Task<string?> EditRefusalAsync(CitizenInput? input = null) => RefusalAsync(input ?? new CitizenInput(), RecordOperations.Edit);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CitizenInputFilter filter)
    {
        // Browsing is kept; a search by words is not (each wording would be a cache entry of its own).
        var rows = string.IsNullOrWhiteSpace(filter.Q)
            ? await cache.GetAsync($"citizen-inputs:{filter.Channel}:{filter.Status}:{filter.MeasureId}:{filter.Page}:{HttpContext.PrintsAll()}", ListAreas, () => PageAsync(filter))
            : await PageAsync(filter);
        return View(new CitizenInputListModel(filter, rows, await measureOptions.GetAsync(), CanEdit));
    }

    private Task<Paged<CitizenInput>> PageAsync(CitizenInputFilter filter) =>
        pages.PageAsync(filter.Q, filter.Channel, filter.Status, filter.MeasureId, HttpContext.PageFor(filter.Page), HttpContext.PageSizeFor(PageSize));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var input = await pages.FindAsync(id);
        if (input is null) return NotFound();
        ViewData["CanEdit"] = CanEdit;
        return View(input);
    }

    /// Publishing puts the summary and the answer on the public site; an input without the city's answer stays internal.
    [HttpPost("{id:int}/Publish")]
    public async Task<IActionResult> Publish(int id, bool publish, int version)
    {
        if (await EditRefusalAsync() is string refused) return Forbidden(refused);
        var result = await commands.PublishAsync(id, publish, version);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Conflict ? "他の人が先に変更しました。画面を確認してからもう一度操作してください。" : result.Errors[0].Message;
            return RedirectToAction(nameof(Details), new { id });
        }
        TempData["Message"] = publish ? "公開サイトに載せました。" : "公開をやめました。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create() => await EditRefusalAsync() is string refused
        ? Forbidden(refused)
        : View("Edit", new CitizenInputFormModel(null, new CitizenInputForm { ReceivedOn = Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));

    [HttpPost("Create")]
    public async Task<IActionResult> Create(CitizenInputForm form)
    {
        if (await EditRefusalAsync() is string refused) return Forbidden(refused);
        var created = await RunAsync(form, () => commands.CheckAsync(form), () => commands.CreateAsync(form));
        if (created is null) return View("Edit", new CitizenInputFormModel(null, form));
        TempData["Message"] = "市民の声を登録しました。";
        return RedirectToAction(nameof(Details), new { id = created.RecordId });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var c = await pages.FindAsync(id);
        if (c is null) return NotFound();
        if (await EditRefusalAsync(c) is string refused) return Forbidden(refused);
        return View(new CitizenInputFormModel(id, CitizenInputCommands.FormOf(c), c.IsPublished));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, CitizenInputForm form)
    {
        var input = await commands.ForEditAsync(id);
        if (input is null) return NotFound();
        if (await EditRefusalAsync(input) is string refused) return Forbidden(refused);
        if (await RunAsync(form, () => commands.CheckAsync(form), () => commands.EditAsync(input, form)) is not null)
        {
            TempData["Message"] = "市民の声を保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new CitizenInputFormModel(id, form, input.IsPublished));
    }
}
