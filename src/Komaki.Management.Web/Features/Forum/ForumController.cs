using Komaki.Management.Web.Features.Evaluations;

namespace Komaki.Management.Web.Features.Forum;

public sealed record ForumProjectView(ForumProject Item, string Code, string Name, string Measure, long? Settled, Direction? EvaluationDirection, ReviewerVerdict? Mine,
    IReadOnlyList<(ReviewerVerdict Verdict, string Reviewer, string Kind)> Results);

public sealed record ForumDetailsModel(ForumSession Session, IReadOnlyList<ForumProjectView> Projects, IReadOnlyList<(string Name, string Kind, int Entered)> Reviewers,
    bool IsReviewer, bool IsPlanning);

public sealed class SessionForm
{
    public int FiscalYear { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Venue { get; set; }
    public string? ProjectCodes { get; set; }
    public Dictionary<string, string?> Reviewers { get; set; } = [];
}

/// One project's row of the reviewer's verdict form.
public sealed class VerdictRow
{
    public int ForumProjectId { get; set; }
    public Verdict? Verdict { get; set; }
    public string? Comment { get; set; }
}

/// Hidden: the city's evaluation exists but is not yet published, so the reviewer sees the evidence only.
public sealed record ForumSheetModel(ForumSession Session, EvaluationSheet Sheet, bool EvaluationHidden);

public sealed record SessionFormModel(SessionForm Form, IReadOnlyList<AppUser> Candidates);

/// 外部評価（行政評価市民公開フォーラム）: sessions, the projects chosen for them and their reviewers; each reviewer
/// enters a verdict and comment per project without seeing the others' until the session closes; then the results
/// per project, the city's response, and an improvement action for each result.
[Authorize]
[Route("Forum")]
public sealed class ForumController(AppDbContext db, CurrentUser me, OrgTreeProvider orgTree, EvaluationSheets sheets) : AppController(db)
{
    private int CommentMax => Db.Model.FindEntityType(typeof(ReviewerVerdict))!.FindProperty(nameof(ReviewerVerdict.Comment))!.GetMaxLength() ?? 4000;

    private bool IsStaff => Actor.RoleNames.Any(r => r != Roles.ExternalReviewer);

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var sessions = Db.ForumSessions.AsNoTracking().Include(s => s.Projects).Include(s => s.Reviewers).AsQueryable();
        if (!IsStaff) sessions = sessions.Where(s => s.Reviewers.Any(r => r.UserId == me.UserId));
        return View(await sessions.OrderByDescending(s => s.HeldOn).ToListAsync());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var session = await Load(id);
        if (session is null) return NotFound();
        var isReviewer = session.Reviewers.Any(r => r.UserId == me.UserId);
        if (!IsStaff && !isReviewer) return Forbidden();
        return View(await ModelAsync(session, isReviewer));
    }

