using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Personnel;

/// 人事評価 for the people it concerns: a person's own evaluation and the ones they evaluate — the sheet, the goals,
/// the printed A4 sheet and Excel, and a 部長's distribution (the steps are PersonnelStepsController's). Whoever is
/// not the person, one of the evaluators named on the evaluation or the personnel division gets 404 (the record's
/// existence is not confirmed), and every read is logged (PersonnelReads, where the sheet is read).
[Authorize(Policy = Policies.Staff)]
[Route("Personnel")]
public sealed class PersonnelController(OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var ids = await pages.StaffIdsOfAsync(me.UserId);
        var lines = await pages.MineAsync(ids, y);
        var org = await orgTree.GetAsync();
        var heads = lines.Any(l => !ids.Contains(l.StaffMemberId)) && (await pages.DepartmentsHeadedAsync(ids, y, org)).Count > 0;
        return View(new PersonnelIndexModel(y, lines.Where(l => ids.Contains(l.StaffMemberId)).ToList(), lines.Where(l => !ids.Contains(l.StaffMemberId)).ToList(),
            await pages.DesignAsync(y), await pages.UnattachedGoalsAsync(me.UserId, y), org, Clock.Today, ids, heads));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var (view, result) = await ReadAsync(id);
        if (view is null) return result!;
        return View(PersonnelDetailsModel.Of(await pages.SheetAsync(view, new PersonnelStepForm { Version = view.Evaluation.Version }, Clock.Today, await orgTree.GetAsync())));
    }

    [HttpGet("{id:int}/Print")]
    [ReadLogAs("印刷")]
    public async Task<IActionResult> Print(int id)
    {
        var (view, result) = await ReadAsync(id);
        return view is null ? result! : View(view);
    }

    [HttpGet("{id:int}/Excel")]
    [ReadLogAs("Excel")]
    public async Task<IActionResult> Excel(int id)
    {
        var (view, result) = await ReadAsync(id);
        if (view is null) return result!;
        var stream = new MemoryStream();
        PersonnelSheet.Write(stream, view);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"人事評価シート_{Wareki.FiscalYearShort(view.Evaluation.FiscalYear)}_{view.Evaluation.StaffMember!.StaffNumber}.xlsx");
    }

    /// The distribution of a 部長's own department while they evaluate: the grades of the sheets they evaluate there,
    /// against the year's guide — never another department's (the personnel division has the city-wide page).
    [HttpGet("Distribution")]
    [ReadLogAs("分布")]
    public async Task<IActionResult> Distribution(int? year, int? departmentId, AppraisalPart part = AppraisalPart.Performance)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var mine = await pages.StaffIdsOfAsync(me.UserId);
        var headed = await pages.DepartmentsHeadedAsync(mine, y, org);
        if (headed.Count == 0) return Forbidden("評語の分布を見られるのは、その部の部長（と人事課）です。");
        if (departmentId is int asked && !headed.Contains(asked)) return Forbidden("ほかの部の分布は見られません。見られるのは、あなたが部長の部だけです。");
        var dept = org.Find(departmentId ?? headed[0])!;
        var design = await pages.DesignAsync(y);
        if (design is null) return NotFound();
        var d = await pages.DistributionAsync(y, dept.Id, part, design, org, mine, onlyEvaluatedByReader: true);
        return View("Distribution", new DistributionModel(y, dept.Id, dept.Name,
            headed.Select(h => new SelectListItem(org.Find(h)?.Name, h.ToString(CultureInfo.InvariantCulture), h == dept.Id)).ToList(), part, d.Rows, d.People, d.Total, ForDivision: false));
    }

    [HttpGet("{id:int}/Goals")]
    [ReadLogAs("目標の編集")]
    public async Task<IActionResult> Goals(int id)
    {
        var (view, result) = await ReadAsync(id);
        if (view is null) return result!;
        if (await RefusalAsync(view.Evaluation, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        var form = PersonnelPages.FormOf(view.Evaluation);
        form.ChangedOn = Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        form.Pad();
        var page = await pages.GoalsPageAsync(view.Evaluation, await orgTree.GetAsync());
        return View(new PersonnelGoalsModel(view.Evaluation, form, page.Options, page.IsChange));
    }

    [HttpPost("{id:int}/Goals")]
    [ReadLogAs("目標の保存")]
    public async Task<IActionResult> Goals(int id, PerformanceGoalsForm form)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        if (await RefusalAsync(e, RecordOperations.Edit) is string refusal) return Forbidden(refusal);
        var relation = await pages.RelationAsync(e, Actor, me.UserId);
        var page = await pages.GoalsPageAsync(e, await orgTree.GetAsync());
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveGoalsAsync(e, relation, form, page.Options, Author())) is not null)
        {
            TempData["Message"] = page.IsChange ? "目標の変更を、面談の日と理由とともに記録しました。" : "業績目標を保存しました。提出するまでは何度でも直せます。";
            return RedirectToAction(nameof(Details), new { id });
        }
        form.Pad();
        return View(new PersonnelGoalsModel(await commands.AsSavedAsync(id), form, page.Options, page.IsChange));
    }

    /// The evaluation with what the reader may see of it (the read is logged where it is read, PersonnelReads); or 404
    /// for anyone it does not concern.
    private async Task<(PersonnelView? View, IActionResult? Result)> ReadAsync(int id)
    {
        var e = await pages.EvaluationAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return (null, NotFound());
        var view = await pages.ViewOfAsync(e, Actor, me.UserId, await orgTree.GetAsync());
        return view is null ? (null, NotFound()) : (view, null);
    }

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
