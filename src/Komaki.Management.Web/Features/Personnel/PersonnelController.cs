namespace Komaki.Management.Web.Features.Personnel;

/// 人事評価 for the people it concerns: a person's own evaluation and the ones they evaluate — the sheet, the goals,
/// each step of the year, the printed A4 sheet and Excel. Whoever is not the person, one of the evaluators named on
/// the evaluation or the personnel division gets 404 (the record's existence is not confirmed), and every read is logged.
[Authorize(Policy = Policies.Staff)]
[Route("Personnel")]
public sealed class PersonnelController(AppDbContext db, OrgTreeProvider orgTree, CurrentUser me, PersonnelPages pages, PersonnelCommands commands)
    : AppController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var y = year ?? Clock.FiscalYear;
        var ids = await pages.StaffIdsOfAsync(me.UserId);
        var lines = await pages.MineAsync(ids, y);
        var org = await orgTree.GetAsync();
        var heads = lines.Any(l => !ids.Contains(l.StaffMemberId)) && (await pages.DepartmentsHeadedAsync(ids, y, org)).Count > 0;
        var unattached = await Db.PerformanceGoals.AsNoTracking().Include(g => g.OrganizationalGoal)
            .Where(g => g.OwnerUserId == me.UserId && g.FiscalYear == y && g.PersonnelEvaluationId == null).OrderBy(g => g.Id).ToListAsync();
        return View(new PersonnelIndexModel(y, lines.Where(l => ids.Contains(l.StaffMemberId)).ToList(), lines.Where(l => !ids.Contains(l.StaffMemberId)).ToList(),
            await pages.DesignAsync(y), unattached, org, Clock.Today, ids, heads));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var (view, result) = await ReadAsync(id);
        if (view is null) return result!;
        return View(await DetailsModelAsync(view, new PersonnelStepForm { Version = view.Evaluation.Version }));
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

    /// A step of the evaluation. The marks of 自己評価・一次・二次 are kept as a draft (一時保存, or on the way to the
    /// confirmation page) until their holder confirms them there; 調整・確認 and 開示 are confirmed on a page too.
    [HttpPost("{id:int}/Act")]
    [ReadLogAs("操作")]
    public async Task<IActionResult> Act(int id, PersonnelStepForm form, bool confirmed = false, bool draft = false)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        var relation = PersonnelAccess.RelationOf(Actor, await pages.StaffIdsOfAsync(me.UserId), e);
        var design = await pages.DesignAsync(e.FiscalYear);
        if (design is null) return NotFound();
        var org = await orgTree.GetAsync();
        var view = new PersonnelView(e, design, relation, org.PathName(e.OrgUnitId));
        if (PersonnelSteps.StageOf(form.Step) is MarkStage stage && !confirmed)
        {
            if (!Accept(await commands.SaveDraftAsync(e, design, relation, form, Author())))
                return View("Details", await DetailsModelAsync(await ReloadAsync(id, relation, design, org), form));
            if (draft)
            {
                TempData["Message"] = $"{form.Step.Label()}を一時保存しました。確定するまでは、あなた以外には見えません。続きはいつでもこのシートから書けます。";
                return RedirectToAction(nameof(Details), new { id });
            }
            var check = PersonnelSteps.Check(e, design, relation, form, Clock.Today);
            if (check.Count > 0)
            {
                Accept(CommandResult.Refused(check));
                TempData["Message"] = "入力した内容は一時保存しました。足りないところを直してから確定してください。";
                return View("Details", await DetailsModelAsync(view, form));
            }
            return View("ConfirmMarks", new ConfirmMarksModel(view, stage, form, e.Version, PersonnelSteps.Consequences(form.Step, e)));
        }
        if (form.Step is PersonnelStep.Confirm or PersonnelStep.Disclose && !confirmed)
        {
            var check = PersonnelSteps.Check(e, design, relation, form, Clock.Today);
            if (check.Count > 0)
            {
                Accept(CommandResult.Refused(check));
                return View("Details", await DetailsModelAsync(view, form));
            }
            return View("Confirm", ConfirmOf(e, form));
        }
        if (Accept(await commands.TakeStepAsync(e, design, relation, form, Author())))
        {
            TempData["Message"] = $"{form.Step.Label()}を記録しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        return View("Details", await DetailsModelAsync(await ReloadAsync(id, relation, design, org), form));
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

    [HttpPost("{id:int}/Reassign")]
    [ReadLogAs("評価者の変更")]
    public async Task<IActionResult> Reassign(int id, int version, string? firstEvaluatorId, string? secondEvaluatorId, string? reason)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        var mine = await pages.StaffIdsOfAsync(me.UserId);
        var relation = PersonnelAccess.RelationOf(Actor, mine, e);
        if (!relation.HasFlag(PersonnelRelation.Division)) return Forbidden(relation.HasFlag(PersonnelRelation.Self) ? "自分の評価の評価者は、別の人事担当が変えます。" : "評価者を変えられるのは人事担当です。");
        var org = await orgTree.GetAsync();
        var choices = await pages.EvaluatorChoicesAsync(e.FiscalYear, org);
        // The choice is bound as text: something that is not a number is refused, never read as 「なし」.
        var first = PersonnelCommands.ReadEvaluatorId(firstEvaluatorId);
        var second = PersonnelCommands.ReadEvaluatorId(secondEvaluatorId);
        var result = first.Ok && second.Ok
            ? await commands.ReassignAsync(e, relation, mine, version, first.Id, second.Id, reason, choices, Author())
            : CommandResult.Refused(first.Ok ? "SecondEvaluatorId" : "FirstEvaluatorId", "評価者は一覧から選んでください。");
        if (Accept(result))
        {
            TempData["Message"] = "評価者を変更しました。";
            return RedirectToAction(nameof(Details), new { id });
        }
        var design = (await pages.DesignAsync(e.FiscalYear))!;
        return View("Details", await DetailsModelAsync(await ReloadAsync(id, relation, design, org), new PersonnelStepForm { Version = version }));
    }

    [HttpGet("{id:int}/Goals")]
    [ReadLogAs("目標の編集")]
    public async Task<IActionResult> Goals(int id)
    {
        var (view, result) = await ReadAsync(id);
        if (view is null) return result!;
        if (PersonnelWorkflow.CheckGoalEdit(view.Relation, view.Evaluation) is string refusal) return Forbidden(refusal);
        var form = PersonnelPages.FormOf(view.Evaluation);
        form.ChangedOn = Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        form.Pad();
        return View(new PersonnelGoalsModel(view.Evaluation, form, await pages.ServesOptionsAsync(view.Evaluation.OrgUnitId, view.Evaluation.FiscalYear, await orgTree.GetAsync()),
            PersonnelWorkflow.EditIsChange(view.Evaluation)));
    }

    [HttpPost("{id:int}/Goals")]
    [ReadLogAs("目標の保存")]
    public async Task<IActionResult> Goals(int id, PerformanceGoalsForm form)
    {
        var e = await commands.ForEditAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return NotFound();
        var relation = PersonnelAccess.RelationOf(Actor, await pages.StaffIdsOfAsync(me.UserId), e);
        if (PersonnelWorkflow.CheckGoalEdit(relation, e) is string refusal) return Forbidden(refusal);
        var options = await pages.ServesOptionsAsync(e.OrgUnitId, e.FiscalYear, await orgTree.GetAsync());
        var isChange = PersonnelWorkflow.EditIsChange(e);
        if (await RunAsync(form, () => Task.FromResult(new CommandResult()), () => commands.SaveGoalsAsync(e, relation, form, options, Author())) is not null)
        {
            TempData["Message"] = isChange ? "目標の変更を、面談の日と理由とともに記録しました。" : "業績目標を保存しました。提出するまでは何度でも直せます。";
            return RedirectToAction(nameof(Details), new { id });
        }
        form.Pad();
        var shown = await pages.EvaluationAsync(id);
        return View(new PersonnelGoalsModel(shown!, form, options, isChange));
    }

    /// The evaluation with what the reader may see of it (the read is logged where it is read, PersonnelReads); or 404
    /// for anyone it does not concern.
    private async Task<(PersonnelView? View, IActionResult? Result)> ReadAsync(int id)
    {
        var e = await pages.EvaluationAsync(id);
        if (e is null || !await MayAsync(e, RecordOperations.Read)) return (null, NotFound());
        var relation = PersonnelAccess.RelationOf(Actor, await pages.StaffIdsOfAsync(me.UserId), e);
        var design = await pages.DesignAsync(e.FiscalYear);
        if (design is null) return (null, NotFound());
        return (new PersonnelView(e, design, relation, (await orgTree.GetAsync()).PathName(e.OrgUnitId)), null);
    }

    private async Task<PersonnelView> ReloadAsync(int id, PersonnelRelation relation, PersonnelDesign design, OrgTree org)
    {
        Db.ChangeTracker.Clear();
        var e = (await pages.EvaluationAsync(id))!;
        return new PersonnelView(e, design, relation, org.PathName(e.OrgUnitId));
    }

    private async Task<PersonnelDetailsModel> DetailsModelAsync(PersonnelView view, PersonnelStepForm form)
    {
        var e = view.Evaluation;
        var actions = PersonnelWorkflow.NextActions(view.Relation, e, Clock.Today);
        if (form.Marks.Count == 0 && actions.FirstOrDefault(a => PersonnelSteps.StageOf(a) is not null) is var resumed && PersonnelSteps.StageOf(resumed) is MarkStage draftStage
            && e.HasDraft(draftStage))
        {
            // A draft saved before opens again as it was left.
            foreach (var (key, _, _) in PersonnelSteps.Items(e, view.Design))
            {
                var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
                var isGoal = key[0] == 'G';
                var saved = isGoal ? e.DraftMark(draftStage, AppraisalPart.Performance, goalId: id) : e.DraftMark(draftStage, AppraisalPart.Competence, criterionId: id);
                form.Marks.Add(new MarkRow { Key = key, Grade = saved?.Grade, Comment = saved?.Comment, Result = isGoal ? saved?.DraftResult : null });
            }
            form.CompetenceGrade ??= e.DraftMark(draftStage, AppraisalPart.Competence)?.Grade;
            form.PerformanceGrade ??= e.DraftMark(draftStage, AppraisalPart.Performance)?.Grade;
        }
        if (form.Marks.Count == 0 && actions.FirstOrDefault(a => PersonnelSteps.StageOf(a) is not null) is var step && PersonnelSteps.StageOf(step) is MarkStage stage)
        {
            // The form starts from what the stage before said, so an evaluator changes only where they differ.
            var from = stage == MarkStage.Self ? MarkStage.Self : stage - 1;
            foreach (var (key, _, _) in PersonnelSteps.Items(e, view.Design))
            {
                var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
                var part = key[0] == 'G' ? AppraisalPart.Performance : AppraisalPart.Competence;
                var prior = part == AppraisalPart.Performance ? e.Mark(from, part, goalId: id) : e.Mark(from, part, criterionId: id);
                form.Marks.Add(new MarkRow { Key = key, Grade = prior?.Grade, Result = part == AppraisalPart.Performance ? e.Goals.First(g => g.Id == id).Result : null });
            }
        }
        if (actions.Contains(PersonnelStep.Confirm) && form.CompetenceGrade is null)
        {
            form.CompetenceGrade = e.LastEvaluatorGrade(AppraisalPart.Competence);
            form.PerformanceGrade = e.LastEvaluatorGrade(AppraisalPart.Performance);
        }
        form.InterviewOn ??= Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var choices = view.Relation.HasFlag(PersonnelRelation.Division) ? await pages.EvaluatorChoicesAsync(e.FiscalYear, await orgTree.GetAsync()) : [];
        return new PersonnelDetailsModel(view, actions, form, PersonnelWorkflow.CheckGoalEdit(view.Relation, e) is null, choices, Clock.Today);
    }

    private ConfirmStep ConfirmOf(PersonnelEvaluation e, PersonnelStepForm form)
    {
        var hidden = new Dictionary<string, string>
        {
            ["Version"] = form.Version.ToString(CultureInfo.InvariantCulture), ["Step"] = form.Step.ToString(), ["confirmed"] = "true",
            ["CompetenceGrade"] = form.CompetenceGrade ?? "", ["PerformanceGrade"] = form.PerformanceGrade ?? "", ["AdjustmentReason"] = form.AdjustmentReason ?? "",
            ["AdjustmentNote"] = form.AdjustmentNote ?? "",
        };
        var subject = $"{e.StaffMember!.Name}（{e.StaffMember.StaffNumber}）" + (form.Step == PersonnelStep.Confirm ? $" 能力評価 {form.CompetenceGrade}・業績評価 {form.PerformanceGrade}" : "");
        var consequences = PersonnelSteps.Consequences(form.Step, e).ToList();
        if (form.Step == PersonnelStep.Confirm)
        {
            consequences.Add($"本人に開示する調整の理由: {(string.IsNullOrWhiteSpace(form.AdjustmentReason) ? "（なし）" : form.AdjustmentReason.Trim())}");
            consequences.Add($"人事課内のメモ（開示しません）: {(string.IsNullOrWhiteSpace(form.AdjustmentNote) ? "（なし）" : form.AdjustmentNote.Trim())}");
        }
        return new ConfirmStep(form.Step.Label(), subject, consequences, Url.Action(nameof(Act), new { id = e.Id })!,
            form.Step == PersonnelStep.Confirm ? "この評語で確定する" : "開示する", Url.Action(nameof(Details), new { id = e.Id })!, hidden);
    }

    private PersonnelAuthor Author() => new(Actor.UserName, me.DisplayName, Clock.UtcNow, Clock.Today);
}
