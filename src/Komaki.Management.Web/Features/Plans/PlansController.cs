namespace Komaki.Management.Web.Features.Plans;

public sealed class PlanForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Vision { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string PolicyLabel { get; set; } = "政策";
    public string MeasureLabel { get; set; } = "施策";
    public string BasicProjectLabel { get; set; } = "基本事業";
    public string ProjectLabel { get; set; } = "事務事業";
    public bool IsCurrent { get; set; }
    public int Version { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("計画の名称を入力してください。").MaximumLength(200);
        RuleFor(x => x.StartYear).InclusiveBetween(1989, 2100).WithMessage("開始年度を選んでください。");
        RuleFor(x => x.EndYear).GreaterThanOrEqualTo(x => x.StartYear).WithMessage("終了年度は開始年度以降にしてください。");
        RuleFor(x => x.PolicyLabel).NotEmpty().MaximumLength(20).WithMessage("第1階層の呼称を20文字以内で入力してください。");
        RuleFor(x => x.MeasureLabel).NotEmpty().MaximumLength(20).WithMessage("第2階層の呼称を20文字以内で入力してください。");
        RuleFor(x => x.BasicProjectLabel).NotEmpty().MaximumLength(20).WithMessage("基本事業の呼称を20文字以内で入力してください。");
        RuleFor(x => x.ProjectLabel).NotEmpty().MaximumLength(20).WithMessage("事務事業の呼称を20文字以内で入力してください。");
    }
}

public sealed class BasicPlanForm
{
    public int? Id { get; set; }
    public int ComprehensivePlanId { get; set; }
    public string Name { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public int Version { get; set; }
}

public sealed class BasicPlanFormValidator : AbstractValidator<BasicPlanForm>
{
    public BasicPlanFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("計画期間の名称を入力してください（例: 前期基本計画）。").MaximumLength(200);
        RuleFor(x => x.StartYear).InclusiveBetween(1989, 2100).WithMessage("開始年度を選んでください。");
        RuleFor(x => x.EndYear).GreaterThanOrEqualTo(x => x.StartYear).WithMessage("終了年度は開始年度以降にしてください。");
    }
}

/// The comprehensive plans, their periods and the names of their levels: data, because each mayoral
/// election can redraw the plan.
[Authorize(Roles = Roles.PlanMasterEditors)]
public sealed class PlansController(AppDbContext db) : AppController(db)
{
    public async Task<IActionResult> Index() =>
        View(await Db.ComprehensivePlans.AsNoTracking().Include(p => p.BasicPlans).OrderByDescending(p => p.StartYear).ToListAsync());

    public IActionResult Create() => View("Edit", new PlanForm { StartYear = Display.CurrentFiscalYear() + 1, EndYear = Display.CurrentFiscalYear() + 8 });

    [HttpPost]
    public async Task<IActionResult> Create(PlanForm form)
    {
        form.Id = null;
        if (!await ValidateAsync(form)) return View("Edit", form);
        var plan = new ComprehensivePlan();
        await ApplyAsync(plan, form);
        Db.ComprehensivePlans.Add(plan);
        await Db.SaveChangesAsync();
        TempData["Message"] = $"「{plan.Name}」を登録しました。続けて計画期間（基本計画）を追加してください。";
        return RedirectToAction(nameof(Index));
    }

