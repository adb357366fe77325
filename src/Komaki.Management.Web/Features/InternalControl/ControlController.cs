using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.InternalControl;

/// 内部統制: each division's risk register for the year, its evaluation by the 評価部局, deficiencies and their
/// correction, processing errors, the cycle's dates and the 評価報告書. A division sees and edits its own risks; the
/// 推進部局, the 評価部局 and the executives see all; ControlRiskRule and ControlYearRule say who does what.
// The audit committee reads the register (never edits it) once the year's report is written; every step below checks
// who may take it, so its role reaches only the reads.
[Authorize(Policy = Policies.ControlReport)]
[Route("Control")]
public sealed class ControlController(OrgTreeProvider orgTree, CurrentUser me, ControlPages pages, ControlCommands commands, ReadCache cache) : ControlRiskController(orgTree, me, pages)
{
    // A city-wide register runs to hundreds of risks; a page of them keeps the list quick to send and to read.
    private const int RisksPerPage = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? unitId, RiskPriority? priority, string? q, int page = 1)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await OrgTrees.GetAsync();
        var policy = await Pages.PolicyAsync();
        // The year as the rules see it, asked about as a new year until it is scheduled.
        var stored = await Pages.YearAsync(y);
        var theYear = stored ?? new ControlYear { FiscalYear = y };
        var seesAll = await RefusalAsync(theYear, ControlYearRule.ReadCity) is null;
        // Those who see everything open on the whole city, kept as a read model; a division opens on its own register.
        var opensCity = await RefusalAsync(theYear, ControlYearRule.OpenCity) is null;
        unitId = unitId is null && opensCity ? null : ListUnit(unitId);
        var city = unitId is null && opensCity ? await cache.GetAsync($"control-city:{y}", CityRegister.Areas, () => Pages.CityRegisterAsync(y, org)) : null;
        var cycle = city is null ? stored : city.Cycle;
        if (await RefusalAsync(cycle ?? theYear, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        var risks = city?.Risks ?? await Pages.RegisterAsync(Actor, policy, org, y, unitId is int u ? org.SelfAndDescendants(u).ToList() : null);
        var progress = risks.GroupBy(r => r.OrgUnitId).Select(g => (g.Key, g.Count(r => r.State == RiskState.Draft), g.Count(r => r.State == RiskState.Submitted), g.Count(r => r.State == RiskState.Evaluated))).ToList();
        var text = q?.Trim();
        var shown = risks.Where(r => priority is not RiskPriority p || r.Priority == p)
            .Where(r => string.IsNullOrEmpty(text) || r.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Description.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (r.Measures ?? "").Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var promotion = await RefusalAsync(theYear, ControlYearRule.Promote) is null;
        var missing = promotion && cycle is not null && ControlYearSteps.Next(cycle) is ControlYearStep next
            ? ControlReadiness.Missing(next, unitId is null ? risks : await Pages.AllOfYearAsync(y), org) : [];
        var myUnits = MyUnits(org, y);
        return View(nameof(Index), new ControlIndexModel(y, policy, cycle, HttpContext.Page(shown, page, RisksPerPage), unitId, priority, UnitOptions.For(org), org, seesAll,
            promotion, await RefusalAsync(theYear, ControlYearRule.Evaluate) is null, await RefusalAsync(theYear, ControlYearRule.ReadReport) is null, myUnits, progress, Clock.Today)
        {
            OpensCity = opensCity,
            Missing = missing,
            Coverage = !seesAll ? [] : city?.Coverage ?? await Pages.CoverageAsync(y, org),
            Chases = myUnits.Count > 0 ? await Pages.ChasesAsync(y, myUnits.Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList()) : [],
            Levels = RiskLevels.Of(cycle),
            Query = text,
            SubmitsRegisterOf = Actor.UnitId is int head && myUnits.Count > 0
                && await MayAsync(new ControlRisk { OrgUnitId = head, FiscalYear = y }, RecordOperations.Named(ControlRiskRule.SubmitRegister)) ? head : null,
        });
    }

    /// The year's due dates (推進部局); a refusal is shown beside its field on the city's list.
    [HttpPost("Year/{year:int}/Schedule")]
    public async Task<IActionResult> Schedule(int year, ControlScheduleForm form) =>
        await PromotionStepAsync(year, form, "日程を決めるのは推進部局です。", () => commands.SaveScheduleAsync(year, form), "日程を保存しました。");

    /// 督促 of a 課 by the 推進部局, from the coverage table.
    [HttpPost("Year/{year:int}/Chase")]
    public async Task<IActionResult> Chase(int year, ChaseForm form)
    {
        var org = await OrgTrees.GetAsync();
        if (org.Find(form.UnitId) is null) return NotFound();
        return await PromotionStepAsync(year, form, "督促するのは推進部局です。", () => commands.ChaseAsync(year, form, Author()),
            $"{org.PathName(form.UnitId)}に督促しました（その課のリスク一覧に表示されます）。");
    }

    private async Task<IActionResult> PromotionStepAsync<TForm>(int year, TForm form, string notPromotion, Func<Task<CommandResult>> step, string done)
    {
        if (await RefusalAsync(await Pages.YearAsync(year) ?? new ControlYear { FiscalYear = year }, ControlYearRule.Promote) is not null) return Forbidden(notPromotion);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), step) is null) return await Index(year, 0, null, null);
        TempData["Message"] = done;
        return RedirectToAction(nameof(Index), new { year, unitId = 0 });
    }

    [HttpGet("Risks/Create")]
    public async Task<IActionResult> Create(int? year, int? unitId)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await OrgTrees.GetAsync();
        var mine = MyUnits(org, y);
        if (mine.Count == 0) return Forbidden("リスクを記入するのは、各課の職員です。");
        var form = new RiskForm { FiscalYear = y, OrgUnitId = unitId ?? int.Parse(mine[0].Value, CultureInfo.InvariantCulture), Area = ControlArea.Finance, Scope = RiskScope.UnitSpecific, Response = RiskResponse.Reduce };
        if (await RefusalAsync(new ControlRisk { OrgUnitId = form.OrgUnitId, FiscalYear = form.FiscalYear }, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        return View("Edit", new RiskFormModel(null, form, mine, await Pages.GoalOptionsAsync(form.OrgUnitId, y), await Pages.LevelsAsync(y)));
    }

    [HttpPost("Risks/Create")]
    public async Task<IActionResult> Create(RiskForm form)
    {
        var org = await OrgTrees.GetAsync();
        if (await RefusalAsync(new ControlRisk { OrgUnitId = form.OrgUnitId, FiscalYear = form.FiscalYear }, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        var created = await RunAsync(form, () => commands.CheckAsync(form), () => commands.CreateAsync(form, org));
        if (created is null) return View("Edit", new RiskFormModel(null, form, MyUnits(org, form.FiscalYear), await Pages.GoalOptionsAsync(form.OrgUnitId, form.FiscalYear), await Pages.LevelsAsync(form.FiscalYear)));
        TempData["Message"] = "リスクを記入しました。課の記入がそろったら、所属長が「提出」します。";
        return RedirectToAction(nameof(Details), new { id = created.RecordId });
    }

    [HttpGet("Risks/{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var (risk, policy, org) = await LoadAsync(id);
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        return View(await DetailsModelAsync(risk, policy, org, RiskEvaluationForm.Of(risk)));
    }

    [HttpGet("Risks/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var (risk, policy, org) = await LoadAsync(id);
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        if (await RefusalAsync(risk, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        return View(new RiskFormModel(id, ControlPages.FormOf(risk), UnitOf(risk, org), await Pages.GoalOptionsAsync(risk.OrgUnitId, risk.FiscalYear), await Pages.LevelsAsync(risk.FiscalYear)));
    }

    [HttpPost("Risks/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, RiskForm form)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await Pages.PolicyAsync();
        var org = await OrgTrees.GetAsync();
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        if (await RefusalAsync(risk, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        form.OrgUnitId = risk.OrgUnitId;
        form.FiscalYear = risk.FiscalYear;
        if (await RunAsync(form, () => commands.CheckAsync(form), () => commands.EditAsync(risk, form)) is not null)
        {
            TempData["Message"] = "リスクを保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new RiskFormModel(id, form, UnitOf(risk, org), await Pages.GoalOptionsAsync(risk.OrgUnitId, risk.FiscalYear), await Pages.LevelsAsync(risk.FiscalYear)));
    }

    [HttpPost("Risks/{id:int}/Submit")]
    public async Task<IActionResult> Submit(int id, int version)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await Pages.PolicyAsync();
        var org = await OrgTrees.GetAsync();
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        if (await RefusalAsync(risk, ControlRiskRule.Submit) is string refusal) return Forbidden(refusal);
        if (Accept(await commands.SubmitAsync(risk, version))) TempData["Message"] = "リスクを提出しました。評価部局が整備・運用状況を評価します。";
        else TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("Risks/{id:int}/Evaluate")]
    public async Task<IActionResult> Evaluate(int id, RiskEvaluationForm form)
    {
        var risk = await commands.ForEditAsync(id);
        var policy = await Pages.PolicyAsync();
        var org = await OrgTrees.GetAsync();
        if (risk is null) return NotFound();
        if (await RefusalAsync(risk, RecordOperations.Read) is string unreadable) return Forbidden(unreadable);
        if (await RefusalAsync(risk, ControlRiskRule.Evaluate) is string refusal) return Forbidden(refusal);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.EvaluateAsync(risk, form, Author())) is not null)
        {
            TempData["Message"] = "整備・運用状況の評価を記録しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        commands.Discard();
        var (shown, _, _) = await LoadAsync(id);
        return View("Details", await DetailsModelAsync(shown!, policy, org, form));
    }

    /// The divisions the person enters risks for: their own and the units under it, valid in the year.
    private List<SelectListItem> MyUnits(OrgTree org, int year) =>
        ControlPages.EntryUnits(Actor, org, year).Select(u => new SelectListItem(u.Name, u.Id.ToString(CultureInfo.InvariantCulture))).ToList();

    private static List<SelectListItem> UnitOf(ControlRisk risk, OrgTree org) => [new(org.PathName(risk.OrgUnitId), risk.OrgUnitId.ToString(CultureInfo.InvariantCulture))];

}
