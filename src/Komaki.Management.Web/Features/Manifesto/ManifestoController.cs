namespace Komaki.Management.Web.Features.Manifesto;

/// マニフェスト: mayoral terms and their promises, the traceability matrix (items × plan with coverage),
/// links into the plan, and yearly progress.
[Authorize(Roles = Roles.Staff)]
[Route("Manifesto")]
public sealed class ManifestoController(AppDbContext db, ReadCache cache) : AppController(db)
{
    private bool CanEdit => Actor.IsPlanMasterEditor;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? termId, Coverage? coverage, string? area)
    {
        var model = await cache.GetAsync(
            $"manifesto:{termId}:{coverage}:{area}:{Display.CurrentFiscalYear()}", () => BuildMatrixAsync(termId, coverage, area));
        return View(model with { CanEdit = CanEdit });
    }

    private async Task<ManifestoIndexModel> BuildMatrixAsync(int? termId, Coverage? coverage, string? area)
    {
        var year = Display.CurrentFiscalYear();
        var terms = await Db.MayorTerms.AsNoTracking().OrderByDescending(t => t.StartDate).ToListAsync();
        var term = terms.FirstOrDefault(t => t.Id == termId) ?? terms.FirstOrDefault();
        if (term is null) return new ManifestoIndexModel(terms, null, [], [], new Dictionary<Coverage, int>(), new Dictionary<ManifestoStatus, int>(), year, coverage, area, [], CanEdit, null);

        var basicPlan = await CurrentBasicPlanAsync(year);
        var items = await Db.ManifestoItems.AsNoTracking().Where(i => i.MayorTermId == term.Id)
            .Include(i => i.Links).ThenInclude(l => l.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Project).ThenInclude(p => p!.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Policy)
            .Include(i => i.Progress)
            .ToListAsync();
        items = items.OrderBy(i => i.SortOrder).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        var coverageOf = await ManifestoCoverage.ForTermAsync(Db, term.Id, year);
        var columns = basicPlan is null ? [] : await Db.Policies.AsNoTracking().Where(p => p.BasicPlanId == basicPlan.Id && p.RetiredAt == null)
            .OrderBy(p => p.SortOrder).Select(p => new MatrixColumn(p.Id, p.Code, p.Name)).ToListAsync();

        var rows = items.Select(i => new MatrixRow(i, coverageOf[i.Id],
            columns.ToDictionary(c => c.PolicyId, c => new MatrixCell(
                i.Links.Any(l => l.PolicyId == c.PolicyId),
                i.Links.Where(l => l.Measure?.PolicyId == c.PolicyId).Select(l => $"{l.Measure!.Code} {l.Measure.Name}").ToList(),
                i.Links.Where(l => l.Project?.Measure?.PolicyId == c.PolicyId).Select(l => $"{l.Project!.Code} {l.Project.Name}").ToList())),
            i.Progress.Where(p => p.FiscalYear <= year).OrderByDescending(p => p.FiscalYear).FirstOrDefault()?.Status)).ToList();
        var coverageCounts = rows.GroupBy(r => r.Coverage.Coverage).ToDictionary(g => g.Key, g => g.Count());
        var statusCounts = rows.Where(r => r.Status is not null).GroupBy(r => r.Status!.Value).ToDictionary(g => g.Key, g => g.Count());
        var areas = items.Select(i => i.Area).Distinct().ToList();
        if (coverage is Coverage c) rows = rows.Where(r => r.Coverage.Coverage == c).ToList();
        if (!string.IsNullOrEmpty(area)) rows = rows.Where(r => r.Item.Area == area).ToList();
        // When the plan has been redrawn, how each promise landed in the new edition.
        IReadOnlyDictionary<int, Landing>? landings = null;
        string? previousName = null;
        if (basicPlan?.CopiedFromId is int previousId)
        {
            landings = await PlanEdition.LandingAsync(Db, term.Id, previousId, basicPlan.Id);
            previousName = await Db.BasicPlans.Where(b => b.Id == previousId).Select(b => b.Name).FirstAsync();
        }
        return new ManifestoIndexModel(terms, term, columns, rows, coverageCounts, statusCounts, year, coverage, area, areas, CanEdit, basicPlan?.Name, landings, previousName);
    }

    [HttpGet("Items/{id:int}")]
    public async Task<IActionResult> Item(int id)
    {
        var item = await Db.ManifestoItems.AsNoTracking().Include(i => i.MayorTerm).Include(i => i.Progress)
            .Include(i => i.Links).ThenInclude(l => l.Policy)
            .Include(i => i.Links).ThenInclude(l => l.Measure)
            .Include(i => i.Links).ThenInclude(l => l.Project)
            .FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return NotFound();
        return View(await DetailsModelAsync(item));
    }

    [HttpPost("Items/{id:int}/Links")]
    public async Task<IActionResult> AddLink(int id, PlanLevel level, string? code)
    {
        if (!CanEdit) return Forbidden();
        var item = await Db.ManifestoItems.Include(i => i.Links).FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return NotFound();
        var c = (code ?? "").Trim();
        var link = new ManifestoLink { ManifestoItemId = id };
        var basicPlan = await CurrentBasicPlanAsync(Display.CurrentFiscalYear());
        string? name = null;
        switch (level)
        {
            case PlanLevel.Policy:
                var policy = await Db.Policies.Where(p => p.Code == c && p.RetiredAt == null && (basicPlan == null || p.BasicPlanId == basicPlan.Id)).FirstOrDefaultAsync();
                (link.PolicyId, name) = (policy?.Id, policy?.Name);
                break;
            case PlanLevel.Measure:
                var measure = await Db.Measures.Where(m => m.Code == c && m.RetiredAt == null && (basicPlan == null || m.Policy!.BasicPlanId == basicPlan.Id)).FirstOrDefaultAsync();
                (link.MeasureId, name) = (measure?.Id, measure?.Name);
                break;
            case PlanLevel.Project:
                var project = await Db.Projects.Where(p => p.Code == c && p.RetiredAt == null).FirstOrDefaultAsync();
                (link.ProjectId, name) = (project?.Id, project?.Name);
                break;
            default:
                return BadRequest();
        }
        if (name is null)
        {
            TempData["Error"] = string.IsNullOrEmpty(c) ? "コードを入力してください。" : $"コード「{c}」の{LevelName(level)}が現行の計画にありません。";
            return RedirectToAction(nameof(Item), new { id });
        }
        if (item.Links.Any(l => l.PolicyId == link.PolicyId && l.MeasureId == link.MeasureId && l.ProjectId == link.ProjectId))
        {
            TempData["Error"] = $"{c} {name} は既に結び付いています。";
            return RedirectToAction(nameof(Item), new { id });
        }
        Db.ManifestoLinks.Add(link);
        await Db.SaveChangesAsync();
        TempData["Message"] = $"{LevelName(level)} {c} {name} に結び付けました。";
        return RedirectToAction(nameof(Item), new { id });
    }

    [HttpPost("Items/{id:int}/Links/{linkId:int}/Delete")]
    public async Task<IActionResult> RemoveLink(int id, int linkId)
    {
        if (!CanEdit) return Forbidden();
        var link = await Db.ManifestoLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ManifestoItemId == id);
        if (link is null) return NotFound();
        Db.ManifestoLinks.Remove(link);
        await Db.SaveChangesAsync();
        TempData["Message"] = "結び付けを外しました。";
        return RedirectToAction(nameof(Item), new { id });
    }

    [HttpPost("Items/{id:int}/Progress")]
    public async Task<IActionResult> SaveProgress(int id, int fiscalYear, ManifestoStatus status, string? commentary, string? evidence, int version)
    {
        if (!CanEdit) return Forbidden();
        var item = await Db.ManifestoItems.Include(i => i.MayorTerm).Include(i => i.Progress).Include(i => i.Links).FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return NotFound();
        if (!Enum.IsDefined(status)) ModelState.AddModelError("status", "進捗の状況を選んでください。");
        if (string.IsNullOrWhiteSpace(commentary)) ModelState.AddModelError("commentary", "進捗の説明を入力してください。");
        if (fiscalYear < item.MayorTerm!.FirstFiscalYear || item.MayorTerm.LastFiscalYear is int last && fiscalYear > last)
            ModelState.AddModelError("fiscalYear", "任期中の年度を選んでください。");
        var progress = item.Progress.FirstOrDefault(p => p.FiscalYear == fiscalYear);
        if (ModelState.IsValid)
        {
            if (progress is null)
            {
                progress = new ManifestoProgress { ManifestoItemId = id, FiscalYear = fiscalYear };
                Db.ManifestoProgress.Add(progress);
            }
            progress.Status = status;
            progress.Commentary = commentary!.Trim();
            progress.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
            if (await TrySaveEditsAsync([(progress, progress.Id == 0 ? 0 : version)], item.AuditTarget))
            {
                TempData["Message"] = $"{Wareki.FiscalYear(fiscalYear)}の進捗を保存しました。";
                return RedirectToAction(nameof(Item), new { id });
            }
        }
        ViewData["ProgressForm"] = (fiscalYear, status, commentary, evidence);
        var fresh = await Db.ManifestoItems.AsNoTracking().Include(i => i.MayorTerm).Include(i => i.Progress)
            .Include(i => i.Links).ThenInclude(l => l.Policy).Include(i => i.Links).ThenInclude(l => l.Measure).Include(i => i.Links).ThenInclude(l => l.Project)
            .FirstAsync(i => i.Id == id);
        return View(nameof(Item), await DetailsModelAsync(fresh));
    }

    [HttpGet("Terms/{termId:int}/Items/Create")]
    public async Task<IActionResult> CreateItem(int termId)
    {
        if (!CanEdit) return Forbidden();
        var term = await Db.MayorTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == termId);
        if (term is null) return NotFound();
        return View("EditItem", new ItemFormModel(null, term, new ItemForm { MayorTermId = termId }));
    }

    [HttpPost("Terms/{termId:int}/Items/Create")]
    public async Task<IActionResult> CreateItem(int termId, ItemForm form)
    {
        if (!CanEdit) return Forbidden();
        var term = await Db.MayorTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == termId);
        if (term is null) return NotFound();
        await ValidateItemAsync(termId, null, form);
        if (!ModelState.IsValid) return View("EditItem", new ItemFormModel(null, term, form));
        var item = new ManifestoItem { MayorTermId = termId, SortOrder = await Db.ManifestoItems.CountAsync(i => i.MayorTermId == termId) + 1 };
        Copy(form, item);
        Db.ManifestoItems.Add(item);
        if (!await TrySaveAsync()) return View("EditItem", new ItemFormModel(null, term, form));
        TempData["Message"] = $"マニフェスト項目 {item.Number} を登録しました。計画への結び付けを設定してください。";
        return RedirectToAction(nameof(Item), new { id = item.Id });
    }

    [HttpGet("Items/{id:int}/Edit")]
    public async Task<IActionResult> EditItem(int id)
    {
        if (!CanEdit) return Forbidden();
        var item = await Db.ManifestoItems.AsNoTracking().Include(i => i.MayorTerm).FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return NotFound();
        return View(new ItemFormModel(id, item.MayorTerm!, new ItemForm
        {
            Version = item.Version, MayorTermId = item.MayorTermId, Number = item.Number, Area = item.Area, Title = item.Title,
            Description = item.Description, NumericTarget = item.NumericTarget,
        }));
    }

    [HttpPost("Items/{id:int}/Edit")]
    public async Task<IActionResult> EditItem(int id, ItemForm form)
    {
        if (!CanEdit) return Forbidden();
        var item = await Db.ManifestoItems.Include(i => i.MayorTerm).FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return NotFound();
        await ValidateItemAsync(item.MayorTermId, id, form);
        if (ModelState.IsValid)
        {
            Copy(form, item);
            if (await TrySaveEditAsync(item, form.Version, item.AuditTarget))
            {
                TempData["Message"] = "マニフェスト項目を保存しました。";
                return RedirectToAction(nameof(Item), new { id });
            }
        }
        return View(new ItemFormModel(id, item.MayorTerm ?? await Db.MayorTerms.AsNoTracking().FirstAsync(t => t.Id == form.MayorTermId), form));
    }

    [HttpGet("Terms/Create")]
    public IActionResult CreateTerm() => CanEdit ? View("EditTerm", (null as int?, new TermForm())) : Forbidden();

    [HttpPost("Terms/Create")]
    public async Task<IActionResult> CreateTerm(TermForm form)
    {
        if (!CanEdit) return Forbidden();
        var (start, end) = ValidateTerm(form);
        if (!ModelState.IsValid) return View("EditTerm", (null as int?, form));
        var term = new MayorTerm { Title = form.Title!.Trim(), MayorName = form.MayorName!.Trim(), StartDate = start, EndDate = end };
        Db.MayorTerms.Add(term);
        if (!await TrySaveAsync()) return View("EditTerm", (null as int?, form));
        TempData["Message"] = $"{term.Title}を登録しました。";
        return RedirectToAction(nameof(Index), new { termId = term.Id });
    }

    [HttpGet("Terms/{id:int}/Edit")]
    public async Task<IActionResult> EditTerm(int id)
    {
        if (!CanEdit) return Forbidden();
        var t = await Db.MayorTerms.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (t is null) return NotFound();
        return View((id as int?, new TermForm
        {
            Version = t.Version, Title = t.Title, MayorName = t.MayorName,
            StartDate = t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndDate = t.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }

    [HttpPost("Terms/{id:int}/Edit")]
    public async Task<IActionResult> EditTerm(int id, TermForm form)
    {
        if (!CanEdit) return Forbidden();
        var term = await Db.MayorTerms.FirstOrDefaultAsync(x => x.Id == id);
        if (term is null) return NotFound();
        var (start, end) = ValidateTerm(form);
        if (ModelState.IsValid)
        {
            (term.Title, term.MayorName, term.StartDate, term.EndDate) = (form.Title!.Trim(), form.MayorName!.Trim(), start, end);
            if (await TrySaveEditAsync(term, form.Version, term.AuditTarget))
            {
                TempData["Message"] = $"{term.Title}を保存しました。";
                return RedirectToAction(nameof(Index), new { termId = id });
            }
        }
        return View((id as int?, form));
    }

    private (DateOnly Start, DateOnly? End) ValidateTerm(TermForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Title)) ModelState.AddModelError(nameof(form.Title), "任期の名称を入力してください（例: 第3期）。");
        if (string.IsNullOrWhiteSpace(form.MayorName)) ModelState.AddModelError(nameof(form.MayorName), "市長の氏名を入力してください。");
        if (!DateOnly.TryParse(form.StartDate, CultureInfo.InvariantCulture, out var start)) ModelState.AddModelError(nameof(form.StartDate), "任期の開始日を入力してください。");
        DateOnly? end = null;
        if (!string.IsNullOrWhiteSpace(form.EndDate))
        {
            if (DateOnly.TryParse(form.EndDate, CultureInfo.InvariantCulture, out var e) && e > start) end = e;
            else ModelState.AddModelError(nameof(form.EndDate), "任期の終了日は開始日より後の日付にしてください。");
        }
        return (start, end);
    }

    private async Task ValidateItemAsync(int termId, int? id, ItemForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Number)) ModelState.AddModelError(nameof(form.Number), "番号を入力してください。");
        else if (await Db.ManifestoItems.AnyAsync(i => i.MayorTermId == termId && i.Number == form.Number.Trim() && i.Id != id))
            ModelState.AddModelError(nameof(form.Number), $"番号「{form.Number.Trim()}」はこの任期で既に使われています。");
        if (string.IsNullOrWhiteSpace(form.Area)) ModelState.AddModelError(nameof(form.Area), "分野を入力してください。");
        if (string.IsNullOrWhiteSpace(form.Title)) ModelState.AddModelError(nameof(form.Title), "項目名を入力してください。");
        if ((form.Description ?? "").Length > 4000) ModelState.AddModelError(nameof(form.Description), "内容は4,000文字以内で入力してください。");
    }

    private static void Copy(ItemForm form, ManifestoItem item)
    {
        item.Number = form.Number!.Trim();
        item.Area = form.Area!.Trim();
        item.Title = form.Title!.Trim();
        item.Description = (form.Description ?? "").Trim();
        item.NumericTarget = string.IsNullOrWhiteSpace(form.NumericTarget) ? null : form.NumericTarget.Trim();
    }

    private async Task<ItemDetailsModel> DetailsModelAsync(ManifestoItem item)
    {
        var year = Display.CurrentFiscalYear();
        var coverage = (await ManifestoCoverage.ForTermAsync(Db, item.MayorTermId, year))[item.Id];
        var links = item.Links.Select(l => l.Level switch
        {
            PlanLevel.Policy => new LinkedElement(l.Id, l.Level, l.ElementId, l.Policy!.Code, l.Policy.Name, l.Policy.IsRetired),
            PlanLevel.Measure => new LinkedElement(l.Id, l.Level, l.ElementId, l.Measure!.Code, l.Measure.Name, l.Measure.IsRetired),
            _ => new LinkedElement(l.Id, l.Level, l.ElementId, l.Project!.Code, l.Project.Name, l.Project.IsRetired),
        }).OrderBy(l => l.Level).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        var projects = (await Db.Projects.AsNoTracking().Where(p => coverage.ProjectIds.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync())
            .Select(p => (p.Id, p.Code, p.Name, coverage.FundedProjectIds.Contains(p.Id))).ToList();
        var measureIds = item.Links.Where(l => l.MeasureId is not null).Select(l => l.MeasureId!.Value).ToList();
        var projectIds = item.Links.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value).ToList();
        var indicators = await Db.Indicators.AsNoTracking().Include(i => i.Values).Include(i => i.Measure).Include(i => i.Project)
            .Where(i => i.RetiredAt == null && (i.MeasureId != null && measureIds.Contains(i.MeasureId.Value) || i.ProjectId != null && projectIds.Contains(i.ProjectId.Value)))
            .ToListAsync();
        var evidence = indicators.Select(i =>
        {
            var latest = i.Values.Where(v => v.Actual is not null).OrderByDescending(v => v.FiscalYear).FirstOrDefault();
            return new EvidenceIndicator(i.Id, i.Measure?.Name ?? i.Project?.Name ?? "", i.Name, i.Unit, latest?.FiscalYear, latest?.Target, latest?.Actual,
                latest is null ? null : IndicatorJudgment.Of(i, latest.FiscalYear));
        }).ToList();
        return new ItemDetailsModel(item, coverage, links, projects, evidence, item.Progress.OrderByDescending(p => p.FiscalYear).ToList(), CanEdit, year);
    }

    /// Where promises must land: the newest edition of the current plan (the one being drawn after an election).
    private async Task<BasicPlan?> CurrentBasicPlanAsync(int year) =>
        await Db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent && b.EndYear >= year)
            .OrderByDescending(b => b.StartYear).FirstOrDefaultAsync()
        ?? await Db.BasicPlans.AsNoTracking().Where(b => b.ComprehensivePlan!.IsCurrent).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync();

    internal static string LevelName(PlanLevel level) => level switch
    {
        PlanLevel.Policy => "政策",
        PlanLevel.Measure => "施策",
        PlanLevel.BasicProject => "基本事業",
        _ => "事務事業",
    };
}
