namespace Komaki.Management.Web.Features.CitizenInputs;

/// 市民の声: what citizens said through each channel, what in the plan it touches, and the city's answer.
[Authorize(Policy = Policies.Staff)]
[Route("CitizenInputs")]
public sealed class CitizenInputsController(AppDbContext db) : AppController(db)
{
    public const int PageSize = 30;

    private bool CanEdit => Actor.IsPlanMasterEditor;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CitizenInputFilter filter)
    {
        var query = Db.CitizenInputs.AsNoTracking().Include(c => c.Links).ThenInclude(l => l.Measure).Include(c => c.Links).ThenInclude(l => l.Project).AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(c => c.Summary.Contains(q) || (c.Answer != null && c.Answer.Contains(q)));
        }
        if (filter.Channel is CitizenChannel ch) query = query.Where(c => c.Channel == ch);
        if (filter.Status is CitizenInputStatus st) query = query.Where(c => c.Status == st);
        if (filter.MeasureId is int m) query = query.Where(c => c.Links.Any(l => l.MeasureId == m || l.Project!.MeasureId == m));
        var rows = await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToPagedAsync(HttpContext.PageFor(filter.Page), HttpContext.PageSizeFor(PageSize));
        var measures = await Db.Measures.AsNoTracking().Where(x => x.RetiredAt == null).OrderBy(x => x.Code)
            .Select(x => new SelectListItem(x.Code + " " + x.Name, x.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        return View(new CitizenInputListModel(filter, rows, measures, CanEdit));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var input = await Db.CitizenInputs.AsNoTracking().Include(c => c.Links).ThenInclude(l => l.Measure).Include(c => c.Links).ThenInclude(l => l.Project)
            .FirstOrDefaultAsync(c => c.Id == id);
        if (input is null) return NotFound();
        ViewData["CanEdit"] = CanEdit;
        return View(input);
    }

    /// Publishing puts the summary and the answer on the public site; an input without the city's answer stays internal.
    [HttpPost("{id:int}/Publish")]
    public async Task<IActionResult> Publish(int id, bool publish, int version)
    {
        if (!CanEdit) return Forbidden();
        var input = await Db.CitizenInputs.FirstOrDefaultAsync(c => c.Id == id);
        if (input is null) return NotFound();
        if (publish && string.IsNullOrWhiteSpace(input.Answer))
        {
            TempData["Error"] = "市の考え方が記入されていない声は公開できません。先に市の考え方を記入してください。";
            return RedirectToAction(nameof(Details), new { id });
        }
        input.IsPublished = publish;
        if (!await TrySaveEditAsync(input, version, input.AuditTarget))
        {
            TempData["Error"] = "他の人が先に変更しました。画面を確認してからもう一度操作してください。";
            return RedirectToAction(nameof(Details), new { id });
        }
        TempData["Message"] = publish ? "公開サイトに載せました。" : "公開をやめました。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("Create")]
    public IActionResult Create() => CanEdit
        ? View("Edit", new CitizenInputFormModel(null, new CitizenInputForm { ReceivedOn = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        : Forbidden();

    [HttpPost("Create")]
    public async Task<IActionResult> Create(CitizenInputForm form)
    {
        if (!CanEdit) return Forbidden();
        var input = new CitizenInput();
        if (!await ApplyAsync(form, input)) return View("Edit", new CitizenInputFormModel(null, form));
        Db.CitizenInputs.Add(input);
        if (!await TrySaveAsync()) return View("Edit", new CitizenInputFormModel(null, form));
        TempData["Message"] = "市民の声を登録しました。";
        return RedirectToAction(nameof(Details), new { id = input.Id });
    }

    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id)
    {
        if (!CanEdit) return Forbidden();
        var c = await Db.CitizenInputs.AsNoTracking().Include(x => x.Links).ThenInclude(l => l.Measure).Include(x => x.Links).ThenInclude(l => l.Project).FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return NotFound();
        return View(new CitizenInputFormModel(id, new CitizenInputForm
        {
            Version = c.Version, Channel = c.Channel, ReceivedOn = c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Summary = c.Summary,
            Answer = c.Answer, Status = c.Status,
            MeasureCodes = string.Join(" ", c.Links.Where(l => l.Measure is not null).Select(l => l.Measure!.Code)),
            ProjectCodes = string.Join(" ", c.Links.Where(l => l.Project is not null).Select(l => l.Project!.Code)),
        }));
    }

    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, CitizenInputForm form)
    {
        if (!CanEdit) return Forbidden();
        var input = await Db.CitizenInputs.Include(c => c.Links).FirstOrDefaultAsync(c => c.Id == id);
        if (input is null) return NotFound();
        if (await ApplyAsync(form, input) && await TrySaveEditAsync(input, form.Version, input.AuditTarget))
        {
            TempData["Message"] = "市民の声を保存しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View(new CitizenInputFormModel(id, form));
    }

    private async Task<bool> ApplyAsync(CitizenInputForm form, CitizenInput input)
    {
        if (!Enum.IsDefined(form.Channel)) ModelState.AddModelError(nameof(form.Channel), "経路を選んでください。");
        if (!Enum.IsDefined(form.Status)) ModelState.AddModelError(nameof(form.Status), "状況を選んでください。");
        if (!DateOnly.TryParse(form.ReceivedOn, CultureInfo.InvariantCulture, out var received)) ModelState.AddModelError(nameof(form.ReceivedOn), "受付日を入力してください。");
        else if (received > DateOnly.FromDateTime(DateTime.Today)) ModelState.AddModelError(nameof(form.ReceivedOn), "受付日に未来の日付は入力できません。");
        if (string.IsNullOrWhiteSpace(form.Summary)) ModelState.AddModelError(nameof(form.Summary), "内容の要旨を入力してください。");
        if (form.Status is CitizenInputStatus.Answered or CitizenInputStatus.Reflected && string.IsNullOrWhiteSpace(form.Answer))
            ModelState.AddModelError(nameof(form.Answer), "回答済・反映済にするには「市の考え方」を入力してください。");
        var measureCodes = CodeList.Parse(form.MeasureCodes);
        var projectCodes = CodeList.Parse(form.ProjectCodes);
        var measures = await Db.Measures.Where(m => measureCodes.Contains(m.Code) && m.RetiredAt == null).Select(m => new { m.Id, m.Code }).ToListAsync();
        var projects = await Db.Projects.Where(p => projectCodes.Contains(p.Code) && p.RetiredAt == null).Select(p => new { p.Id, p.Code }).ToListAsync();
        foreach (var c in measureCodes.Where(c => measures.All(m => m.Code != c))) ModelState.AddModelError(nameof(form.MeasureCodes), $"施策コード「{c}」は現行の施策にありません。");
        foreach (var c in projectCodes.Where(c => projects.All(p => p.Code != c))) ModelState.AddModelError(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        if (!ModelState.IsValid) return false;
        input.Channel = form.Channel;
        input.ReceivedOn = received;
        input.Summary = form.Summary!.Trim();
        input.Answer = string.IsNullOrWhiteSpace(form.Answer) ? null : form.Answer.Trim();
        input.Status = form.Status;
        input.Links.Clear();
        input.Links.AddRange(measures.Select(m => new CitizenInputLink { MeasureId = m.Id }));
        input.Links.AddRange(projects.Select(p => new CitizenInputLink { ProjectId = p.Id }));
        return true;
    }
}
