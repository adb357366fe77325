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
        var lines = await pages.ForDivisionAsync(y, units, state, q, HttpContext.PageFor(page), HttpContext.PageSizeFor(PageSize));
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
        return View("Design", new DesignModel(form, design?.OpenedAt is not null, await CanCopyPreviousAsync(year, design)));
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
            return View("Design", new DesignModel(form, current?.OpenedAt is not null, await CanCopyPreviousAsync(year, current)));
        }
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveDesignAsync(form)) is not null)
        {
            TempData["Message"] = $"{Wareki.FiscalYear(year)}の人事評価の設計を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        form.Pad();
        var shown = await pages.DesignAsync(year);
        return View("Design", new DesignModel(form, shown?.OpenedAt is not null, await CanCopyPreviousAsync(year, shown)));
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

    private async Task<bool> CanCopyPreviousAsync(int year, PersonnelDesign? design) =>
        design?.OpenedAt is null && await pages.DesignAsync(year - 1) is not null;

    /// 特別職の評価者: the 市長・副市長・教育長 who evaluate 部長, registered here rather than through the staff import.
    [HttpGet("Special")]
    public async Task<IActionResult> Special(int? year) => View("Special", await SpecialModelAsync(year ?? Clock.FiscalYear, new SpecialEvaluatorForm()));

    [HttpPost("Special")]
    public async Task<IActionResult> Special(int? year, SpecialEvaluatorForm form)
    {
        var y = year ?? Clock.FiscalYear;
        if (Accept(await commands.RegisterSpecialAsync(form)))
        {
            TempData["Message"] = $"{form.Post?.Label()} {form.Name?.Trim()} を特別職の評価者として登録しました。部長級のシートの評価者に指名できます。";
            return RedirectToAction(nameof(Special), new { year = y });
        }
        return View("Special", await SpecialModelAsync(y, form));
    }

    /// Names a 特別職 first evaluator of every 部長級 sheet of the year still without one.
    [HttpPost("Special/NameForChiefs/{year:int}")]
    public async Task<IActionResult> NameForChiefs(int year, int specialId)
    {
        var (result, count) = await commands.NameForDepartmentChiefsAsync(year, specialId, await pages.StaffIdsOfAsync(me.UserId), Author());
        if (Accept(result))
        {
            TempData["Message"] = $"部長級の {count:N0} 人のシートに評価者を指名しました。";
            return RedirectToAction(nameof(Special), new { year });
        }
        return View("Special", await SpecialModelAsync(year, new SpecialEvaluatorForm()));
    }

    private async Task<SpecialModel> SpecialModelAsync(int year, SpecialEvaluatorForm form) =>
        new(year, await pages.SpecialAsync(), form, await pages.DepartmentChiefsWithoutEvaluatorAsync(year));

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
        var d = await pages.DistributionAsync(y, dept.Id, part, design, org, await pages.StaffIdsOfAsync(me.UserId), onlyEvaluatedByReader: false);
        return View("Distribution", new DistributionModel(y, dept.Id, dept.Name,
            departments.Select(x => new SelectListItem(x.Name, x.Id.ToString(CultureInfo.InvariantCulture), x.Id == dept.Id)).ToList(), part, d.Rows, d.People, d.Total));
    }

    /// 一斉開示 on a page of its own that lists what is not ready: the evaluations not yet confirmed (評価者未設定, and
    /// what each waits for). With any left, the step needs a reason, recorded with it.
    [HttpGet("Disclose/{year:int}")]
    public async Task<IActionResult> Disclose(int year) => View("Confirm", await DiscloseStepAsync(year));

    [HttpPost("Disclose/{year:int}")]
    public async Task<IActionResult> DiscloseConfirmed(int year, string? comment)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var (result, count) = await commands.DiscloseAllAsync(year, design, await pages.StaffIdsOfAsync(me.UserId), Author(), comment);
        if (Accept(result))
        {
            TempData["Message"] = $"{count:N0} 人の評価結果を開示しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        if (result.Errors.Any(e => e.Field == "Comment")) return View("Confirm", await DiscloseStepAsync(year));
        TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year });
    }

    private async Task<ConfirmStep> DiscloseStepAsync(int year)
    {
        var count = await Db.PersonnelEvaluations.CountAsync(e => e.FiscalYear == year && e.State == PersonnelState.Confirmed);
        var gaps = await pages.DisclosureGapsAsync(year);
        var consequences = new List<string> { "調整・確認済の評価すべてについて、本人が確定した評語を見られるようになります。", "今日から苦情相談の期間が始まります。", "開示は取り消せません。" };
        if (gaps.Count > 0)
        {
            consequences.Add($"まだ確定していない評価が {gaps.Sum(g => g.Count):N0} 人あり、今回は開示されません（下に一覧）。");
            consequences.Add("残したまま開示するときは、理由を書いてください（開示した各シートの経過に残ります）。");
        }
        return new ConfirmStep("評価結果の開示", $"{Wareki.FiscalYear(year)}の調整・確認済の {count:N0} 人",
            consequences, Url.Action(nameof(Disclose), new { year })!, "開示する", Url.Action(nameof(Index), new { year })!, new Dictionary<string, string>(),
            CommentLabel: gaps.Count > 0 ? "未確定の評価を残して開示する理由（必須）" : null, Danger: true, Missing: gaps.Select(g => $"{g.What}: {g.Count:N0} 人").ToList());
    }

    /// The year's results for the payroll system (CSV): every evaluation, 未確定 with its reason. Every evaluation in it is logged as read.
    [HttpGet("Payroll/{year:int}")]
    [ReadLogAs("給与連携CSV")]
    public async Task<IActionResult> Payroll(int year)
    {
        var design = await pages.DesignAsync(year);
        if (design is null) return NotFound();
        var evaluations = await pages.ForPayrollAsync(year);
        var mine = await pages.StaffIdsOfAsync(me.UserId);
        if (evaluations.Any(e => PersonnelAccess.IsOwn(mine, e) && e.State < PersonnelState.Disclosed))
            return Forbidden("あなた自身の評価が開示前のため、この年度の給与連携ファイルは別の人事担当が出力してください。");
        return CsvDownload.Result(PayrollFile.Columns(design), PayrollFile.Ordered(evaluations), $"人事評価結果_{Wareki.FiscalYearShort(year)}.csv");
    }

    [HttpGet("Reads")]
    public async Task<IActionResult> Reads(int? evaluationId, int page = 1)
    {
        var shown = await pages.ReadsAsync(evaluationId, page, PageSize);
        var ids = shown.Items.Select(r => r.PersonnelEvaluationId).Distinct().ToList();
        var names = await Db.PersonnelEvaluations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.FiscalYear, e.StaffMember!.Name, e.StaffMember.StaffNumber }).ToDictionaryAsync(e => e.Id);
        var rows = shown.Items.Select(r => (r, names.TryGetValue(r.PersonnelEvaluationId, out var n) ? $"{n.Name}（{n.StaffNumber}・{Wareki.FiscalYearShort(n.FiscalYear)}）" : "")).ToList();
        return View("Reads", new ReadsModel(new Paged<(PersonnelRead, string)>(rows, shown.Page, shown.PageSize, shown.Total), evaluationId));
    }

    [HttpGet("Staff")]
    public async Task<IActionResult> Staff(string? q, int? year, int page = 1)
    {
        var shown = await pages.RegisterAsync(q, page, PageSize);
        return View("Staff", new StaffModel(shown, q, year ?? Clock.FiscalYear, await orgTree.GetAsync()));
    }

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
