using Komaki.Management.Core.Goals;

namespace Komaki.Management.Web.Features.IndividualGoals;

/// 個人目標: a person's own goals for 人事評価, linked to a unit goal. Only the person, the heads of their unit
/// and the units above it, and administrators can see them; only the person writes them.
[Authorize(Policy = Policies.Staff)]
[Route("Goals/Individual")]
public sealed class IndividualGoalsController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me) : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var org = await orgTree.GetAsync();
        var self = await Db.Users.AsNoTracking().FirstAsync(u => u.Id == me.UserId);
        var mine = await Db.IndividualGoals.AsNoTracking().Include(g => g.OrganizationalGoal)
            .Where(g => g.OwnerUserId == self.Id && g.FiscalYear == y).OrderBy(g => g.Id).ToListAsync();
        var team = new List<(AppUser, string, int)>();
        if (Actor.IsIn(Roles.DepartmentHead) && Actor.UnitId is int unit || Actor.IsIn(Roles.Administrator))
        {
            var units = Actor.IsIn(Roles.Administrator) ? null : org.SelfAndDescendants(Actor.UnitId!.Value).ToList();
            var people = await Db.Users.AsNoTracking().Where(u => u.Id != self.Id && u.IsActive && u.OrgUnitId != null && (units == null || units.Contains(u.OrgUnitId.Value)))
                .OrderBy(u => u.OrgUnitId).ThenBy(u => u.DisplayName).ToListAsync();
            var ids = people.Select(p => p.Id).ToList();
            var counts = await Db.IndividualGoals.Where(g => ids.Contains(g.OwnerUserId) && g.FiscalYear == y)
                .GroupBy(g => g.OwnerUserId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N);
            team = people.Select(p => (p, org.PathName(p.OrgUnitId), counts.GetValueOrDefault(p.Id))).ToList();
        }
        return View(new IndividualIndexModel(y, new PersonGoals(self, org.PathName(self.OrgUnitId), mine, true), team));
    }

    [HttpGet("Person/{userId}")]
    public async Task<IActionResult> Person(string userId, int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var person = await Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
        if (person is null) return NotFound();
        var org = await orgTree.GetAsync();
        if (!IndividualGoalAccess.CanRead(Actor, me.UserId, person.Id, person.OrgUnitId, org)) return Forbidden();
        var goals = await Db.IndividualGoals.AsNoTracking().Include(g => g.OrganizationalGoal)
            .Where(g => g.OwnerUserId == userId && g.FiscalYear == y).OrderBy(g => g.Id).ToListAsync();
        ViewData["Year"] = y;
        return View(new PersonGoals(person, org.PathName(person.OrgUnitId), goals, person.Id == me.UserId));
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create(int? year)
    {
        var form = new IndividualGoalForm { FiscalYear = year ?? Clock.FiscalYear };
        return View("Edit", new IndividualFormModel(null, form, await UnitGoalOptionsAsync(form.FiscalYear)));
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(IndividualGoalForm form)
    {
        var options = await UnitGoalOptionsAsync(form.FiscalYear);
        await ValidateAsync(form, options);
        if (!ModelState.IsValid) return View("Edit", new IndividualFormModel(null, form, options));
        var goal = new IndividualGoal { OwnerUserId = me.UserId, FiscalYear = form.FiscalYear };
        Copy(form, goal);
        Db.IndividualGoals.Add(goal);
        if (!await TrySaveAsync()) return View("Edit", new IndividualFormModel(null, form, options));
        TempData["Message"] = "個人目標を保存しました。";
        return RedirectToAction(nameof(Index), new { year = form.FiscalYear });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var goal = await Db.IndividualGoals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        if (!IndividualGoalAccess.CanEdit(me.UserId, goal.OwnerUserId)) return Forbidden();
        return View(new IndividualFormModel(id, new IndividualGoalForm
        {
            Version = goal.Version, FiscalYear = goal.FiscalYear, OrganizationalGoalId = goal.OrganizationalGoalId,
            Title = goal.Title, Description = goal.Description, Target = goal.Target, Result = goal.Result,
        }, await UnitGoalOptionsAsync(goal.FiscalYear)));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, IndividualGoalForm form)
    {
        var goal = await Db.IndividualGoals.FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return NotFound();
        if (!IndividualGoalAccess.CanEdit(me.UserId, goal.OwnerUserId)) return Forbidden();
        form.FiscalYear = goal.FiscalYear;
        var options = await UnitGoalOptionsAsync(goal.FiscalYear);
        await ValidateAsync(form, options);
        if (ModelState.IsValid)
        {
            Copy(form, goal);
            if (await TrySaveEditAsync(goal, form.Version, goal.AuditTarget))
            {
                TempData["Message"] = "個人目標を保存しました。";
                return RedirectToAction(nameof(Index), new { year = goal.FiscalYear });
            }
        }
        return View(new IndividualFormModel(id, form, options));
    }

    /// The goals of the person's own unit and the units above it, for the year.
    private async Task<List<SelectListItem>> UnitGoalOptionsAsync(int year)
    {
        var org = await orgTree.GetAsync();
        var chain = new List<int>();
        for (var u = org.Find(Actor.UnitId); u is not null; u = org.Find(u.ParentId)) chain.Add(u.Id);
        var goals = await Db.OrganizationalGoals.AsNoTracking().Where(g => g.FiscalYear == year && chain.Contains(g.OrgUnitId)).OrderBy(g => g.OrgUnitId).ThenBy(g => g.SortOrder).ToListAsync();
        return goals.Select(g => new SelectListItem($"{org.Find(g.OrgUnitId)?.Name}：{g.Title}", g.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private async Task ValidateAsync(IndividualGoalForm form, List<SelectListItem> options)
    {
        await ValidateAsync(form);
        if (form.OrganizationalGoalId is int g && options.All(o => o.Value != g.ToString(CultureInfo.InvariantCulture)))
            ModelState.AddModelError(nameof(form.OrganizationalGoalId), "関連づけられるのは、自分の所属とその上位の組織目標です。");
    }

    private static void Copy(IndividualGoalForm form, IndividualGoal goal)
    {
        goal.Title = form.Title!.Trim();
        goal.Description = (form.Description ?? "").Trim();
        goal.Target = string.IsNullOrWhiteSpace(form.Target) ? null : form.Target.Trim();
        goal.Result = string.IsNullOrWhiteSpace(form.Result) ? null : form.Result.Trim();
        goal.OrganizationalGoalId = form.OrganizationalGoalId;
    }
}
