using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Features.Evaluations;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.ExternalReviews;

/// 外部評価（行政評価市民公開フォーラム）: sessions, the projects chosen for them and their reviewers; each reviewer
/// enters a verdict and comment per project without seeing the others' until the session closes; then the results
/// per project, the city's response, and an improvement action for each result.
[Authorize]
[Route("Forum")]
public sealed class ExternalReviewsController(CurrentUser me, OrgTreeProvider orgTree, EvaluationSheets sheets,
    ExternalReviewPages pages, ExternalReviewCommands commands) : AppController
{
    private bool IsStaff => ExternalReviewPages.IsStaff(Actor);

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new ExternalReviewListModel(await pages.SessionsAsync(Actor, me.UserId),
        await MayAsync(new ExternalReview(), RecordOperations.Edit), AssignedOnly: !IsStaff));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var session = await pages.LoadAsync(id);
        if (session is null) return NotFound();
        var isReviewer = session.Reviewers.Any(r => r.UserId == me.UserId);
        if (await RefusalAsync(session, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        ViewData["HideSheets"] = !isReviewer && !ExternalReviewPages.ReadsSheets(Actor);
        return View(await pages.DetailsAsync(session, me.UserId, isReviewer, await MayAsync(session, RecordOperations.Edit)));
    }

    /// A reviewer reads, read-only, the evaluation sheet of a project assigned to their session — the evidence
    /// always, the city's own ratings once published (as for anyone outside the unit and planning).
    [HttpGet("{id:int}/Projects/{reviewProjectId:int}")]
    public async Task<IActionResult> Sheet(int id, int reviewProjectId)
    {
        var session = await pages.LoadAsync(id);
        if (session is null) return NotFound();
        if (!ExternalReviewPages.ReadsSheets(Actor) && session.Reviewers.All(r => r.UserId != me.UserId)) return Forbidden();
        var item = session.Projects.FirstOrDefault(p => p.Id == reviewProjectId);
        if (item is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (await sheets.OneAsync(session.FiscalYear, item.ProjectId, org) is not EvaluationSheet sheet) return NotFound();
        var readable = sheet.Evaluation is { } e && await MayAsync(e, RecordOperations.Read);
        // The staff cost of the year is the unit's own entry on its evaluation: hidden with it.
        var shown = readable ? sheet : sheet with { Evaluation = null, Costs = sheet.Costs.Select(c => c.Year == sheet.Year ? c with { StaffCost = null } : c).ToList() };
        return View(new ExternalReviewSheetModel(session, shown, sheet.Evaluation is not null && !readable));
    }

    /// One form for every project of the session, saved together or — when a row is incomplete — not at all, every
    /// row coming back as typed with the incomplete one marked.
    [HttpPost("{id:int}/Verdicts")]
    public async Task<IActionResult> Verdicts(int id, VerdictsForm form)
    {
        var rows = form.Rows;
        var session = await pages.LoadAsync(id, track: true);
        if (session is null) return NotFound();
        if (session.Reviewers.All(r => r.UserId != me.UserId)) return Forbidden();
        if (rows.Any(r => session.Projects.All(p => p.Id != r.ExternalReviewProjectId))) return NotFound();
        if (!await ValidateAsync(form) || !Accept(await commands.SaveVerdictsAsync(session, rows, me.UserId, Clock.UtcNow)))
        {
            ViewData["Typed"] = rows.GroupBy(r => r.ExternalReviewProjectId).ToDictionary(g => g.Key, g => g.First());
            return View(nameof(Details), await pages.DetailsAsync(await pages.LoadAsync(id) ?? session, me.UserId, true, await MayAsync(session, RecordOperations.Edit)));
        }
        TempData["Message"] = $"{rows.Count(r => r.Verdict is not null)} 件の評価を保存しました（{session.Projects.Count} 件中）。会の終了までは変更できます。";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// Closing a session publishes its results and opens improvements: asked on a page of its own.
    [HttpGet("{id:int}/Close")]
    public async Task<IActionResult> ConfirmClose(int id)
    {
        var session = await pages.LoadAsync(id);
        if (session is null) return NotFound();
        if (await RefusalAsync(session, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (session.IsClosed) return RedirectToAction(nameof(Details), new { id });
        return View("Confirm", await CloseStepAsync(session));
    }

    /// The confirmation lists each reviewer's unjudged projects and the projects nobody judged; closing then asks why.
    private async Task<ConfirmStep> CloseStepAsync(ExternalReview session)
    {
        var missing = await pages.MissingForCloseAsync(session);
        return new ConfirmStep("市民公開フォーラムの会の終了", session.Title, ExternalReviewPages.CloseConsequences(session),
            Url.Action(nameof(Close), new { id = session.Id })!, "会を終了して結果を公開する", Url.Action(nameof(Details), new { id = session.Id })!,
            new Dictionary<string, string> { ["version"] = session.Version.ToString(CultureInfo.InvariantCulture) },
            missing.Count > 0 ? "評価がそろわないまま終了する理由（記録に残ります）" : null, Missing: missing);
    }

    [HttpPost("{id:int}/Close")]
    public async Task<IActionResult> Close(int id, CloseForm form)
    {
        var session = await pages.LoadAsync(id, track: true);
        if (session is null) return NotFound();
        if (await RefusalAsync(session, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (!await ValidateAsync(form)) return View("Confirm", await CloseStepAsync(session));
        var closed = await commands.CloseAsync(session, form.Version, Clock.UtcNow, await pages.MissingForCloseAsync(session), form.Comment);
        if (closed.Succeeded) TempData["Message"] = $"会を終了し、結果を公開しました。{closed.RecordId} 件の結果を改善の進行管理に登録しました。";
        else if (!closed.Conflict && closed.Errors is [{ Field: "Comment" }, ..])
        {
            _ = Accept(closed);
            return View("Confirm", await CloseStepAsync(session));
        }
        else TempData["Error"] = closed.Conflict ? "他の職員が先に更新したため、終了できませんでした。" : closed.Errors[0].Message;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// A response that does not fit, or comes before the session closed, returns the page with the text as typed.
    [HttpPost("{id:int}/Response")]
    public async Task<IActionResult> SaveResponse(int id, ResponseForm form)
    {
        var session = await pages.LoadAsync(id);
        if (session is null || session.Projects.All(p => p.Id != form.ExternalReviewProjectId)) return NotFound();
        if (await RefusalAsync(session, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        if (!await ValidateAsync(form) || await commands.SaveResponseAsync(id, form) is not { } saved || !Accept(saved))
        {
            ViewData["TypedResponse"] = form;
            ViewData["HideSheets"] = !ExternalReviewPages.ReadsSheets(Actor);
            return View(nameof(Details), await pages.DetailsAsync(session, me.UserId, session.Reviewers.Any(r => r.UserId == me.UserId), await MayAsync(session, RecordOperations.Edit)));
        }
        TempData["Message"] = "対応方針を保存しました。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create()
    {
        if (await RefusalAsync(new ExternalReview(), RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        return View(new SessionFormModel(new SessionForm { FiscalYear = Clock.FiscalYear - 1, Venue = "小牧市役所 本庁舎 6階大会議室" }, await pages.CandidatesAsync()));
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(SessionForm form)
    {
        if (await RefusalAsync(new ExternalReview(), RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        var candidates = await pages.CandidatesAsync();
        if (!await ValidateAsync(form)) return View(new SessionFormModel(form, candidates));
        var (forbidden, created) = await commands.CreateAsync(form, candidates);
        if (forbidden) return BadRequest();
        if (!Accept(created) || created.RecordId is not int sessionId) return View(new SessionFormModel(form, candidates));
        TempData["Message"] = $"{form.Title!.Trim()}を登録しました。委員の画面に対象事業が表示されます。";
        return RedirectToAction(nameof(Details), new { id = sessionId });
    }
}
