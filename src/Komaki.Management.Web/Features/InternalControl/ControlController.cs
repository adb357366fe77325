namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制: each division's risk register for the year, its evaluation by the 評価部局, deficiencies and their
/// correction, processing errors, the cycle's dates and the 評価報告書. A division sees and edits its own risks; the
/// 推進部局, the 評価部局 and the executives see all; ControlAccess says who does what.
// The audit committee reads the register (never edits it) once the year's report is written; every step below checks
// who may take it, so its role reaches only the reads.
[Authorize(Policy = Policies.ControlReport)]
[Route("Control")]
public sealed class ControlController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, ControlPages pages, ControlCommands commands) : AppController(db)
{
    // A city-wide register runs to hundreds of risks; a page of them keeps the list quick to send and to read.
    private const int RisksPerPage = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, RiskPriority? priority, string? q, int page = 1)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        var seesAll = ControlAccess.SeesAll(Actor, policy, org);
        var cycle = await pages.YearAsync(y);
        if (Actor.IsIn(Roles.Auditor) && !ControlAccess.AuditorReads(Actor, cycle?.ReportedOn))
            return Forbidden("監査委員は、評価報告書が作成された年度のリスク一覧を見られます（評価報告書から開いてください）。");
        // Those who see everything open on the whole city; a division opens on its own register.
        unitId = unitId is null && (seesAll || Actor.IsIn(Roles.Auditor)) ? null : ListUnit(unitId);
        var units = unitId is int u ? org.SelfAndDescendants(u).ToList() : null;
        var risks = await pages.RegisterAsync(Actor, policy, org, y, units);
        var progress = risks.GroupBy(r => r.OrgUnitId).Select(g => (g.Key, g.Count(r => r.State == RiskState.Draft), g.Count(r => r.State == RiskState.Submitted), g.Count(r => r.State == RiskState.Evaluated))).ToList();
        var shown = risks.Where(r => priority is not RiskPriority p || r.Priority == p)
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Code.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || r.Description.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)
                || (r.Measures ?? "").Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var promotion = ControlAccess.IsPromotion(Actor, policy, org);
        var missing = promotion && cycle is not null && ControlYearSteps.Next(cycle) is ControlYearStep next
            ? ControlReadiness.Missing(next, unitId is null ? risks : await pages.AllOfYearAsync(y), org) : [];
        var myUnits = MyUnits(org, y);
        return View(new ControlIndexModel(y, policy, cycle, HttpContext.Page(shown, page, RisksPerPage), unitId, priority, UnitOptions.For(org), org, seesAll,
            promotion, ControlAccess.IsEvaluation(Actor, policy, org), ControlAccess.CanReadReport(Actor, policy, org), myUnits, progress, Clock.Today, Actor)
        {
            Missing = missing,
            Coverage = seesAll ? await pages.CoverageAsync(y, org) : [],
            Chases = myUnits.Count > 0 ? await pages.ChasesAsync(y, myUnits.Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList()) : [],
            Levels = RiskLevels.Of(cycle),
            Query = q?.Trim(),
        });
    }

    /// 督促 of a 課 by the 推進部局, from the coverage table.
    [HttpPost("Year/{year:int}/Chase")]
    public async Task<IActionResult> Chase(int year, int unitId, string? message)
    {
        var org = await orgTree.GetAsync();
        if (!ControlAccess.IsPromotion(Actor, await pages.PolicyAsync(), org)) return Forbidden("督促するのは推進部局です。");
        if (org.Find(unitId) is not { } unit) return NotFound();
        var result = await commands.ChaseAsync(year, unitId, message, Author());
        if (result.Succeeded) TempData["Message"] = $"{org.PathName(unit.Id)}に督促しました（その課のリスク一覧に表示されます）。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year, unitId = 0 });
    }

    /// The whole register of a 課 submitted at once, asked on a confirmation page that lists what goes and what is
    /// incomplete.
    [HttpGet("Register/{unitId:int}/Submit")]
    public async Task<IActionResult> SubmitRegister(int unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        if (ControlAccess.CheckSubmitRegister(Actor, unitId, org) is string refusal) return Forbidden(refusal);
        var risks = await pages.RegisterAsync(Actor, await pages.PolicyAsync(), org, y, org.SelfAndDescendants(unitId).ToList());
        var drafts = risks.Where(r => r.State == RiskState.Draft).ToList();
        var consequences = new List<string>
        {
            drafts.Count == 0 ? "提出する（記入中の）リスクはありません。" : $"記入中のリスク {drafts.Count:N0} 件をまとめて提出します: " + string.Join("、", drafts.Select(r => $"{r.Code} {r.Description}")),
            "提出したリスクは直せなくなり、評価部局が整備・運用状況を評価します。",
        };
        var incomplete = drafts.Where(r => r.DueOn is null || string.IsNullOrWhiteSpace(r.Measures) || r.Links.Count == 0)
            .Select(r => $"{r.Code}：" + string.Join("・", new[] { r.DueOn is null ? "対応の期限が未記入" : null, string.IsNullOrWhiteSpace(r.Measures) ? "対応策が未記入" : null, r.Links.Count == 0 ? "関連する事業・施策・組織目標がない" : null }.OfType<string>())).ToList();
        if (incomplete.Count > 0) consequences.Add("記入の足りないリスクがあります（このまま提出すると、評価部局はこの内容で評価します）: " + string.Join("／", incomplete));
        if (risks.Count(r => r.State != RiskState.Draft) is int done and > 0) consequences.Add($"提出済・評価済のリスク {done:N0} 件はそのままです。");
        return View("Confirm", new ConfirmStep("リスク登録簿の提出", $"{org.PathName(unitId)}・{Wareki.FiscalYear(y)}", consequences,
            Url.Action(nameof(SubmitRegister), new { unitId, year = y })!, "登録簿を提出する", Url.Action(nameof(Index), new { year = y, unitId })!, new Dictionary<string, string>()));
    }

    [HttpPost("Register/{unitId:int}/Submit")]
    public async Task<IActionResult> SubmitRegisterConfirmed(int unitId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        if (ControlAccess.CheckSubmitRegister(Actor, unitId, org) is string refusal) return Forbidden(refusal);
        var (result, count) = await commands.SubmitRegisterAsync(y, unitId, org);
        if (result.Succeeded) TempData["Message"] = $"{org.PathName(unitId)}のリスク {count:N0} 件を提出しました。評価部局が整備・運用状況を評価します。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year = y, unitId });
    }

    /// The 評価部局 confirms a division's correction or sends it back with the reason.
    [HttpPost("Deficiencies/{id:int}/ConfirmCorrection")]
    public async Task<IActionResult> ConfirmCorrection(int id, int version, bool reopen, string? reopenNote)
    {
        var deficiency = await Db.ControlDeficiencies.FirstOrDefaultAsync(d => d.Id == id);
        if (deficiency is null) return NotFound();
        var (risk, policy, org) = await LoadAsync(deficiency.ControlRiskId);
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckConfirmCorrection(Actor, risk, deficiency, policy, org) is string refusal) return Forbidden(refusal);
        if (Accept(await commands.ConfirmCorrectionAsync(deficiency, version, reopen, reopenNote, Author())))
        {
            TempData["Message"] = reopen ? "是正を差し戻しました。所属が是正し直します。" : "是正を確認しました。";
            return RedirectToAction(nameof(Details), new { id = risk.Id });
        }
        return View("Details", await DetailsModelAsync(risk, policy, org, new RiskEvaluationForm { Version = risk.Version }));
    }

    [HttpGet("Risks/Create")]
    public async Task<IActionResult> Create(int? year, int? unitId)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var mine = MyUnits(org, y);
        if (mine.Count == 0) return Forbidden("リスクを記入するのは、各課の職員です。");
        var form = new RiskForm { FiscalYear = y, OrgUnitId = unitId ?? int.Parse(mine[0].Value, CultureInfo.InvariantCulture), Area = ControlArea.Finance, Scope = RiskScope.UnitSpecific, Response = RiskResponse.Reduce };
        if (!ControlAccess.IsOwnUnit(Actor, form.OrgUnitId, org)) return Forbidden();
        return View("Edit", new RiskFormModel(null, form, mine, await pages.GoalOptionsAsync(form.OrgUnitId, y), await pages.LevelsAsync(y)));
    }

    [HttpPost("Risks/Create")]
    public async Task<IActionResult> Create(RiskForm form)
    {
        var org = await orgTree.GetAsync();
        if (!ControlAccess.IsOwnUnit(Actor, form.OrgUnitId, org)) return Forbidden();
        var created = await RunAsync(form, () => commands.CheckAsync(form), () => commands.CreateAsync(form, org));
        if (created is null) return View("Edit", new RiskFormModel(null, form, MyUnits(org, form.FiscalYear), await pages.GoalOptionsAsync(form.OrgUnitId, form.FiscalYear), await pages.LevelsAsync(form.FiscalYear)));
        TempData["Message"] = "リスクを記入しました。課の記入がそろったら、所属長が「提出」します。";
        return RedirectToAction(nameof(Details), new { id = created.RecordId });
    }

    [HttpGet("Risks/{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var (risk, policy, org) = await LoadAsync(id);
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        return View(await DetailsModelAsync(risk, policy, org, new RiskEvaluationForm { Version = risk.Version }));
    }

    [HttpGet("Risks/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var (risk, policy, org) = await LoadAsync(id);
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckEdit(Actor, risk, org) is string refusal) return Forbidden(refusal);
        return View(new RiskFormModel(id, ControlPages.FormOf(risk), UnitOf(risk, org), await pages.GoalOptionsAsync(risk.OrgUnitId, risk.FiscalYear), await pages.LevelsAsync(risk.FiscalYear)));
    }

    [HttpPost("Risks/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, RiskForm form)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await pages.PolicyAsync();
        var org = await orgTree.GetAsync();
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckEdit(Actor, risk, org) is string refusal) return Forbidden(refusal);
        form.OrgUnitId = risk.OrgUnitId;
        form.FiscalYear = risk.FiscalYear;
        if (await RunAsync(form, () => commands.CheckAsync(form), () => commands.EditAsync(risk, form)) is not null)
        {
            TempData["Message"] = "リスクを保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new RiskFormModel(id, form, UnitOf(risk, org), await pages.GoalOptionsAsync(risk.OrgUnitId, risk.FiscalYear), await pages.LevelsAsync(risk.FiscalYear)));
    }

    [HttpPost("Risks/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int id, int version)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await pages.PolicyAsync();
        var org = await orgTree.GetAsync();
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckSubmit(Actor, risk, org) is string refusal) return Forbidden(refusal);
        if (Accept(await commands.SubmitAsync(risk, version))) TempData["Message"] = "リスクを提出しました。評価部局が整備・運用状況を評価します。";
        else TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("Risks/{id:int}/Evaluate")]
    public async Task<IActionResult> Evaluate(int id, RiskEvaluationForm form)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await pages.PolicyAsync();
        var org = await orgTree.GetAsync();
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckEvaluate(Actor, risk, policy, await pages.YearAsync(risk.FiscalYear), org) is string refusal) return Forbidden(refusal);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.EvaluateAsync(risk, form, Author())) is not null)
        {
            TempData["Message"] = "整備・運用状況の評価を記録しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        Db.ChangeTracker.Clear();
        var (shown, _, _) = await LoadAsync(id);
        return View("Details", await DetailsModelAsync(shown!, policy, org, form));
    }

    [HttpPost("Deficiencies/{id:int}/Correct")]
    public async Task<IActionResult> Correct(int id, int version, DateOnly? correctedOn, string? correctionNote)
    {
        var deficiency = await Db.ControlDeficiencies.FirstOrDefaultAsync(d => d.Id == id);
        if (deficiency is null) return NotFound();
        var (risk, policy, org) = await LoadAsync(deficiency.ControlRiskId);
        if (risk is null) return NotFound();
        if (!await MayAsync(risk, RecordOperations.Read)) return Forbidden(NotYours);
        if (ControlAccess.CheckCorrect(Actor, risk, deficiency, org) is string refusal) return Forbidden(refusal);
        if (Accept(await commands.CorrectAsync(deficiency, version, correctedOn, correctionNote, Clock.Today)))
        {
            TempData["Message"] = "是正を記録しました。";
            return RedirectToAction(nameof(Details), new { id = risk.Id });
        }
        return View("Details", await DetailsModelAsync(risk, policy, org, new RiskEvaluationForm { Version = risk.Version }));
    }

    [HttpPost("Year/{year:int}/Schedule")]
    public async Task<IActionResult> Schedule(int year, DateOnly? entryDue, DateOnly? evaluationDue)
    {
        var org = await orgTree.GetAsync();
        if (!ControlAccess.IsPromotion(Actor, await pages.PolicyAsync(), org)) return Forbidden("日程を決めるのは推進部局です。");
        var result = await commands.SaveScheduleAsync(year, entryDue, evaluationDue);
        if (result.Succeeded) TempData["Message"] = "日程を保存しました。";
        else TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index), new { year });
    }

    /// The year's wording of the levels of 発生可能性 and 影響度, kept by the 推進部局.
    [HttpGet("Year/{year:int}/Levels")]
    public async Task<IActionResult> Levels(int year)
    {
        if (!ControlAccess.IsPromotion(Actor, await pages.PolicyAsync(), await orgTree.GetAsync())) return Forbidden(LevelsRefusal);
        var cycle = await pages.YearAsync(year);
        return View(new RiskLevelsModel(year, RiskLevels.Of(cycle).ToForm(cycle?.Version ?? 0), cycle is not null));
    }

    [HttpPost("Year/{year:int}/Levels")]
    public async Task<IActionResult> Levels(int year, RiskLevelsForm form)
    {
        if (!ControlAccess.IsPromotion(Actor, await pages.PolicyAsync(), await orgTree.GetAsync())) return Forbidden(LevelsRefusal);
        if (Accept(await commands.SaveLevelsAsync(year, form)))
        {
            TempData["Message"] = "発生可能性・影響度の定義を保存しました。";
            return RedirectToAction(nameof(Index), new { year });
        }
        return View(new RiskLevelsModel(year, form, await pages.YearAsync(year) is not null));
    }

    private const string LevelsRefusal = "発生可能性・影響度の定義を決めるのは推進部局です。";

    [HttpGet("Register/Excel")]
    public async Task<IActionResult> RegisterExcel(int? year, int? unitId)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var policy = await pages.PolicyAsync();
        if (Actor.IsIn(Roles.Auditor) && !ControlAccess.AuditorReads(Actor, (await pages.YearAsync(y))?.ReportedOn)) return Forbidden("監査委員は、評価報告書が作成された年度のリスク一覧を見られます。");
        unitId = unitId is null && (ControlAccess.SeesAll(Actor, policy, org) || Actor.IsIn(Roles.Auditor)) ? null : ListUnit(unitId);
        var risks = await pages.RegisterAsync(Actor, policy, org, y, unitId is int u ? org.SelfAndDescendants(u).ToList() : null);
        var stream = new MemoryStream();
        ControlSheets.WriteRegister(stream, y, risks, org, await pages.LevelsAsync(y));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"リスク一覧_{Wareki.FiscalYearShort(y)}.xlsx");
    }

    private async Task<(ControlRisk? Risk, ControlPolicy? Policy, OrgTree Org)> LoadAsync(int id) =>
        (await pages.WithDetails().FirstOrDefaultAsync(r => r.Id == id), await pages.PolicyAsync(), await orgTree.GetAsync());

    private async Task<RiskDetailsModel> DetailsModelAsync(ControlRisk risk, ControlPolicy? policy, OrgTree org, RiskEvaluationForm form)
    {
        var cycle = await pages.YearAsync(risk.FiscalYear);
        var errors = await Db.ProcessingErrors.AsNoTracking().Where(e => e.ControlRiskId == risk.Id).OrderByDescending(e => e.OccurredOn).ToListAsync();
        return new RiskDetailsModel(risk, org.PathName(risk.OrgUnitId), ControlAccess.CheckEdit(Actor, risk, org), ControlAccess.CheckSubmit(Actor, risk, org),
            ControlAccess.CheckEvaluate(Actor, risk, policy, cycle, org), form,
            risk.Deficiencies.OrderBy(d => d.Id).Select(d => (d, ControlAccess.CheckCorrect(Actor, risk, d, org))).ToList(), errors, Clock.Today)
        {
            ConfirmRefusals = risk.Deficiencies.ToDictionary(d => d.Id, d => ControlAccess.CheckConfirmCorrection(Actor, risk, d, policy, org)),
        };
    }

    /// The divisions the person enters risks for: their own and the units under it, valid in the year.
    private List<SelectListItem> MyUnits(OrgTree org, int year) => Actor.UnitId is int mine && (Actor.IsIn(Roles.DepartmentHead) || Actor.IsIn(Roles.DepartmentStaff) || Actor.IsIn(Roles.Planning) || Actor.IsIn(Roles.Personnel))
        ? org.Flatten(u => u.IsValidIn(year)).Select(x => x.Unit).Where(u => org.IsSameOrUnder(u.Id, mine) && u.Level != OrgUnitLevel.Department).Select(u => new SelectListItem(org.PathName(u.Id), u.Id.ToString(CultureInfo.InvariantCulture))).ToList()
        : [];

    private static List<SelectListItem> UnitOf(ControlRisk risk, OrgTree org) => [new(org.PathName(risk.OrgUnitId), risk.OrgUnitId.ToString(CultureInfo.InvariantCulture))];

    private const string NotYours = "このリスクは、その課の職員と推進部局・評価部局・市長・副市長が見られます。";

    private ControlAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
