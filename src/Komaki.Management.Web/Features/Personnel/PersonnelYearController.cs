using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Personnel;

/// The personnel division's year of 人事評価: its design (scale, criteria, dates), copying the year before's, opening
/// the year (everyone's evaluation is created and the criteria are fixed) and 一斉開示 — each step that cannot be
/// taken back on a page of its own.
[Authorize(Policy = Policies.Personnel)]
[Route("Personnel/Division")]
public sealed class PersonnelYearController(OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands) : AppController()
{
    [HttpGet("Design/{year:int}")]
    public async Task<IActionResult> Design(int year)
    {
        var design = await pages.DesignAsync(year);
        var form = design is null ? PersonnelCommands.DefaultForm(year) : PersonnelCommands.FormOf(design);
        form.Pad();
        return View("Design", new DesignModel(form, design?.OpenedAt is not null, await CanCopyPreviousAsync(year, design), await SettledAsync(year)));
    }

    /// Saves the design; 「行を追加」 (addRows) only shows the form again with more empty criteria rows, keeping what was typed.
    [HttpPost("Design/{year:int}")]
    public async Task<IActionResult> Design(int year, PersonnelDesignForm form, int? addRows)
    {
        form.FiscalYear = year;
        if (addRows is int more)
        {
            ModelState.Clear();
            form.Pad();
            for (var i = 0; i < Math.Clamp(more, 1, 20); i++) form.Criteria.Add(new CriterionRow());
            var current = await pages.DesignAsync(year);
            return View("Design", new DesignModel(form, current?.OpenedAt is not null, await CanCopyPreviousAsync(year, current), await SettledAsync(year)));
        }
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveDesignAsync(form)) is not null)
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の人事評価の設計を保存しました。";
            return RedirectToAction(nameof(PersonnelDivisionController.Index), "PersonnelDivision", new { year });
        }
        form.Pad();
        var shown = await pages.DesignAsync(year);
        return View("Design", new DesignModel(form, shown?.OpenedAt is not null, await CanCopyPreviousAsync(year, shown), await SettledAsync(year)));
    }

    /// 「前年度の設計を写す」: the year before's scale, criteria, 着眼点 and weights become this year's design, to edit.
    [HttpPost("Design/{year:int}/CopyPrevious")]
    public async Task<IActionResult> CopyPrevious(int year)
    {
        var result = await commands.CopyPreviousDesignAsync(year);
        if (Accept(result)) TempData["Message"] = $"{Wareki.FiscalYear(year - 1)}の設計（評語・評価項目・着眼点・ウエイト・期限）を写しました。評価を開始するまでは直せます。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Design), new { year });
    }

    private async Task<int> SettledAsync(int year) =>
        (await pages.StateCountsAsync(year)).Where(c => c.State >= PersonnelState.Confirmed).Sum(c => c.Count);

    private async Task<bool> CanCopyPreviousAsync(int year, PersonnelDesign? design) =>
        design?.OpenedAt is null && await pages.DesignAsync(year - 1) is not null;

    /// 評価の開始 is asked on a page of its own: it creates everyone's evaluation and fixes the criteria.
    [HttpGet("Open/{year:int}")]
    public async Task<IActionResult> Open(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return RedirectToAction(nameof(Design), new { year });
        return View("Confirm", new ConfirmStep("人事評価の開始", Wareki.FiscalYear(year),
            [$"評価基準日（{Wareki.Date(design.ReferenceDate)}）に所属のある職員のうち、まだ評価のない人の人事評価シートを作ります。", "評価者は組織から導きます（課の職員は課長→部長、課長は部長）。決まらない人は一覧に「評価者未設定」と出ます。",
             "本人がこの年度について先に書いていた業績目標は、その人のシートに載ります。", "この年度の評語と評価項目は、以後変えられなくなります。"],
            Url.Action(nameof(Open), new { year })!, "評価を開始する", IndexUrl(year), new Dictionary<string, string>()));
    }

    [HttpPost("Open/{year:int}")]
    public async Task<IActionResult> OpenConfirmed(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var (result, opened, without) = await commands.OpenYearAsync(design, await orgTree.GetAsync(), Author());
        if (Accept(result)) TempData["Message"] = $"{opened:N0} 人の人事評価を開始しました。" + (without > 0 ? $"一次評価者が決まらない人が {without:N0} 人います（一覧の「評価者未設定」）。" : "");
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect(IndexUrl(year));
    }

    /// 一斉開示 on a page of its own that lists what is not ready: the evaluations not yet confirmed (評価者未設定, and
    /// what each waits for). With any left, the step needs a reason, recorded with it.
    [HttpGet("Disclose/{year:int}")]
    public async Task<IActionResult> Disclose(int year) => View("Confirm", await DiscloseStepAsync(year));

    [HttpPost("Disclose/{year:int}")]
    public async Task<IActionResult> DiscloseConfirmed(int year, DiscloseForm form)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        if (!await ValidateAsync(form)) return View("Confirm", await DiscloseStepAsync(year));
        var (result, count) = await commands.DiscloseAllAsync(year, design, await pages.StaffIdsOfAsync(me.UserId), Author(), form.Comment);
        if (Accept(result))
        {
            TempData["Message"] = $"{count:N0} 人の評価結果を開示しました。";
            return Redirect(IndexUrl(year));
        }
        if (result.Errors.Any(e => e.Field == "Comment")) return View("Confirm", await DiscloseStepAsync(year));
        TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect(IndexUrl(year));
    }

    private async Task<ConfirmStep> DiscloseStepAsync(int year)
    {
        var count = await pages.ConfirmedCountAsync(year);
        var gaps = await pages.DisclosureGapsAsync(year);
        var consequences = new List<string> { "調整・確認済の評価すべてについて、本人が確定した評語を見られるようになります。", "今日から苦情相談の期間が始まります。", "開示は取り消せません。" };
        if (gaps.Count > 0)
        {
            consequences.Add($"まだ確定していない評価が {gaps.Sum(g => g.Count):N0} 人あり、今回は開示されません（下に一覧）。");
            consequences.Add("残したまま開示するときは、理由を書いてください（開示した各シートの経過に残ります）。");
        }
        return new ConfirmStep("評価結果の開示", $"{Wareki.FiscalYear(year)}の調整・確認済の {count:N0} 人",
            consequences, Url.Action(nameof(Disclose), new { year })!, "開示する", IndexUrl(year), new Dictionary<string, string>(),
            CommentLabel: gaps.Count > 0 ? "未確定の評価を残して開示する理由（必須）" : null, Danger: true, Missing: gaps.Select(g => $"{g.What}: {g.Count:N0} 人").ToList());
    }

    private string IndexUrl(int year) => Url.Action(nameof(PersonnelDivisionController.Index), "PersonnelDivision", new { year })!;

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
