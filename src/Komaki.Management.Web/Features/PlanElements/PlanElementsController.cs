namespace Komaki.Management.Web.Features.PlanElements;

public sealed record Crumb(PlanLevel Level, int Id, string Code, string Name);

public sealed record ChildRow(PlanLevel Level, int Id, string Code, string Name, bool Retired, bool IsMajor, int? OwnerUnitId);

public sealed record ElementDetails(
    PlanElement Element, ComprehensivePlan Plan, BasicPlan BasicPlan, IReadOnlyList<Crumb> Crumbs,
    IReadOnlyList<ChildRow> Children, IReadOnlyList<Indicator> Indicators, OrgTree Org, int? OwnerUnitId,
    bool CanEditStructure, bool CanEditRecord, bool CanEnterValues, ProjectMoney? Money = null, Connections? Connections = null);

/// What ties a measure or project to citizens and the top: the promises it carries, what citizens said about it,
/// how they rated it, and the unit goals that serve it.
public sealed record Connections(
    IReadOnlyList<(int Id, string Number, string Title, string Term, string? Via)> Promises,
    IReadOnlyList<Core.CitizenVoice.CitizenInput> Voices, int VoiceCount,
    IReadOnlyList<Core.CitizenVoice.SurveyResult> Survey,
    IReadOnlyList<(int Id, string Title, int Year, int UnitId, Core.Goals.GoalState State)> Goals);

/// A project's money over the years: what each year's plan says (from the latest edition planning it) and
/// its budget from request to settlement, plus the years it has an execution plan.
public sealed record ProjectMoney(IReadOnlyList<ProjectMoneyYear> Years, int? LatestEdition, IReadOnlyList<int> ExecutionYears);

public sealed record ProjectMoneyYear(int Year, int? EditionYear, Core.Implementation.ImplementationStatus? Status, long? PlanCost, Core.Budgeting.BudgetFigures Budget);

public sealed record ElementFormModel(PlanElementForm Form, ComprehensivePlan Plan,
    IReadOnlyList<SelectListItem> Parents, IReadOnlyList<SelectListItem> BasicProjects, IReadOnlyList<SelectListItem> Units, bool StructureLocked);

public sealed record RetireModel(RetireForm Form, PlanElement Element, ComprehensivePlan Plan, int ActiveChildren);