    /// A reviewer reads, read-only, the evaluation sheet of a project assigned to their session — the evidence
    /// always, the city's own ratings once published (as for anyone outside the unit and planning).
    [HttpGet("{id:int}/Projects/{forumProjectId:int}")]
    public async Task<IActionResult> Sheet(int id, int forumProjectId)
    {
        var session = await Load(id);
        if (session is null) return NotFound();
        if (!IsStaff && session.Reviewers.All(r => r.UserId != me.UserId)) return Forbidden();
        var item = session.Projects.FirstOrDefault(p => p.Id == forumProjectId);
        if (item is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (await sheets.OneAsync(session.FiscalYear, item.ProjectId, org) is not EvaluationSheet sheet) return NotFound();
        var readable = sheet.Evaluation is { } e && EvaluationAccess.CanRead(Actor, e, org);
        // The staff cost of the year is the unit's own entry on its evaluation: hidden with it.
        var shown = readable ? sheet : sheet with { Evaluation = null, Costs = sheet.Costs.Select(c => c.Year == sheet.Year ? c with { StaffCost = null } : c).ToList() };
        return View(new ForumSheetModel(session, shown, sheet.Evaluation is not null && !readable));
    }

    /// One form for every project of the session: what the reviewer typed for each is saved together, or — when a
    /// row is incomplete — nothing is saved and every row comes back as typed, the incomplete one marked.
    /// A row left wholly blank is a project not judged yet, and stays as it was.
    [HttpPost("{id:int}/Verdicts")]
    public async Task<IActionResult> Verdicts(int id, List<VerdictRow> rows)
    {
        var session = await Load(id, track: true);
        if (session is null) return NotFound();
        if (session.Reviewers.All(r => r.UserId != me.UserId)) return Forbidden();
        if (session.IsClosed) ModelState.AddModelError(string.Empty, "この会は終了しているため、評価を変更できません。");
        var byId = session.Projects.ToDictionary(p => p.Id);
        if (rows.Any(r => !byId.ContainsKey(r.ForumProjectId))) return NotFound();
        foreach (var r in rows)
        {
            var blank = r.Verdict is null && string.IsNullOrWhiteSpace(r.Comment);
            if (blank) continue;
            var name = byId[r.ForumProjectId].Project!.Code;
            if (r.Verdict is not Verdict v || !Enum.IsDefined(v)) ModelState.AddModelError($"verdict-{r.ForumProjectId}", $"{name}: 評価（拡充・現行どおり・改善・縮小・廃止）を選んでください。");
            if (string.IsNullOrWhiteSpace(r.Comment)) ModelState.AddModelError($"comment-{r.ForumProjectId}", $"{name}: 評価の理由・意見を入力してください。");
            else if (r.Comment.Trim().Length > CommentMax) ModelState.AddModelError($"comment-{r.ForumProjectId}", $"{name}: 意見は{CommentMax:N0}文字以内で入力してください（現在 {r.Comment.Trim().Length:N0} 文字）。");
        }
        var now = DateTime.UtcNow;
        if (ModelState.IsValid)
        {
            foreach (var r in rows)
            {
                var item = byId[r.ForumProjectId];
                var mine = item.Verdicts.FirstOrDefault(x => x.ReviewerUserId == me.UserId);
                if (r.Verdict is null) continue;
                if (mine is null) item.Verdicts.Add(mine = new ReviewerVerdict { ReviewerUserId = me.UserId });
                if (mine.Verdict != r.Verdict || mine.Comment != r.Comment!.Trim()) (mine.Verdict, mine.Comment, mine.At) = (r.Verdict.Value, r.Comment!.Trim(), now);
            }
        }
        if (!ModelState.IsValid)
        {
            ViewData["Typed"] = rows.GroupBy(r => r.ForumProjectId).ToDictionary(g => g.Key, g => g.First());
            return View(nameof(Details), await ModelAsync(await Load(id) ?? session, true));
        }
        await Db.SaveChangesAsync();
        var saved = rows.Count(r => r.Verdict is not null);
        TempData["Message"] = $"{saved} 件の評価を保存しました（{session.Projects.Count} 件中）。会の終了までは変更できます。";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// Closing a session publishes its results and opens improvements: asked on a page of its own.
    [HttpGet("{id:int}/Close")]
    public async Task<IActionResult> ConfirmClose(int id)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var session = await Load(id, track: false);
        if (session is null) return NotFound();
        if (session.IsClosed) return RedirectToAction(nameof(Details), new { id });
        var results = session.Projects.Count(p => ForumLabels.Result(p.Verdicts) is not null);
        return View("Confirm", new ConfirmStep("市民公開フォーラムの会の終了", session.Title,
            ["委員の評価が確定し、以後は委員も企画担当も変更できません。",
             $"会の結果が公開サイトに載ります。結果の出た {results} 件の事業は、改善の取組として改善の進行管理に登録されます。",
             $"評価を入力していない委員がいても終了できます（全事業を入力済みの委員 {session.Reviewers.Count(r => session.Projects.All(p => p.Verdicts.Any(v => v.ReviewerUserId == r.UserId)))}／{session.Reviewers.Count} 人）。"],
            Url.Action(nameof(Close), new { id })!, "会を終了して結果を公開する", Url.Action(nameof(Details), new { id })!,
            new Dictionary<string, string> { ["version"] = session.Version.ToString() }));
    }

    [HttpPost("{id:int}/Close")]
    public async Task<IActionResult> Close(int id, int version)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var session = await Load(id, track: true);
        if (session is null) return NotFound();
        if (session.IsClosed)
        {
            TempData["Error"] = "この会は既に終了しています。";
            return RedirectToAction(nameof(Details), new { id });
        }
        session.IsClosed = true;
        var now = DateTime.UtcNow;
        var opened = 0;
        foreach (var item in session.Projects)
        {
            if (ForumLabels.Result(item.Verdicts) is not Verdict result) continue;
            Db.ImprovementActions.Add(ForumLabels.ActionFor(session, item.Project!, result, item.Verdicts.Count, now));
            opened++;
        }
        if (await TrySaveEditAsync(session, version, session.AuditTarget))
            TempData["Message"] = $"会を終了し、結果を公開しました。{opened} 件の結果を改善の進行管理に登録しました。";
        else
            TempData["Error"] = "他の職員が先に更新したため、終了できませんでした。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/Response")]
    public async Task<IActionResult> SaveResponse(int id, int forumProjectId, string? response)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var item = await Db.ForumProjects.Include(p => p.ForumSession).FirstOrDefaultAsync(p => p.Id == forumProjectId && p.ForumSessionId == id);
        if (item is null) return NotFound();
        if (!item.ForumSession!.IsClosed) TempData["Error"] = "対応方針は会の終了後に入力します。";
        else if (response is { Length: > 4000 }) TempData["Error"] = "対応方針は4,000文字以内で入力してください。";
        else
        {
            item.CityResponse = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
            await Db.SaveChangesAsync();
            TempData["Message"] = "対応方針を保存しました。";
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create()
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        return View(new SessionFormModel(new SessionForm { FiscalYear = Display.CurrentFiscalYear() - 1, Venue = "小牧市役所 本庁舎 6階大会議室" }, await CandidatesAsync()));
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(SessionForm form)
    {
        if (!Actor.IsPlanMasterEditor) return Forbidden();
        var candidates = await CandidatesAsync();
        if (string.IsNullOrWhiteSpace(form.Title)) ModelState.AddModelError(nameof(form.Title), "会の名称を入力してください。");
        if (!DateOnly.TryParse(form.HeldOn, CultureInfo.InvariantCulture, out var heldOn)) ModelState.AddModelError(nameof(form.HeldOn), "開催日を入力してください。");
        if (string.IsNullOrWhiteSpace(form.Venue)) ModelState.AddModelError(nameof(form.Venue), "会場を入力してください。");
        var codes = CodeList.Parse(form.ProjectCodes);
        var projects = await Db.Projects.Where(p => codes.Contains(p.Code) && p.RetiredAt == null).ToListAsync();
        if (codes.Count == 0) ModelState.AddModelError(nameof(form.ProjectCodes), "対象とする事業のコードを入力してください。");
        foreach (var c in codes.Where(c => projects.All(p => p.Code != c))) ModelState.AddModelError(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        var reviewers = form.Reviewers.Where(r => r.Value is "市民委員" or "学識経験者").ToList();
        if (reviewers.Count == 0) ModelState.AddModelError(nameof(form.Reviewers), "委員を1人以上選んでください。");
        if (reviewers.Any(r => candidates.All(c => c.Id != r.Key))) return BadRequest();
        if (!ModelState.IsValid) return View(new SessionFormModel(form, candidates));
        var session = new ForumSession
        {
            FiscalYear = form.FiscalYear, Title = form.Title!.Trim(), HeldOn = heldOn, Venue = form.Venue!.Trim(),
            Projects = projects.Select(p => new ForumProject { ProjectId = p.Id }).ToList(),
            Reviewers = reviewers.Select(r => new ForumReviewer { UserId = r.Key, Kind = r.Value! }).ToList(),
        };
        Db.ForumSessions.Add(session);
        if (!await TrySaveAsync()) return View(new SessionFormModel(form, candidates));
        TempData["Message"] = $"{session.Title}を登録しました。委員の画面に対象事業が表示されます。";
        return RedirectToAction(nameof(Details), new { id = session.Id });
    }

    private async Task<List<AppUser>> CandidatesAsync()
    {
        var roleId = await Db.Roles.Where(r => r.Name == Roles.ExternalReviewer).Select(r => r.Id).FirstAsync();
        return await Db.Users.Where(u => u.IsActive && Db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)).OrderBy(u => u.DisplayName).ToListAsync();
    }

    private async Task<ForumSession?> Load(int id, bool track = false)
    {
        var q = Db.ForumSessions.Include(s => s.Reviewers).Include(s => s.Projects).ThenInclude(p => p.Verdicts).Include(s => s.Projects).ThenInclude(p => p.Project).ThenInclude(p => p!.Measure).AsSplitQuery();
        return await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id);
    }

    /// Before the session closes nobody sees the verdicts of others: reviewers see their own, planning sees how many.
    private async Task<ForumDetailsModel> ModelAsync(ForumSession s, bool isReviewer)
    {
        var projectIds = s.Projects.Select(p => p.ProjectId).ToList();
        var settled = await Db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == s.FiscalYear && projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => b.ProjectId, b => b.Settled);
        var directions = await Db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == s.FiscalYear && projectIds.Contains(e.ProjectId) && e.State == EvaluationState.Published)
            .ToDictionaryAsync(e => e.ProjectId, e => e.SecondDirection ?? e.FirstDirection);
        var reviewerIds = s.Reviewers.Select(r => r.UserId).ToList();
        var names = await Db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var kinds = s.Reviewers.ToDictionary(r => r.UserId, r => r.Kind);
        var projects = s.Projects.OrderBy(p => p.Project!.Code).Select(p => new ForumProjectView(p, p.Project!.Code, p.Project.Name, p.Project.Measure!.Name,
            settled.GetValueOrDefault(p.ProjectId), directions.GetValueOrDefault(p.ProjectId), p.Verdicts.FirstOrDefault(v => v.ReviewerUserId == me.UserId),
            s.IsClosed ? p.Verdicts.Select(v => (v, names.GetValueOrDefault(v.ReviewerUserId, ""), kinds.GetValueOrDefault(v.ReviewerUserId, ""))).ToList() : [])).ToList();
        var reviewers = s.Reviewers.Select(r => (names.GetValueOrDefault(r.UserId, ""), r.Kind, s.Projects.Count(p => p.Verdicts.Any(v => v.ReviewerUserId == r.UserId)))).ToList();
        return new ForumDetailsModel(s, projects, reviewers, isReviewer, Actor.IsPlanMasterEditor);
    }
}
