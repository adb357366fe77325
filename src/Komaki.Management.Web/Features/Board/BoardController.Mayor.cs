namespace Komaki.Management.Web.Features.Board;

public sealed class BandRow
{
    public string Grade { get; set; } = "";
    public string Label { get; set; } = "";
    public string? MinPercent { get; set; }
    public string Color { get; set; } = "";
    public bool OffTarget { get; set; }
}

public sealed partial class BoardController
{
    /// 市長ビュー (MayorView): the year of achievement and settled accounts is the last closed one by default.
    [HttpGet("Mayor")]
    public async Task<IActionResult> Mayor(int? year)
    {
        var executing = Display.CurrentFiscalYear();
        var y = year is int asked && Display.IsFiscalYear(asked) ? asked : executing - 1;
        return View(await MayorView.LoadAsync(Db, await orgTree.GetAsync(), cache, await bands.GetAsync(), Actor, y, executing));
    }

    /// 達成度の判定基準: the bands every screen uses to call a rolled-up achievement S/A/B/C and off target.
    [HttpGet("Bands")]
    public async Task<IActionResult> Bands() => View((await bands.GetAsync()).Select(b => new BandRow
    {
        Grade = b.Grade, Label = b.Label, MinPercent = b.MinPercent.ToString("0.##", CultureInfo.InvariantCulture), Color = b.Color, OffTarget = b.OffTarget,
    }).ToList());

    [HttpPost("Bands")]
    [Authorize(Roles = Roles.PlanMasterEditors)]
    public async Task<IActionResult> Bands(List<BandRow> rows)
    {
        rows = rows.Where(r => !string.IsNullOrWhiteSpace(r.Grade) || !string.IsNullOrWhiteSpace(r.Label) || !string.IsNullOrWhiteSpace(r.MinPercent)).ToList();
        var parsed = new List<JudgmentBand>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var prefix = $"rows[{i}]";
            if (string.IsNullOrWhiteSpace(r.Grade) || r.Grade.Trim().Length > 4) ModelState.AddModelError($"{prefix}.Grade", "判定は1〜4文字で入力してください。");
            if (string.IsNullOrWhiteSpace(r.Label) || r.Label.Trim().Length > 20) ModelState.AddModelError($"{prefix}.Label", "名称は1〜20文字で入力してください。");
            if (!decimal.TryParse(Core.Common.TextNormal.ForMatch(r.MinPercent ?? ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var min) || min < 0 || min > 1000)
                ModelState.AddModelError($"{prefix}.MinPercent", "下限は0〜1000の数値（%）で入力してください。");
            if (!System.Text.RegularExpressions.Regex.IsMatch(r.Color ?? "", "^#[0-9a-fA-F]{6}$")) ModelState.AddModelError($"{prefix}.Color", "色は #1a7f37 の形で入力してください。");
            parsed.Add(new JudgmentBand { Grade = r.Grade?.Trim() ?? "", Label = r.Label?.Trim() ?? "", MinPercent = min, Color = r.Color ?? "", OffTarget = r.OffTarget });
        }
        if (parsed.Count < 2) ModelState.AddModelError("", "判定区分は2つ以上必要です。");
        if (parsed.Select(b => b.Grade).Distinct().Count() != parsed.Count) ModelState.AddModelError("", "同じ判定が2回あります。");
        if (parsed.Select(b => b.MinPercent).Distinct().Count() != parsed.Count) ModelState.AddModelError("", "下限が同じ判定区分があります。");
        if (parsed.Count > 0 && parsed.Min(b => b.MinPercent) != 0) ModelState.AddModelError("", "いちばん低い判定区分の下限は0%にしてください（どの達成度にも判定が付くように）。");
        if (!ModelState.IsValid) return View(rows);

        Db.JudgmentBands.RemoveRange(await Db.JudgmentBands.ToListAsync());
        Db.JudgmentBands.AddRange(parsed);
        await Db.SaveChangesAsync();
        TempData["Message"] = "判定基準を保存しました。";
        return RedirectToAction(nameof(Bands));
    }
}