/// Details, create, edit, retire and reinstate for every level of the policy tree.
[Authorize(Roles = Roles.Staff)]
[Route("Plan/{level}")]
public sealed class PlanElementsController(AppDbContext db, OrgTreeProvider orgTree, ReadCache cache) : AppController(db)
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(PlanLevel level, int id)
    {
        var org = await orgTree.GetAsync();
        // What the page shows is the same for everyone; only the buttons depend on who is looking.
        var details = await cache.GetAsync($"element:{level}:{id}", () => ReadDetailsAsync(level, id, org));
        if (details is null) return NotFound();
        var owner = details.OwnerUnitId;
        // The cached page holds every goal that serves the element; each viewer sees those they may read.
        var connections = details.Connections is { } c
            ? c with { Goals = c.Goals.Where(g => Core.Goals.GoalWorkflow.CanRead(Actor, g.State, g.UnitId, org)).ToList() }
            : null;
        return View(details with
        {
            Connections = connections,
            CanEditStructure = PlanAccess.CanEditStructure(Actor),
            CanEditRecord = level == PlanLevel.Project ? PlanAccess.CanEditUnitRecord(Actor, owner, org) : PlanAccess.CanEditStructure(Actor),
            CanEnterValues = PlanAccess.CanEnterIndicatorValues(Actor, owner, org),
        });
    }

    private async Task<ElementDetails?> ReadDetailsAsync(PlanLevel level, int id, OrgTree org)
    {
        var element = await FindAsync(level, id);
        if (element is null) return null;
        var (plan, basicPlan, crumbs) = await ContextOfAsync(element);
        var indicators = level is PlanLevel.Measure or PlanLevel.Project
            ? await Db.Indicators.AsNoTracking().Include(i => i.Values)
                .Where(i => level == PlanLevel.Measure ? i.MeasureId == id : i.ProjectId == id)
                .OrderBy(i => i.RetiredAt != null).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync()
            : [];
        return new ElementDetails(element, plan, basicPlan, crumbs, await ChildrenOfAsync(element), indicators, org, OwnerOf(element), false, false, false,
            level == PlanLevel.Project ? await MoneyOfAsync(id) : null,
            level is PlanLevel.Measure or PlanLevel.Project ? await ConnectionsOfAsync(element) : null);
    }

    private async Task<Connections> ConnectionsOfAsync(PlanElement element)
    {
        var (measureId, policyId, projectId) = element switch
        {
            Project p => (p.MeasureId, await Db.Measures.Where(m => m.Id == p.MeasureId).Select(m => m.PolicyId).FirstAsync(), (int?)p.Id),
            Measure m => (m.Id, m.PolicyId, (int?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(element)),
        };
        var links = await Db.ManifestoLinks.AsNoTracking().Include(l => l.ManifestoItem).ThenInclude(i => i!.MayorTerm)
            .Where(l => l.ProjectId != null && l.ProjectId == projectId || l.MeasureId == measureId || l.PolicyId == policyId).ToListAsync();
        var promises = links
            .Select(l => (l.ManifestoItem!.Id, l.ManifestoItem.Number, l.ManifestoItem.Title, l.ManifestoItem.MayorTerm!.Title,
                Via: l.ProjectId is not null || (projectId is null && l.MeasureId is not null) ? null : l.MeasureId is not null ? "施策を通じて" : "政策を通じて"))
            .OrderBy(x => x.Via is not null).ThenBy(x => x.Number, StringComparer.Ordinal)
            .DistinctBy(x => x.Id).ToList();
        var voices = Db.CitizenInputs.AsNoTracking().Where(c => c.Links.Any(l => projectId != null
            ? l.ProjectId == projectId
            : l.MeasureId == measureId || l.Project!.MeasureId == measureId));
        var survey = projectId is null
            ? await Db.SurveyResults.AsNoTracking().Where(r => r.MeasureId == measureId).OrderByDescending(r => r.FiscalYear).Take(5).ToListAsync()
            : [];
        var goals = await Db.OrganizationalGoals.AsNoTracking()
            .Where(g => g.Links.Any(l => projectId != null ? l.ProjectId == projectId : l.MeasureId == measureId))
            .OrderByDescending(g => g.FiscalYear).Take(10)
            .Select(g => new { g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State }).ToListAsync();
        return new Connections(promises, await voices.OrderByDescending(c => c.ReceivedOn).Take(10).ToListAsync(), await voices.CountAsync(), survey,
            goals.Select(g => (g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State)).ToList());
    }

    private async Task<ProjectMoney> MoneyOfAsync(int projectId)
    {
        var lines = await Db.ImplementationPlanLines.AsNoTracking().Where(l => l.ProjectId == projectId)
            .Select(l => new { l.FiscalYear, Edition = l.ImplementationPlan!.FiscalYear, l.Status, l.Cost }).ToListAsync();
        var budgets = await Db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == projectId).ToListAsync();
        var years = lines.Select(l => l.FiscalYear).Concat(budgets.Select(b => b.FiscalYear)).Distinct().Order().ToList();
        var rows = years.Select(y =>
        {
            var plan = lines.Where(l => l.FiscalYear == y && l.Edition <= y).OrderByDescending(l => l.Edition).FirstOrDefault()
                ?? lines.Where(l => l.FiscalYear == y).OrderBy(l => l.Edition).FirstOrDefault();
            var b = budgets.FirstOrDefault(x => x.FiscalYear == y);
            return new ProjectMoneyYear(y, plan?.Edition, plan?.Status, plan?.Cost,
                new Core.Budgeting.BudgetFigures(plan?.Cost, b?.Requested, b?.Assessed, b?.Initial, b?.Supplementary, b?.Settled));
        }).ToList();
        var execution = await Db.ExecutionPlans.AsNoTracking().Where(e => e.ProjectId == projectId).Select(e => e.FiscalYear).OrderBy(y => y).ToListAsync();
        return new ProjectMoney(rows, lines.Count == 0 ? null : lines.Max(l => l.Edition), execution);
    }

    [HttpGet("Create")]
    public async Task<IActionResult> Create(PlanLevel level, int parentId)
    {
        if (!PlanAccess.CanEditStructure(Actor)) return Forbidden();
        var form = new PlanElementForm { Level = level, ParentId = parentId, StartYear = Display.CurrentFiscalYear() + 1 };
        var model = await FormModelAsync(form, structureLocked: false);
        return model is null ? NotFound() : View("Edit", model);
    }

    [HttpPost("Create")]
    public async Task<IActionResult> Create(PlanLevel level, [FromForm] PlanElementForm form)
    {
        if (!PlanAccess.CanEditStructure(Actor)) return Forbidden();
        form.Level = level;
        if (!await ValidateAsync(form) | !await ValidateReferencesAsync(form))
        {
            var again = await FormModelAsync(form, structureLocked: false);
            return again is null ? NotFound() : View("Edit", again);
        }
        PlanElement element = level switch
        {
            PlanLevel.Policy => new Policy { BasicPlanId = form.ParentId },
            PlanLevel.Measure => new Measure { PolicyId = form.ParentId },
            PlanLevel.BasicProject => new BasicProject { MeasureId = form.ParentId },
            _ => new Project { MeasureId = form.ParentId },
        };
        Apply(element, form, structure: true);
        Db.Add(element);
        await Db.SaveChangesAsync();
        TempData["Message"] = $"「{element.Name}」を登録しました。";
        return RedirectToAction(nameof(Details), new { level, id = element.Id });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(PlanLevel level, int id)
    {
        var element = await FindAsync(level, id);
        if (element is null) return NotFound();
        var access = await EditAccessAsync(element);
        if (access is null) return Forbidden();
        var model = await FormModelAsync(PlanElementForm.From(element), structureLocked: access == EditAccess.RecordOnly);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(PlanLevel level, int id, [FromForm] PlanElementForm form)
    {
        var element = await FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        var access = await EditAccessAsync(element);
        if (access is null) return Forbidden();
        form.Level = level;
        form.Id = id;
        var structure = access == EditAccess.Full;
        if (!structure) KeepStructure(form, element);
        if (await ValidateAsync(form) & await ValidateReferencesAsync(form))
        {
            Apply(element, form, structure);
            if (await TrySaveEditAsync(element, form.Version, element.AuditTarget))
            {
                TempData["Message"] = $"「{element.Name}」を更新しました。";
                return RedirectToAction(nameof(Details), new { level, id });
            }
        }
        var again = await FormModelAsync(form, structureLocked: !structure);
        return again is null ? NotFound() : View(again);
    }

    [HttpGet("{id:int}/Retire")]
    public async Task<IActionResult> Retire(PlanLevel level, int id)
    {
        if (!PlanAccess.CanEditStructure(Actor)) return Forbidden();
        var element = await FindAsync(level, id);
        if (element is null) return NotFound();
        var (plan, _, _) = await ContextOfAsync(element);
        return View(new RetireModel(new RetireForm { Version = element.Version }, element, plan, await ActiveChildCountAsync(element)));
    }

    [HttpPost("{id:int}/Retire")]
    public async Task<IActionResult> Retire(PlanLevel level, int id, [FromForm] RetireForm form)
    {
        if (!PlanAccess.CanEditStructure(Actor)) return Forbidden();
        var element = await FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        var activeChildren = await ActiveChildCountAsync(element);
        if (element.IsRetired) ModelState.AddModelError(string.Empty, "この項目は既に廃止されています。");
        if (activeChildren > 0) ModelState.AddModelError(string.Empty, $"配下に有効な項目が {activeChildren} 件あります。先にそれらを廃止するか、別の項目へ移してください。");
        if (string.IsNullOrWhiteSpace(form.Reason)) ModelState.AddModelError(nameof(form.Reason), "廃止の理由を入力してください。");
        else if (form.Reason.Length > 500) ModelState.AddModelError(nameof(form.Reason), "理由は500文字以内で入力してください。");
        if (ModelState.IsValid)
        {
            element.Retire(DateTime.UtcNow, form.Reason.Trim());
            if (await TrySaveEditAsync(element, form.Version, element.AuditTarget))
            {
                TempData["Message"] = $"「{element.Name}」を廃止しました。記録と履歴は残ります。";
                return RedirectToAction(nameof(Details), new { level, id });
            }
            element = (await FindAsync(level, id))!;
        }
        var (plan, _, _) = await ContextOfAsync(element);
        return View(new RetireModel(form, element, plan, activeChildren));
    }

    [HttpPost("{id:int}/Reinstate")]
    public async Task<IActionResult> Reinstate(PlanLevel level, int id, int version)
    {
        if (!PlanAccess.CanEditStructure(Actor)) return Forbidden();
        var element = await FindAsync(level, id, tracking: true);
        if (element is null) return NotFound();
        element.Reinstate();
        if (!await TrySaveEditAsync(element, version, element.AuditTarget))
        {
            TempData["Message"] = "他の職員が先に更新したため、再開できませんでした。内容を確認してもう一度操作してください。";
        }
        else
        {
            TempData["Message"] = $"「{element.Name}」を再び有効にしました。";
        }
        return RedirectToAction(nameof(Details), new { level, id });
    }

    private enum EditAccess
    {
        Full,
        RecordOnly,
    }

    private async Task<EditAccess?> EditAccessAsync(PlanElement element)
    {
        if (PlanAccess.CanEditStructure(Actor)) return EditAccess.Full;
        if (element is Project p && PlanAccess.CanEditUnitRecord(Actor, p.OwnerUnitId, await orgTree.GetAsync())) return EditAccess.RecordOnly;
        return null;
    }

    // A department head edits the project's content, never its place in the plan or its owner.
    private static void KeepStructure(PlanElementForm form, PlanElement element)
    {
        var original = PlanElementForm.From(element);
        form.Code = original.Code;
        form.ParentId = original.ParentId;
        form.BasicProjectId = original.BasicProjectId;
        form.OwnerUnitId = original.OwnerUnitId;
        form.IsMajor = original.IsMajor;
        form.SortOrder = original.SortOrder;
    }

    private static void Apply(PlanElement element, PlanElementForm form, bool structure)
    {
        element.Name = form.Name.Trim();
        element.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        if (element is Project project)
        {
            project.StartYear = form.StartYear ?? project.StartYear;
            project.EndYear = form.EndYear;
        }
        if (!structure) return;
        element.Code = form.Code.Trim();
        element.SortOrder = form.SortOrder;
        switch (element)
        {
            case Policy p: p.BasicPlanId = form.ParentId; break;
            case Measure m:
                m.PolicyId = form.ParentId;
                m.OwnerUnitId = form.OwnerUnitId;
                m.Weight = Core.Common.NumberText.TryParse(form.Weight, out var w) && w is decimal weight ? weight : 1m;
                break;
            case BasicProject b: b.MeasureId = form.ParentId; break;
            case Project p:
                p.MeasureId = form.ParentId;
                p.BasicProjectId = form.BasicProjectId;
                p.OwnerUnitId = form.OwnerUnitId!.Value;
                p.IsMajor = form.IsMajor;
                break;
        }
    }

    /// Checks what needs the database: the parent exists, the code is unique within the plan period,
    /// the owner unit exists, and a basic project belongs to the chosen measure.
    private async Task<bool> ValidateReferencesAsync(PlanElementForm form)
    {
        var basicPlanId = form.Level switch
        {
            PlanLevel.Policy => await Db.BasicPlans.Where(b => b.Id == form.ParentId).Select(b => (int?)b.Id).FirstOrDefaultAsync(),
            PlanLevel.Measure => await Db.Policies.Where(p => p.Id == form.ParentId).Select(p => (int?)p.BasicPlanId).FirstOrDefaultAsync(),
            _ => await Db.Measures.Where(m => m.Id == form.ParentId).Select(m => (int?)m.Policy!.BasicPlanId).FirstOrDefaultAsync(),
        };
        if (basicPlanId is null)
        {
            ModelState.AddModelError(nameof(form.ParentId), "上位の項目が見つかりません。");
            return false;
        }
        var code = form.Code.Trim();
        var id = form.Id ?? 0;
        var clash = form.Level switch
        {
            PlanLevel.Policy => await Db.Policies.Where(p => p.BasicPlanId == basicPlanId && p.Code == code && p.Id != id).Select(p => p.Name).FirstOrDefaultAsync(),
            PlanLevel.Measure => await Db.Measures.Where(m => m.Policy!.BasicPlanId == basicPlanId && m.Code == code && m.Id != id).Select(m => m.Name).FirstOrDefaultAsync(),
            PlanLevel.BasicProject => await Db.BasicProjects.Where(b => b.Measure!.Policy!.BasicPlanId == basicPlanId && b.Code == code && b.Id != id).Select(b => b.Name).FirstOrDefaultAsync(),
            _ => await Db.Projects.Where(p => p.Measure!.Policy!.BasicPlanId == basicPlanId && p.Code == code && p.Id != id).Select(p => p.Name).FirstOrDefaultAsync(),
        };
        if (clash is not null) ModelState.AddModelError(nameof(form.Code), $"コード「{code}」は、この計画期間の「{clash}」で既に使われています。");
        if (form.OwnerUnitId is int unit && !await Db.OrgUnits.AnyAsync(u => u.Id == unit))
            ModelState.AddModelError(nameof(form.OwnerUnitId), "担当課が見つかりません。");
        if (form.Level == PlanLevel.Project && form.BasicProjectId is int bp
            && !await Db.BasicProjects.AnyAsync(b => b.Id == bp && b.MeasureId == form.ParentId))
            ModelState.AddModelError(nameof(form.BasicProjectId), "基本事業は、選んだ施策に属するものを選んでください。");
        return ModelState.IsValid;
    }

    private async Task<PlanElement?> FindAsync(PlanLevel level, int id, bool tracking = false)
    {
        if (!Enum.IsDefined(level)) return null;
        IQueryable<PlanElement> query = level switch
        {
            PlanLevel.Policy => Db.Policies,
            PlanLevel.Measure => Db.Measures,
            PlanLevel.BasicProject => Db.BasicProjects,
            _ => Db.Projects,
        };
        if (!tracking) query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(e => e.Id == id);
    }

    private static int? OwnerOf(PlanElement e) => e switch
    {
        Project p => p.OwnerUnitId,
        Measure m => m.OwnerUnitId,
        _ => null,
    };

    private async Task<(ComprehensivePlan Plan, BasicPlan BasicPlan, List<Crumb> Crumbs)> ContextOfAsync(PlanElement element)
    {
        var crumbs = new List<Crumb>();
        var current = element;
        int basicPlanId;
        while (true)
        {
            crumbs.Insert(0, new Crumb(current.Level, current.Id, current.Code, current.Name));
            PlanElement? parent = current switch
            {
                Project p when p.BasicProjectId is int bp => await Db.BasicProjects.AsNoTracking().FirstAsync(x => x.Id == bp),
                Project p => await Db.Measures.AsNoTracking().FirstAsync(x => x.Id == p.MeasureId),
                BasicProject b => await Db.Measures.AsNoTracking().FirstAsync(x => x.Id == b.MeasureId),
                Measure m => await Db.Policies.AsNoTracking().FirstAsync(x => x.Id == m.PolicyId),
                _ => null,
            };
            if (parent is null)
            {
                basicPlanId = ((Policy)current).BasicPlanId;
                break;
            }
            current = parent;
        }
        var basicPlan = await Db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan).FirstAsync(b => b.Id == basicPlanId);
        crumbs.RemoveAt(crumbs.Count - 1);
        return (basicPlan.ComprehensivePlan!, basicPlan, crumbs);
    }

    private async Task<List<ChildRow>> ChildrenOfAsync(PlanElement e) => e switch
    {
        Policy p => await Db.Measures.AsNoTracking().Where(x => x.PolicyId == p.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
            .Select(x => new ChildRow(PlanLevel.Measure, x.Id, x.Code, x.Name, x.RetiredAt != null, false, x.OwnerUnitId)).ToListAsync(),
        Measure m => (await Db.BasicProjects.AsNoTracking().Where(x => x.MeasureId == m.Id).OrderBy(x => x.SortOrder)
                .Select(x => new ChildRow(PlanLevel.BasicProject, x.Id, x.Code, x.Name, x.RetiredAt != null, false, null)).ToListAsync())
            .Concat(await Db.Projects.AsNoTracking().Where(x => x.MeasureId == m.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
                .Select(x => new ChildRow(PlanLevel.Project, x.Id, x.Code, x.Name, x.RetiredAt != null, x.IsMajor, x.OwnerUnitId)).ToListAsync()).ToList(),
        BasicProject b => await Db.Projects.AsNoTracking().Where(x => x.BasicProjectId == b.Id).OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
            .Select(x => new ChildRow(PlanLevel.Project, x.Id, x.Code, x.Name, x.RetiredAt != null, x.IsMajor, x.OwnerUnitId)).ToListAsync(),
        _ => [],
    };

    private async Task<int> ActiveChildCountAsync(PlanElement e) => e switch
    {
        Policy p => await Db.Measures.CountAsync(x => x.PolicyId == p.Id && x.RetiredAt == null),
        Measure m => await Db.Projects.CountAsync(x => x.MeasureId == m.Id && x.RetiredAt == null)
                     + await Db.BasicProjects.CountAsync(x => x.MeasureId == m.Id && x.RetiredAt == null),
        BasicProject b => await Db.Projects.CountAsync(x => x.BasicProjectId == b.Id && x.RetiredAt == null),
        _ => 0,
    };

    private async Task<ElementFormModel?> FormModelAsync(PlanElementForm form, bool structureLocked)
    {
        // The plan a new or edited element belongs to, found from its parent.
        int? basicPlanId = form.Level switch
        {
            PlanLevel.Policy => form.ParentId,
            PlanLevel.Measure => await Db.Policies.Where(p => p.Id == form.ParentId).Select(p => (int?)p.BasicPlanId).FirstOrDefaultAsync(),
            _ => await Db.Measures.Where(m => m.Id == form.ParentId).Select(m => (int?)m.Policy!.BasicPlanId).FirstOrDefaultAsync(),
        };
        var basicPlan = await Db.BasicPlans.AsNoTracking().Include(b => b.ComprehensivePlan).FirstOrDefaultAsync(b => b.Id == basicPlanId);
        if (basicPlan is null) return null;
        var parents = form.Level switch
        {
            PlanLevel.Policy => await Db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlanId == basicPlan.ComprehensivePlanId)
                .Select(b => new SelectListItem(b.Name, b.Id.ToString())).ToListAsync(),
            PlanLevel.Measure => await Db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlan.Id && p.RetiredAt == null).OrderBy(p => p.SortOrder)
                .Select(p => new SelectListItem(p.Code + " " + p.Name, p.Id.ToString())).ToListAsync(),
            _ => await Db.Measures.AsNoTracking().Where(m => m.Policy!.BasicPlanId == basicPlan.Id && m.RetiredAt == null)
                .OrderBy(m => m.Policy!.SortOrder).ThenBy(m => m.SortOrder)
                .Select(m => new SelectListItem(m.Code + " " + m.Name, m.Id.ToString())).ToListAsync(),
        };
        var basicProjects = form.Level == PlanLevel.Project
            ? await Db.BasicProjects.AsNoTracking().Where(b => b.MeasureId == form.ParentId && b.RetiredAt == null)
                .Select(b => new SelectListItem(b.Code + " " + b.Name, b.Id.ToString())).ToListAsync()
            : [];
        var org = await orgTree.GetAsync();
        return new ElementFormModel(form, basicPlan.ComprehensivePlan!, parents, basicProjects, UnitOptions.For(org), structureLocked);
    }
}
