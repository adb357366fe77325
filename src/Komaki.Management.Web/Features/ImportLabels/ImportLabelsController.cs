using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.ImportLabels;

/// 取り込みの読み替え表: what each label a sheet may carry means (方向性・区分・進捗・評価), and which unit each
/// 部課名 of another system names. Everyone on the staff reads it; planning changes it.
[Authorize(Policy = Policies.Staff)]
[Route("ImportLabels")]
public sealed class ImportLabelsController(LabelTable table, ReadCache cache) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LabelKind? kind, string? q) => View(await ModelAsync(kind, q, new LabelForm { Kind = kind ?? LabelKind.Direction }));

    [HttpPost("")]
    public async Task<IActionResult> Create(LabelForm form)
    {
        if (await RefusalAsync(new LabelMapping { Kind = form.Kind }, RecordOperations.Edit) is string refused) return Forbidden(refused);
        if (await ValidateAsync(form) && await OptionAsync(form) && await table.AddAsync(form.Kind, form.Label!, form.Value!.Value) is string duplicate)
            ModelState.AddModelError(nameof(LabelForm.Label), duplicate);
        if (!ModelState.IsValid) return View(nameof(Index), await ModelAsync(form.Kind, null, form));
        TempData["Message"] = $"「{form.Label!.Trim()}」を{form.Kind.Label()}の対応表に加えました。";
        return RedirectToAction(nameof(Index), new { kind = form.Kind });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        if (await table.FindAsync(id) is not LabelMapping m) return NotFound();
        if (await RefusalAsync(m, RecordOperations.Edit) is string refused) return Forbidden(refused);
        return View(new LabelEditModel(m, new LabelForm { Kind = m.Kind, Label = m.Label, Value = m.Value, Version = m.Version }, await table.OptionsAsync(m.Kind)));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, LabelForm form)
    {
        if (await table.FindAsync(id) is not LabelMapping m) return NotFound();
        if (await RefusalAsync(m, RecordOperations.Edit) is string refused) return Forbidden(refused);
        form.Kind = m.Kind;
        form.Label = m.Label;
        if (await ValidateAsync(form) && await OptionAsync(form) && !await table.ChangeAsync(m, form.Version, form.Value!.Value))
            ModelState.AddModelError("", "他の人がこの対応を先に変更しました。画面を開き直してから変更してください。");
        if (!ModelState.IsValid) return View(new LabelEditModel(m, form, await table.OptionsAsync(m.Kind)));
        TempData["Message"] = $"「{m.Label}」の意味を変更しました。";
        return RedirectToAction(nameof(Index), new { kind = m.Kind });
    }

    [HttpGet("{id:int}/Delete")]
    public async Task<IActionResult> Delete(int id)
    {
        if (await table.FindAsync(id) is not LabelMapping m) return NotFound();
        if (await RefusalAsync(m, RecordOperations.Edit) is string refused) return Forbidden(refused);
        return View(m);
    }

    [HttpPost("{id:int}/Delete")]
    public async Task<IActionResult> DeleteConfirmed(int id)
    {
        if (await table.FindAsync(id) is not LabelMapping m) return NotFound();
        if (await RefusalAsync(m, RecordOperations.Edit) is string refused) return Forbidden(refused);
        await table.RemoveAsync(m);
        TempData["Message"] = $"「{m.Label}」を対応表から外しました。この表記のある行は、次の取り込みから意味を尋ねます。";
        return RedirectToAction(nameof(Index), new { kind = m.Kind });
    }

    [HttpPost("UnitNames/{id:int}/Delete")]
    public async Task<IActionResult> DeleteUnitName(int id)
    {
        if (await table.FindUnitNameAsync(id) is not UnitNameMapping mapping) return NotFound();
        if (await RefusalAsync(mapping, RecordOperations.Edit) is string refused) return Forbidden(refused);
        await table.RemoveUnitNameAsync(mapping);
        TempData["Message"] = "部課名の対応を外しました。この部課名のある行は、次の取り込みから組織を尋ねます。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> OptionAsync(LabelForm form)
    {
        if ((await table.OptionsAsync(form.Kind)).Any(o => o.Value == form.Value)) return true;
        ModelState.AddModelError(nameof(LabelForm.Value), "意味を一覧から選んでください。");
        return false;
    }

    /// What the table shows: the label table and the direction names (settings) and the units the 部課名 name.
    private static readonly string[] Areas = [DataArea.Settings, DataArea.Organization];

    /// The whole table is kept until a label, a direction or a unit changes, and filtered here (ADR 0008): reading it
    /// took five loads of the label book per request.
    private async Task<LabelsModel> ModelAsync(LabelKind? kind, string? q, LabelForm form)
    {
        var (all, options, units) = await cache.GetAsync("import-labels", Areas, async () =>
        {
            var options = new Dictionary<LabelKind, IReadOnlyList<(int, string)>>();
            foreach (var k in Enum.GetValues<LabelKind>()) options[k] = await table.OptionsAsync(k);
            return (await table.ListAsync(null, null), options, await table.UnitNamesAsync());
        });
        var key = LabelMapping.KeyOf(q);
        var shown = all.Where(e => (kind is null || e.Mapping.Kind == kind) && (key.Length == 0 || e.Mapping.Key.Contains(key, StringComparison.Ordinal))).ToList();
        return new LabelsModel(shown, kind, q, form, options, units, await MayAsync(new LabelMapping { Kind = form.Kind }, RecordOperations.Edit));
    }
}
