namespace Komaki.Management.Web.Features.Personnel;

/// 人事評価の運用 for the personnel division: the year's design, opening the year, where every evaluation stands, the
/// department's distribution before 調整, disclosure on one day, the results for payroll, the staff register and the
/// log of who read which evaluation.
[Authorize(Policy = Policies.Personnel)]
[Route("Personnel/Division")]
public sealed class PersonnelDivisionController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands)
    : AppController(db)
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, PersonnelState? state, string? q, int page = 1)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var units = unitId is int u ? org.SelfAndDescendants(u).ToList() : null;
        var query = pages.ForDivision(y, units, state, q);
        var total = await query.CountAsync();
        var lines = await query.ToPagedAsync(Pages.Clamp(HttpContext.PageFor(page), total, PageSize), HttpContext.PageSizeFor(PageSize));
        // The division is told of every new 人事担当 (asked or granted in the last 90 days), whoever granted it.
        var since = Clock.UtcNow.AddDays(-90);
        var grants = await (from g in Db.RoleGrants.AsNoTracking() join a in Db.Users on g.UserId equals a.Id
                            where g.Role == Roles.Personnel && (g.ConfirmedAt == null || g.ConfirmedAt > since) orderby g.RequestedAt descending
                            select new { a.DisplayName, a.Email, g.RequestedByName, g.ConfirmedByName, g.ConfirmedAt }).ToListAsync();
        var officers = grants.Select(g => $"{g.DisplayName}（{g.Email}）: {g.RequestedByName} が依頼、" + (g.ConfirmedAt is DateTime at ? $"{g.ConfirmedByName} が {CityTime.DateTimeText(at)} に確認" : "確認待ち")).ToList();
        return View("DivisionIndex", new DivisionIndexModel(y, await pages.DesignAsync(y), lines, await pages.StateCountsAsync(y), unitId, state, q, UnitOptions.For(org), org, Clock.Today, officers));
    }

    [HttpGet("Design/{year:int}")]
    public async Task<IActionResult> Design(int year)
    {
        var design = await pages.DesignAsync(year);
        var form = design is null ? PersonnelCommands.DefaultForm(year) : PersonnelCommands.FormOf(design);
        form.Pad();
        return View("Design", new DesignModel(form, design?.OpenedAt is not null));
    }

    [HttpPost("Design/{year:int}")]
    public async Task<IActionResult> Design(int year, PersonnelDesignForm form)
    {
        form.FiscalYear = year;
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveDesignAsync(form)) is not null)
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の人事評価の設計を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        form.Pad();
        return View("Design", new DesignModel(form, (await pages.DesignAsync(year))?.OpenedAt is not null));
    }

    /// 評価の開始 is asked on a page of its own: it creates everyone's evaluation and fixes the criteria.
    [HttpGet("Open/{year:int}")]
    public async Task<IActionResult> Open(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return RedirectToAction(nameof(Design), new { year });
        return View("Confirm", new ConfirmStep("人事評価の開始", Wareki.FiscalYear(year),
            [$"評価基準日（{Wareki.Date(design.ReferenceDate)}）に所属のある職員のうち、まだ評価のない人の人事評価シートを作ります。", "評価者は組織から導きます（課の職員は課長→部長、課長は部長）。決まらない人は一覧に「評価者未設定」と出ます。",
             "本人がこの年度について先に書いていた業績目標は、その人のシートに載ります。", "この年度の評語と評価項目は、以後変えられなくなります。"],
            Url.Action(nameof(Open), new { year })!, "評価を開始する", Url.Action(nameof(Index), new { year })!, new Dictionary<string, string>()));
    }

    [HttpPost("Open/{year:int}")]
    public async Task<IActionResult> OpenConfirmed(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var (result, opened, without) = await commands.OpenYearAsync(design, await orgTree.GetAsync(), Author());
        if (Accept(result)) TempData["Message"] = $"{opened:N0} 人の人事評価を開始しました。" + (without > 0 ? $"一次評価者が決まらない人が {without:N0} 人います（一覧の「評価者未設定」）。" : "");
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year });
    }

    /// The grades of one department before 調整, against the year's guide. Every evaluation read is logged.
    [HttpGet("Distribution")]
    [ReadLogAs("分布")]
    public async Task<IActionResult> Distribution(int? year, int? departmentId, AppraisalPart part = AppraisalPart.Performance)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var departments = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Department).Select(x => x.Unit).ToList();
        var firstUnit = await Db.PersonnelEvaluations.Where(e => e.FiscalYear == y).OrderBy(e => e.OrgUnitId).Select(e => (int?)e.OrgUnitId).FirstOrDefaultAsync();
        var dept = departments.FirstOrDefault(d => d.Id == departmentId) ?? departments.FirstOrDefault(d => d.Id == org.DepartmentOf(firstUnit)?.Id) ?? departments.FirstOrDefault();
        var design = await pages.DesignAsync(y);
        if (dept is null || design is null) return NotFound();
        // Separation of duties: an officer's own evaluation is not shown to them before it is disclosed to them.
        var evaluations = await pages.ForDistributionAsync(y, org.SelfAndDescendants(dept.Id).ToList(), await pages.StaffIdsOfAsync(me.UserId));
        string? Grade(PersonnelEvaluation e) => e.State >= PersonnelState.Confirmed
            ? (part == AppraisalPart.Competence ? e.FinalCompetenceGrade : e.FinalPerformanceGrade)
            : e.LastEvaluatorGrade(part) ?? e.Mark(MarkStage.First, part)?.Grade;
        var people = evaluations.Select(e => (e, org.PathName(e.OrgUnitId), Grade(e))).ToList();
        var graded = people.Count(p => p.Item3 is not null);
        var rows = design.Grades.OrderBy(g => g.SortOrder).Select(g =>
        {
            var n = people.Count(p => p.Item3 == g.Code);
            return new DistributionRow(g.Code, g.Label, n, graded == 0 ? 0 : Math.Round(100m * n / graded, 1), g.MaxShare);
        }).ToList();
        return View("Distribution", new DistributionModel(y, dept.Id, dept.Name,
            departments.Select(d => new SelectListItem(d.Name, d.Id.ToString(CultureInfo.InvariantCulture), d.Id == dept.Id)).ToList(), part, rows, people, graded));
    }

    [HttpGet("Disclose/{year:int}")]
    public async Task<IActionResult> Disclose(int year)
    {
        var count = await Db.PersonnelEvaluations.CountAsync(e => e.FiscalYear == year && e.State == PersonnelState.Confirmed);
        return View("Confirm", new ConfirmStep("評価結果の開示", $"{Wareki.FiscalYear(year)}の調整・確認済の {count:N0} 人",
            ["調整・確認済の評価すべてについて、本人が確定した評語を見られるようになります。", "今日から苦情相談の期間が始まります。", "開示は取り消せません。"],
            Url.Action(nameof(Disclose), new { year })!, "開示する", Url.Action(nameof(Index), new { year })!, new Dictionary<string, string>(), Danger: true));
    }

    [HttpPost("Disclose/{year:int}")]
    public async Task<IActionResult> DiscloseConfirmed(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var (result, count) = await commands.DiscloseAllAsync(year, design, await pages.StaffIdsOfAsync(me.UserId), Author());
        if (Accept(result)) TempData["Message"] = $"{count:N0} 人の評価結果を開示しました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year });
    }

    /// The year's confirmed results for the payroll system (CSV). Every evaluation in it is logged as read.
    [HttpGet("Payroll/{year:int}")]
    [ReadLogAs("給与連携CSV")]
    public async Task<IActionResult> Payroll(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var confirmed = await pages.ConfirmedAsync(year);
        var mine = await pages.StaffIdsOfAsync(me.UserId);
        if (confirmed.Any(e => PersonnelAccess.IsOwn(mine, e) && e.State < PersonnelState.Disclosed))
            return Forbidden("あなた自身の評価が開示前のため、この年度の給与連携ファイルは別の人事担当が出力してください。");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PayrollFile.Csv(confirmed, design))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"人事評価結果_{Wareki.FiscalYearShort(year)}.csv");
    }

    [HttpGet("Reads")]
    public async Task<IActionResult> Reads(int? evaluationId, int page = 1)
    {
        var query = pages.Reads(evaluationId);
        var total = await query.CountAsync();
        var shown = await query.ToPagedAsync(Pages.Clamp(page, total, PageSize), PageSize);
        var ids = shown.Items.Select(r => r.PersonnelEvaluationId).Distinct().ToList();
        var names = await Db.PersonnelEvaluations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.FiscalYear, e.StaffMember!.Name, e.StaffMember.StaffNumber }).ToDictionaryAsync(e => e.Id);
        var rows = shown.Items.Select(r => (r, names.TryGetValue(r.PersonnelEvaluationId, out var n) ? $"{n.Name}（{n.StaffNumber}・{Wareki.FiscalYearShort(n.FiscalYear)}）" : "")).ToList();
        return View("Reads", new ReadsModel(new Paged<(PersonnelRead, string)>(rows, shown.Page, shown.PageSize, shown.Total), evaluationId));
    }

    [HttpGet("Staff")]
    public async Task<IActionResult> Staff(string? q, int? year, int page = 1)
    {
        var query = pages.Register(q);
        var total = await query.CountAsync();
        var shown = await query.ToPagedAsync(Pages.Clamp(page, total, PageSize), PageSize);
        return View("Staff", new StaffModel(shown, q, year ?? Clock.FiscalYear, await orgTree.GetAsync()));
    }

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
