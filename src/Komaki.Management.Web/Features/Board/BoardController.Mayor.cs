using Komaki.Management.Core.Plans;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Board;

public sealed partial class BoardController
{
    /// 市長ビュー (MayorView): the year of achievement and settled accounts is the last closed one by default.
    [HttpGet("Mayor")]
    public async Task<IActionResult> Mayor(int? year)
    {
        var executing = Clock.FiscalYear;
        var y = year is int asked && Display.IsFiscalYear(asked) ? asked : executing - 1;
        return View(await mayor.LoadAsync(await orgTree.GetAsync(), await bands.GetAsync(), Actor, y, executing, Clock.UtcNow));
    }

    /// 達成度の判定基準: the bands every screen uses to call a rolled-up achievement S/A/B/C and off target.
    [HttpGet("Bands")]
    public async Task<IActionResult> Bands() => View(new BandsModel((await bands.GetAsync()).Select(b => new BandRow
    {
        Grade = b.Grade, Label = b.Label, MinPercent = b.MinPercent.ToString("0.##", CultureInfo.InvariantCulture), Color = b.Color, OffTarget = b.OffTarget,
    }).ToList(), await MayAsync(new JudgmentBand(), RecordOperations.Edit)));

    [HttpPost("Bands")]
    [Authorize(Policy = Policies.PlanMasterEditors)]
    public async Task<IActionResult> Bands(BandsForm form)
    {
        if (await RefusalAsync(new JudgmentBand(), RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        form.Rows = form.Rows.Where(r => !string.IsNullOrWhiteSpace(r.Grade) || !string.IsNullOrWhiteSpace(r.Label) || !string.IsNullOrWhiteSpace(r.MinPercent)).ToList();
        if (!await ValidateAsync(form) || !Accept(await bandCommands.ReplaceAsync(form.Rows))) return View(new BandsModel(form.Rows, MayEdit: true));
        TempData["Message"] = "判定基準を保存しました。";
        return RedirectToAction(nameof(Bands));
    }
}