    public async Task<IActionResult> Edit(int id)
    {
        var p = await Db.ComprehensivePlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return NotFound();
        return View(new PlanForm
        {
            Id = p.Id, Name = p.Name, Vision = p.Vision, StartYear = p.StartYear, EndYear = p.EndYear, PolicyLabel = p.PolicyLabel,
            MeasureLabel = p.MeasureLabel, BasicProjectLabel = p.BasicProjectLabel, ProjectLabel = p.ProjectLabel, IsCurrent = p.IsCurrent, Version = p.Version,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, PlanForm form)
    {
        var plan = await Db.ComprehensivePlans.FirstOrDefaultAsync(x => x.Id == id);
        if (plan is null) return NotFound();
        form.Id = id;
        if (await ValidateAsync(form))
        {
            await ApplyAsync(plan, form);
            if (await TrySaveEditAsync(plan, form.Version, plan.AuditTarget))
            {
                TempData["Message"] = $"「{plan.Name}」を更新しました。";
                return RedirectToAction(nameof(Index));
            }
        }
        return View(form);
    }

    public async Task<IActionResult> CreateBasicPlan(int planId)
    {
        var plan = await Db.ComprehensivePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null) return NotFound();
        return View("EditBasicPlan", new BasicPlanForm { ComprehensivePlanId = planId, StartYear = plan.StartYear, EndYear = plan.EndYear });
    }

    [HttpPost]
    public async Task<IActionResult> CreateBasicPlan(BasicPlanForm form)
    {
        form.Id = null;
        if (!await Db.ComprehensivePlans.AnyAsync(p => p.Id == form.ComprehensivePlanId)) return NotFound();
        if (!await ValidateAsync(form)) return View("EditBasicPlan", form);
        Db.BasicPlans.Add(new BasicPlan { ComprehensivePlanId = form.ComprehensivePlanId, Name = form.Name.Trim(), StartYear = form.StartYear, EndYear = form.EndYear });
        await Db.SaveChangesAsync();
        TempData["Message"] = $"計画期間「{form.Name}」を追加しました。";
        return RedirectToAction(nameof(Index));
    }

    public async Task<IActionResult> EditBasicPlan(int id)
    {
        var b = await Db.BasicPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (b is null) return NotFound();
        return View(new BasicPlanForm { Id = b.Id, ComprehensivePlanId = b.ComprehensivePlanId, Name = b.Name, StartYear = b.StartYear, EndYear = b.EndYear, Version = b.Version });
    }

    [HttpPost]
    public async Task<IActionResult> EditBasicPlan(int id, BasicPlanForm form)
    {
        var b = await Db.BasicPlans.FirstOrDefaultAsync(x => x.Id == id);
        if (b is null) return NotFound();
        form.Id = id;
        form.ComprehensivePlanId = b.ComprehensivePlanId;
        if (await ValidateAsync(form))
        {
            b.Name = form.Name.Trim();
            b.StartYear = form.StartYear;
            b.EndYear = form.EndYear;
            if (await TrySaveEditAsync(b, form.Version, b.AuditTarget))
            {
                TempData["Message"] = $"計画期間「{b.Name}」を更新しました。";
                return RedirectToAction(nameof(Index));
            }
        }
        return View(form);
    }

    /// Starts the next edition of the plan (after a mayoral election) as a copy of this one.
    public async Task<IActionResult> CopyBasicPlan(int id)
    {
        var b = await Db.BasicPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (b is null) return NotFound();
        ViewData["From"] = b;
        return View(new BasicPlanForm { ComprehensivePlanId = b.ComprehensivePlanId, Name = "", StartYear = Display.CurrentFiscalYear() + 1, EndYear = Display.CurrentFiscalYear() + 4 });
    }

    [HttpPost]
    public async Task<IActionResult> CopyBasicPlan(int id, BasicPlanForm form)
    {
        var b = await Db.BasicPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (b is null) return NotFound();
        form.ComprehensivePlanId = b.ComprehensivePlanId;
        await ValidateAsync(form);
        if (form.StartYear <= b.StartYear) ModelState.AddModelError(nameof(form.StartYear), $"新しい計画期間は、写し元（{Wareki.FiscalYear(b.StartYear)}開始）より後に始まる年度にしてください。");
        if (!ModelState.IsValid)
        {
            ViewData["From"] = b;
            return View(form);
        }
        var edition = await PlanEdition.CopyAsync(Db, id, form.Name.Trim(), form.StartYear, form.EndYear);
        TempData["Message"] = $"「{b.Name}」を写して「{edition.Name}」を作成しました。施策の名称・内容を見直してください。事務事業は、新しい計画期間が始まるときに「事務事業と指標を移す」で移します。";
        return RedirectToAction(nameof(CompareBasicPlan), new { id = edition.Id });
    }

    /// A redrawn edition against the one it was drawn from: 新規 / 修正 / 継続 / 廃止 by level and code.
    public async Task<IActionResult> CompareBasicPlan(int id)
    {
        var newer = await Db.BasicPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (newer?.CopiedFromId is not int olderId) return NotFound();
        var older = await Db.BasicPlans.AsNoTracking().FirstAsync(x => x.Id == olderId);
        return View((older, newer, await PlanEdition.CompareAsync(Db, olderId, id)));
    }

    [HttpPost]
    public async Task<IActionResult> MoveWork(int id)
    {
        var newer = await Db.BasicPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (newer?.CopiedFromId is null) return NotFound();
        var (projects, indicators) = await PlanEdition.MoveWorkAsync(Db, id);
        TempData["Message"] = $"事務事業 {projects:N0} 件と施策の指標 {indicators:N0} 件を「{newer.Name}」の同じコードの施策に移しました。";
        return RedirectToAction(nameof(CompareBasicPlan), new { id });
    }

    private async Task ApplyAsync(ComprehensivePlan plan, PlanForm form)
    {
        plan.Name = form.Name.Trim();
        plan.Vision = string.IsNullOrWhiteSpace(form.Vision) ? null : form.Vision.Trim();
        plan.StartYear = form.StartYear;
        plan.EndYear = form.EndYear;
        plan.PolicyLabel = form.PolicyLabel.Trim();
        plan.MeasureLabel = form.MeasureLabel.Trim();
        plan.BasicProjectLabel = form.BasicProjectLabel.Trim();
        plan.ProjectLabel = form.ProjectLabel.Trim();
        if (form.IsCurrent && !plan.IsCurrent)
        {
            // Only one plan is current: the one the tree and the top page open on.
            foreach (var other in await Db.ComprehensivePlans.Where(p => p.IsCurrent && p.Id != plan.Id).ToListAsync()) other.IsCurrent = false;
        }
        plan.IsCurrent = form.IsCurrent;
    }
}
