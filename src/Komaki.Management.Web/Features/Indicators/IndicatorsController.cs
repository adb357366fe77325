namespace Komaki.Management.Web.Features.Indicators;

/// Indicators of measures and projects, and their yearly targets and actuals.
[Authorize(Policy = Policies.Staff)]
public sealed class IndicatorsController(AppDbContext db, OrgTreeProvider orgTree) : AppController(db)
{
    [HttpGet("Indicators/{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var indicator = await Db.Indicators.AsNoTracking().Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        var org = await orgTree.GetAsync();
        return View(new IndicatorDetailsModel(indicator, owner, org.PathName(owner.UnitId),
            await CanEditDefinitionAsync(owner), PlanAccess.CanEnterIndicatorValues(Actor, owner.UnitId, org)));
    }

    [HttpGet("Indicators/Create")]
    public async Task<IActionResult> Create(PlanLevel level, int ownerId)
    {
        var owner = await FindOwnerAsync(level, ownerId);
        if (owner is null) return NotFound();
        if (!await CanEditDefinitionAsync(owner)) return Forbidden();
        var form = new IndicatorForm { Kind = level == PlanLevel.Measure ? IndicatorKind.Outcome : IndicatorKind.Activity, BaselineYear = Clock.FiscalYear - 1 };
        return View("Edit", new IndicatorFormModel(form, owner, null));
    }

    [HttpPost("Indicators/Create")]
    public async Task<IActionResult> Create(PlanLevel level, int ownerId, [FromForm] IndicatorForm form)
    {
        var owner = await FindOwnerAsync(level, ownerId);
        if (owner is null) return NotFound();
        if (!await CanEditDefinitionAsync(owner)) return Forbidden();
        if (!await ValidateAsync(form)) return View("Edit", new IndicatorFormModel(form, owner, null));
        var indicator = new Indicator
        {
            MeasureId = level == PlanLevel.Measure ? ownerId : null,
            ProjectId = level == PlanLevel.Project ? ownerId : null,
        };
        form.ApplyTo(indicator);
        Db.Indicators.Add(indicator);
        if (!await TrySaveAsync()) return View("Edit", new IndicatorFormModel(form, owner, null));
        TempData["Message"] = $"指標「{indicator.Name}」を追加しました。年度ごとの目標値を入力してください。";
        return RedirectToAction(nameof(Values), new { id = indicator.Id });
    }

    [HttpGet("Indicators/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var indicator = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        if (!await CanEditDefinitionAsync(owner)) return Forbidden();
        return View(new IndicatorFormModel(IndicatorForm.From(indicator), owner, id));
    }

    [HttpPost("Indicators/{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, [FromForm] IndicatorForm form)
    {
        var indicator = await Db.Indicators.FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        if (!await CanEditDefinitionAsync(owner)) return Forbidden();
        if (await ValidateAsync(form))
        {
            form.ApplyTo(indicator);
            if (await TrySaveEditAsync(indicator, form.Version, indicator.AuditTarget))
            {
                TempData["Message"] = "指標を更新しました。";
                return RedirectToAction(nameof(Details), new { id });
            }
        }
        return View(new IndicatorFormModel(form, owner, id));
    }

    /// focus: the year 対応待ち opened the form for; its actual gets the cursor.
    [HttpGet("Indicators/{id:int}/Values")]
    public async Task<IActionResult> Values(int id, int? focus)
    {
        ViewData["Focus"] = focus;
        var indicator = await Db.Indicators.AsNoTracking().Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        if (!PlanAccess.CanEnterIndicatorValues(Actor, owner.UnitId, await orgTree.GetAsync())) return Forbidden();
        var years = YearsToShow(indicator);
        var published = await PublishedActualYearsAsync();
        var form = new ValuesForm
        {
            Version = indicator.Version,
            Rows = years.Select(y =>
            {
                var v = indicator.Values.FirstOrDefault(x => x.FiscalYear == y);
                var row = new ValueRow { FiscalYear = y, Target = NumberText.Format(v?.Target), Actual = NumberText.Format(v?.Actual) };
                Lock(row, published);
                return row;
            }).ToList(),
        };
        return View(new ValuesModel(form, indicator, owner));
    }

    [HttpPost("Indicators/{id:int}/Values")]
    public async Task<IActionResult> Values(int id, [FromForm] ValuesForm form)
    {
        var indicator = await Db.Indicators.Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        if (!PlanAccess.CanEnterIndicatorValues(Actor, owner.UnitId, await orgTree.GetAsync())) return Forbidden();
        if (indicator.RetiredAt is not null) ModelState.AddModelError(string.Empty, "廃止された指標の値は変更できません。");
        var published = await PublishedActualYearsAsync();
        foreach (var row in form.Rows) Lock(row, published);
        if (await ValidateAsync(form))
        {
            var corrections = new List<IndicatorValue>();
            for (var n = 0; n < form.Rows.Count; n++)
            {
                var row = form.Rows[n];
                var target = NumberText.TryParse(row.Target, out var t) ? t : null;
                var actual = NumberText.TryParse(row.Actual, out var a) ? a : null;
                var existing = indicator.Values.FirstOrDefault(v => v.FiscalYear == row.FiscalYear);
                // What is locked for this person must come back as it was; a forged change is refused beside the field.
                if (row.TargetLocked && target != existing?.Target) ModelState.AddModelError($"Rows[{n}].Target", IndicatorValueRules.TargetLockedMessage);
                if (row.ActualLocked && actual != existing?.Actual) ModelState.AddModelError($"Rows[{n}].Actual", IndicatorValueRules.ActualLockedMessage);
                // A published actual changed is a correction; a first entry of a year published without one is not.
                var corrected = IndicatorValueRules.IsCorrection(row.ActualPublished, existing?.Actual, actual);
                if (target is null && actual is null && !corrected)
                {
                    if (existing is not null) Db.IndicatorValues.Remove(existing);
                    continue;
                }
                var value = indicator.SetValue(row.FiscalYear, target, actual);
                if (corrected) corrections.Add(value);
            }
            if (corrections.Count > 0 && string.IsNullOrWhiteSpace(form.CorrectionReason))
                ModelState.AddModelError(nameof(form.CorrectionReason), IndicatorValueRules.ReasonRequiredMessage);
            foreach (var c in corrections) (c.CorrectedAt, c.CorrectionReason) = (Clock.UtcNow, form.CorrectionReason?.Trim());
        }
        if (ModelState.IsValid)
        {
            // The indicator's version guards the whole set of yearly values against a concurrent edit; a form sent back
            // unchanged changes nothing, not even the version.
            if (Db.ChangeTracker.HasChanges()) Db.Entry(indicator).State = EntityState.Modified;
            if (await TrySaveEditAsync(indicator, form.Version, indicator.AuditTarget))
            {
                TempData["Message"] = "目標値・実績値を保存しました。達成率は自動で計算されます。";
                return RedirectToAction(nameof(Details), new { id });
            }
            indicator = await Db.Indicators.AsNoTracking().Include(i => i.Values).FirstAsync(i => i.Id == id);
        }
        return View(new ValuesModel(form, indicator, owner));
    }

    [HttpPost("Indicators/{id:int}/Retire")]
    public async Task<IActionResult> Retire(int id, int version)
    {
        var indicator = await Db.Indicators.FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var owner = await OwnerOfAsync(indicator);
        if (!await CanEditDefinitionAsync(owner)) return Forbidden();
        indicator.RetiredAt = indicator.RetiredAt is null ? Clock.UtcNow : null;
        TempData["Message"] = await TrySaveEditAsync(indicator, version, indicator.AuditTarget)
            ? indicator.RetiredAt is null ? "指標を再び有効にしました。" : "指標を廃止しました。値と履歴は残ります。"
            : "他の職員が先に更新したため、操作できませんでした。内容を確認してもう一度操作してください。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<HashSet<int>> PublishedActualYearsAsync() =>
        (await Db.Publications.AsNoTracking().Where(p => p.Kind == Core.Publishing.PublicationKind.IndicatorActuals).Select(p => p.FiscalYear).ToListAsync()).ToHashSet();

    private void Lock(ValueRow row, HashSet<int> publishedActuals)
    {
        var rule = IndicatorValueRules.For(Actor, row.FiscalYear, Clock.FiscalYear, publishedActuals.Contains(row.FiscalYear));
        (row.TargetLocked, row.ActualLocked, row.ActualPublished) = (rule.TargetLocked, rule.ActualLocked, rule.ActualPublished);
    }

    private List<int> YearsToShow(Indicator indicator)
    {
        var current = Clock.FiscalYear;
        return indicator.Values.Select(v => v.FiscalYear)
            .Concat(Enumerable.Range(current - 4, 6))
            .Distinct().Order().ToList();
    }

    private async Task<bool> CanEditDefinitionAsync(OwnerInfo owner) =>
        owner.Level == PlanLevel.Project
            ? PlanAccess.CanEditUnitRecord(Actor, owner.UnitId, await orgTree.GetAsync())
            : PlanAccess.CanEditStructure(Actor);

    private async Task<OwnerInfo> OwnerOfAsync(Indicator i) =>
        (await FindOwnerAsync(i.ProjectId is null ? PlanLevel.Measure : PlanLevel.Project, i.ProjectId ?? i.MeasureId!.Value))!;

    private async Task<OwnerInfo?> FindOwnerAsync(PlanLevel level, int id) => level switch
    {
        PlanLevel.Project => await Db.Projects.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new OwnerInfo(PlanLevel.Project, x.Id, x.Code, x.Name, x.OwnerUnitId)).FirstOrDefaultAsync(),
        PlanLevel.Measure => await Db.Measures.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new OwnerInfo(PlanLevel.Measure, x.Id, x.Code, x.Name, x.OwnerUnitId)).FirstOrDefaultAsync(),
        _ => null,
    };
}
