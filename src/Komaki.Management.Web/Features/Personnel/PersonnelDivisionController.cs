using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.Personnel;

/// 人事評価の運用 for the personnel division: where every evaluation stands, the 特別職 who evaluate 部長, the
/// department's distribution before 調整, the results for payroll, the staff register and the log of who read which
/// evaluation (the year's design, its opening and 開示 are PersonnelYearController's).
[Authorize(Policy = Policies.Personnel)]
[Route("Personnel/Division")]
public sealed class PersonnelDivisionController(OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands) : AppController()
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
        var officers = await pages.NewOfficersAsync(Clock.UtcNow.AddDays(-90));
        return View("DivisionIndex", new DivisionIndexModel(y, await pages.DesignAsync(y), lines, await pages.StateCountsAsync(y), unitId, state, q, UnitOptions.For(org), org, Clock.Today, officers));
    }

    /// 特別職の評価者: the 市長・副市長・教育長 who evaluate 部長, registered here rather than through the staff import.
    [HttpGet("Special")]
    public async Task<IActionResult> Special(int? year) => View("Special", await SpecialModelAsync(year ?? Clock.FiscalYear, new SpecialEvaluatorForm()));

    [HttpPost("Special")]
    public async Task<IActionResult> Special(int? year, SpecialEvaluatorForm form)
    {
        var y = year ?? Clock.FiscalYear;
        if (await RunAsync(form, () => commands.CheckSpecialAsync(form), () => commands.RegisterSpecialAsync(form)) is not null)
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
        var author = new PersonnelAuthor(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
        var (result, count) = await commands.NameForDepartmentChiefsAsync(year, specialId, await pages.StaffIdsOfAsync(me.UserId), author);
        if (Accept(result))
        {
            TempData["Message"] = $"部長級の {count:N0} 人のシートに評価者を指名しました。";
            return RedirectToAction(nameof(Special), new { year });
        }
        return View("Special", await SpecialModelAsync(year, new SpecialEvaluatorForm()));
    }

    private async Task<SpecialModel> SpecialModelAsync(int year, SpecialEvaluatorForm form) =>
        new(year, await pages.SpecialAsync(), form, await pages.DepartmentChiefsWithoutEvaluatorAsync(year));

    /// The grades of one department before 調整, against the year's guide. Every evaluation read is logged.
    [HttpGet("Distribution")]
    [ReadLogAs("分布")]
    public async Task<IActionResult> Distribution(int? year, int? departmentId, AppraisalPart part = AppraisalPart.Performance)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var departments = org.Flatten(u => u.IsValidIn(y)).Where(x => x.Unit.Level == OrgUnitLevel.Department).Select(x => x.Unit).ToList();
        var firstUnit = departments.Any(d => d.Id == departmentId) ? null : await pages.FirstUnitAsync(y);
        var dept = departments.FirstOrDefault(d => d.Id == departmentId) ?? departments.FirstOrDefault(d => d.Id == org.DepartmentOf(firstUnit)?.Id) ?? departments.FirstOrDefault();
        var design = await pages.DesignAsync(y);
        if (dept is null || design is null) return NotFound();
        // Separation of duties: an officer's own evaluation is not shown to them before it is disclosed to them.
        var d = await pages.DistributionAsync(y, dept.Id, part, design, org, await pages.StaffIdsOfAsync(me.UserId), onlyEvaluatedByReader: false);
        return View("Distribution", new DistributionModel(y, dept.Id, dept.Name,
            departments.Select(x => new SelectListItem(x.Name, x.Id.ToString(CultureInfo.InvariantCulture), x.Id == dept.Id)).ToList(), part, d.Rows, d.People, d.Total));
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
        if (PayrollFile.Refusal(mine, evaluations) is string refused) return Forbidden(refused);
        return CsvDownload.Result(PayrollFile.Columns(design), PayrollFile.Ordered(evaluations), $"人事評価結果_{Wareki.FiscalYearShort(year)}.csv");
    }

    [HttpGet("Reads")]
    public async Task<IActionResult> Reads(int? evaluationId, int page = 1) =>
        View("Reads", new ReadsModel(await pages.ReadsAsync(evaluationId, page, PageSize), evaluationId));

    [HttpGet("Staff")]
    public async Task<IActionResult> Staff(string? q, int? year, int page = 1)
    {
        var shown = await pages.RegisterAsync(q, page, PageSize);
        return View("Staff", new StaffModel(shown, q, year ?? Clock.FiscalYear, await orgTree.GetAsync()));
    }
}
