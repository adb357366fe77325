using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Publications;

/// 公開の管理: planning decides which fiscal years' indicator actuals, manifesto progress and measure evaluations
/// appear on the public site; the page also says what else is public and why (evaluations one by one, answered
/// citizen inputs marked public, closed forum sessions).
[Authorize(Policy = Policies.PlanMasterEditors)]
[Route("Publications")]
public sealed class PublicationsController(PublicationCommands commands, PublicationPages pages, ReadCache cache, OrgTreeProvider orgTree) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var current = Clock.FiscalYear;
        return View(await cache.GetAsync($"publications:{current}", PublicationPages.Areas, () => ModelAsync(current)));
    }

    private async Task<PublicationsModel> ModelAsync(int current)
    {
        var o = await pages.OverviewAsync(current);
        return new PublicationsModel(o.Years, o.Published, o.EvaluationsPublished, o.VoicesPublished, o.VoicesAnswered, o.ClosedSessions);
    }

    /// Publishing a year and withdrawing it are each asked on a page of their own that says what citizens will see.
    [HttpGet("Publish")]
    public async Task<IActionResult> ConfirmPublish(PublicationKind kind, int year)
    {
        if (!Enum.IsDefined(kind) || !Display.IsFiscalYear(year) || year > Clock.FiscalYear) return BadRequest();
        return View("Confirm", await ConfirmPublishStepAsync(kind, year));
    }

    /// The confirmation says what citizens will see and, for actuals, which divisions still miss how many — they are
    /// locked out once the year is published, so going ahead asks for a reason.
    private async Task<ConfirmStep> ConfirmPublishStepAsync(PublicationKind kind, int year)
    {
        var missing = await commands.MissingActualsAsync(kind, year);
        var measures = await commands.MissingMeasureEvaluationsAsync(kind, year);
        var org = await orgTree.GetAsync();
        List<string> consequences =
        [
            $"{Display.FiscalYear(year)}の{kind.Label()}が公開サイト（市民向け）とオープンデータに載り、誰でも読めるようになります。",
            "載せた内容は、市民やほかの機関に写し取られることがあります。公開をやめても、写し取られたものは戻りません。",
        ];
        if (missing.Count > 0)
            consequences.Add($"実績値の入っていない指標が {missing.Sum(m => m.Count):N0}件あります。公開するとこれらの課は実績値を入力できなくなり、残りは企画課が「未入力」として入力します（「訂正」にはなりません）。");
        if (measures.Count > 0)
            consequences.Add($"評価の書かれていない施策が {measures.Count:N0}件あります。公開サイトでは「評価なし」と表示されます。");
        var list = missing.Select(m => $"{org.PathName(m.UnitId)}：未入力 {m.Count:N0}件（実績値）").Concat(measures.Select(m => $"{m}：施策評価が未記入")).ToList();
        return new ConfirmStep("年度の公開", $"{Display.FiscalYear(year)}の{kind.Label()}", consequences,
            Url.Action(nameof(Publish), new { kind, year })!, "公開する", Url.Action(nameof(Index))!, new Dictionary<string, string>(),
            list.Count > 0 ? "そろわないまま公開する理由（記録に残ります）" : null, Missing: list);
    }

    [HttpGet("Withdraw")]
    public IActionResult ConfirmWithdraw(PublicationKind kind, int year)
    {
        if (!Enum.IsDefined(kind) || !Display.IsFiscalYear(year)) return BadRequest();
        return View("Confirm", new ConfirmStep("年度の公開の取りやめ", $"{Display.FiscalYear(year)}の{kind.Label()}",
            [$"{Display.FiscalYear(year)}の{kind.Label()}が公開サイトとオープンデータから消えます。市民が読んでいたページは「公開されていません」になります。"],
            Url.Action(nameof(Withdraw), new { kind, year })!, "公開をやめる", Url.Action(nameof(Index))!, new Dictionary<string, string>(), Danger: true));
    }

    [HttpPost("Publish")]
    public async Task<IActionResult> Publish(PublicationKind kind, int year, PublishForm form)
    {
        if (!Enum.IsDefined(kind) || !Display.IsFiscalYear(year) || year > Clock.FiscalYear) return BadRequest();
        var org = await orgTree.GetAsync();
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.PublishAsync(kind, year, Actor.UserName, Clock.UtcNow, form.Comment, org)) is null)
            return View("Confirm", await ConfirmPublishStepAsync(kind, year));
        TempData["Message"] = $"{Display.FiscalYear(year)}の{kind.Label()}を公開しました。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("Withdraw")]
    public async Task<IActionResult> Withdraw(PublicationKind kind, int year)
    {
        if (!Enum.IsDefined(kind)) return BadRequest();
        await commands.WithdrawAsync(kind, year);
        TempData["Message"] = $"{Display.FiscalYear(year)}の{kind.Label()}の公開をやめました。";
        return RedirectToAction(nameof(Index));
    }
}
