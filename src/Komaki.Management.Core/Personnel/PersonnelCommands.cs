using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Personnel;

/// Saving an evaluation's goals and steps, reassigning its evaluators, and opening a year's evaluations.
public sealed class PersonnelCommands(AppDbContext db, RecordSaver saver, PersonnelReads reads) : IUseCase
{
    /// The evaluation a step is taken on: read in full (a refused step shows it again), so noted in the read log.
    public async Task<PersonnelEvaluation?> ForEditAsync(int id)
    {
        var e = await PersonnelPages.WithDetails(db.PersonnelEvaluations).FirstOrDefaultAsync(e => e.Id == id);
        if (e is not null) reads.Loaded([e.Id]);
        return e;
    }

    /// The evaluation as saved, after a refused step changed it in memory: what the sheet shows again (a read, logged).
    public async Task<PersonnelEvaluation> AsSavedAsync(int id)
    {
        db.ChangeTracker.Clear();
        var e = await PersonnelPages.WithDetails(db.PersonnelEvaluations.AsNoTracking()).FirstAsync(e => e.Id == id);
        reads.Loaded([e.Id]);
        return e;
    }

    public Task<PersonnelDesign?> DesignForEditAsync(int year) =>
        db.PersonnelDesigns.Include(d => d.Grades).Include(d => d.Criteria).AsSplitQuery().FirstOrDefaultAsync(d => d.FiscalYear == year);

    /// A step: refused with the reasons beside their fields, or taken and saved with its event.
    public async Task<CommandResult> TakeStepAsync(PersonnelEvaluation e, PersonnelDesign design, PersonnelRelation r, PersonnelStepForm form, PersonnelAuthor author)
    {
        var errors = PersonnelSteps.Check(e, design, r, form, author.Today);
        if (errors.Count > 0) return CommandResult.Refused(errors);
        PersonnelSteps.Take(e, design, form, author);
        return await saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    /// Whether the step may be taken with what was sent, asked before its confirmation page: the reasons beside their fields.
    public static CommandResult CheckStep(PersonnelView view, PersonnelStepForm form, DateOnly today) =>
        CommandResult.Refused(PersonnelSteps.Check(view.Evaluation, view.Design, view.Relation, form, today));

    /// 一時保存 of a stage's marks: nothing moves on, nobody else sees it, and the form opens on it again.
    public async Task<CommandResult> SaveDraftAsync(PersonnelEvaluation e, PersonnelDesign design, PersonnelRelation r, PersonnelStepForm form, PersonnelAuthor author)
    {
        var errors = PersonnelSteps.CheckDraft(e, design, r, form, author.Today);
        if (errors.Count > 0) return CommandResult.Refused(errors);
        PersonnelSteps.TakeDraft(e, design, form);
        return await saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    /// 「前年度の設計を写す」: the scale, the criteria with their 着眼点 and weights, the disclosure and the complaint
    /// window of the year before, with every date a year later. The copy is the new year's design, edited as any other
    /// until the year opens; a year already opened is not replaced.
    public async Task<CommandResult> CopyPreviousDesignAsync(int year)
    {
        var previous = await db.PersonnelDesigns.AsNoTracking().Include(d => d.Grades).Include(d => d.Criteria).AsSplitQuery().FirstOrDefaultAsync(d => d.FiscalYear == year - 1);
        if (previous is null) return CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(year - 1)}の設計がないため、写せません。");
        var design = await DesignForEditAsync(year);
        if (design?.OpenedAt is not null) return CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(year)}は評価を開始しているため、設計を写し直せません。");
        var isNew = design is null;
        design ??= new PersonnelDesign { FiscalYear = year };
        design.PeriodStart = previous.PeriodStart.AddYears(1);
        design.PeriodEnd = previous.PeriodEnd.AddYears(1);
        design.ReferenceDate = previous.ReferenceDate.AddYears(1);
        design.GoalsDue = previous.GoalsDue.AddYears(1);
        design.MidYearDue = previous.MidYearDue.AddYears(1);
        design.SelfDue = previous.SelfDue.AddYears(1);
        design.FirstDue = previous.FirstDue.AddYears(1);
        design.SecondDue = previous.SecondDue.AddYears(1);
        design.AdjustDue = previous.AdjustDue.AddYears(1);
        design.DisclosureDue = previous.DisclosureDue.AddYears(1);
        design.ComplaintDays = previous.ComplaintDays;
        design.DiscloseDetails = previous.DiscloseDetails;
        design.Grades.Clear();
        design.Criteria.Clear();
        foreach (var g in previous.Grades.OrderBy(g => g.SortOrder))
            design.Grades.Add(new DesignGrade { Code = g.Code, Label = g.Label, Points = g.Points, MaxShare = g.MaxShare, BonusCategory = g.BonusCategory, SortOrder = g.SortOrder });
        foreach (var c in previous.Criteria.OrderBy(c => c.JobLevel).ThenBy(c => c.SortOrder))
            design.Criteria.Add(new CompetenceCriterion { JobLevel = c.JobLevel, Name = c.Name, Viewpoints = c.Viewpoints, Weight = c.Weight, SortOrder = c.SortOrder });
        if (isNew)
        {
            db.PersonnelDesigns.Add(design);
            return await saver.SaveAsync();
        }
        return await saver.SaveEditAsync(design, design.Version, design.AuditTarget);
    }

    /// 特別職の評価者: the personnel division registers the 市長・副市長・教育長 who evaluate 部長, with the account they
    /// sign in with, outside the register the staff import reads. The form is valid (SpecialEvaluatorFormValidator).
    public async Task<CommandResult> RegisterSpecialAsync(SpecialEvaluatorForm form)
    {
        var (result, userId) = await SpecialAccountAsync(form);
        if (!result.Succeeded) return result;
        var prefix = $"特別職-{form.Post!.Value.Label()}";
        var taken = await db.StaffMembers.Where(m => m.StaffNumber.StartsWith(prefix)).Select(m => m.StaffNumber).ToListAsync();
        var number = prefix;
        for (var n = 2; taken.Contains(number); n++) number = $"{prefix}-{n}";
        db.StaffMembers.Add(new StaffMember { StaffNumber = number, Name = form.Name!.Trim(), Email = form.Email!.Trim(), UserId = userId, SpecialPost = form.Post });
        return await saver.SaveAsync();
    }

    /// What the form alone cannot say: whether the account of the address exists and is free (shown beside the
    /// form's own refusals, so every problem is seen at once).
    public async Task<CommandResult> CheckSpecialAsync(SpecialEvaluatorForm form) => (await SpecialAccountAsync(form)).Result;

    private async Task<(CommandResult Result, string? UserId)> SpecialAccountAsync(SpecialEvaluatorForm form)
    {
        var result = new CommandResult();
        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email)) return (result, null);
        var normalized = email.ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync();
        if (userId is null) result.Add(nameof(form.Email), $"メールアドレス {email} のアカウントがありません。先にアカウントを作ってください。");
        else if (await db.StaffMembers.AnyAsync(m => m.UserId == userId))
            result.Add(nameof(form.Email), $"メールアドレス {email} のアカウントは、すでに職員または特別職に紐付いています。");
        return (result, userId);
    }

    /// The 特別職 named first evaluator of every 部長級 sheet of the year that has none, with the reason in each log.
    public async Task<(CommandResult Result, int Count)> NameForDepartmentChiefsAsync(int year, int specialId, IReadOnlySet<int> actorStaffIds, PersonnelAuthor author)
    {
        var special = await db.StaffMembers.FirstOrDefaultAsync(m => m.Id == specialId && m.SpecialPost != null);
        if (special is null) return (CommandResult.Refused("SpecialId", "評価者にする特別職を選んでください。"), 0);
        var sheets = await db.PersonnelEvaluations.Include(e => e.Events)
            .Where(e => e.FiscalYear == year && e.JobLevel == JobLevel.DepartmentChief && e.FirstEvaluatorId == null && e.State < PersonnelState.Confirmed
                && !actorStaffIds.Contains(e.StaffMemberId)).ToListAsync();
        if (sheets.Count == 0) return (CommandResult.Refused("SpecialId", "評価者が未設定の部長級のシートはありません（自分のシートは別の人事担当が指名します）。"), 0);
        foreach (var e in sheets)
        {
            e.FirstEvaluatorId = special.Id;
            e.Events.Add(new PersonnelEvent
            {
                Step = PersonnelStep.Reassign, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At,
                Comment = $"一次評価者 {special.SpecialPost!.Value.Label()} {special.Name}、二次評価者 なし。部長級の評価者として指名。",
            });
        }
        return (await saver.SaveAsync(), sheets.Count);
    }

    /// The goals as one form. While the goals are being set the person writes them freely; after they were agreed a
    /// change is recorded with the day of the interview, the reason and the goal before and after.
    public async Task<CommandResult> SaveGoalsAsync(PersonnelEvaluation e, PersonnelRelation r, PerformanceGoalsForm form, IReadOnlyList<ServesOption> options, PersonnelAuthor author)
    {
        if (PersonnelWorkflow.CheckGoalEdit(r, e) is string refusal) return CommandResult.Refused(string.Empty, refusal);
        var result = new CommandResult();
        var isChange = PersonnelWorkflow.EditIsChange(e);
        DateOnly changedOn = default;
        if (isChange)
        {
            if (!DateOnly.TryParseExact(form.ChangedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out changedOn))
                result.Add(nameof(form.ChangedOn), "目標を変えた面談の日を入力してください。");
            else if (changedOn > author.Today) result.Add(nameof(form.ChangedOn), "面談の日に先の日付は入れられません。");
            if (string.IsNullOrWhiteSpace(form.ChangeReason)) result.Add(nameof(form.ChangeReason), "目標を変える理由を書いてください。");
        }
        var rows = form.Goals.Select((row, i) => (row, i)).Where(x => !PerformanceGoalsForm.IsBlank(x.row)).ToList();
        foreach (var (row, i) in rows)
        {
            if (row.Id != 0 && e.Goals.All(g => g.Id != row.Id)) result.Add($"Goals[{i}].Title", "この目標は、この評価の目標ではありません。");
            if (!string.IsNullOrWhiteSpace(row.Serves) && options.All(o => o.Value != row.Serves)) result.Add($"Goals[{i}].Serves", "関連づけられるのは、自分の所属とその上位の組織目標と、それが関わる施策・事業です。");
        }
        if (!result.Succeeded) return result;

        var before = Describe(e.OrderedGoals);
        foreach (var (row, _) in rows)
        {
            var goal = row.Id == 0 ? null : e.Goals.First(g => g.Id == row.Id);
            if (row.Remove)
            {
                if (goal is not null) e.Goals.Remove(goal);
                continue;
            }
            if (goal is null)
            {
                goal = new PerformanceGoal { FiscalYear = e.FiscalYear, OwnerUserId = null, SortOrder = e.Goals.Count == 0 ? 1 : e.Goals.Max(g => g.SortOrder) + 1 };
                e.Goals.Add(goal);
            }
            goal.Title = row.Title!.Trim();
            goal.Description = (row.Description ?? "").Trim();
            goal.Target = string.IsNullOrWhiteSpace(row.Target) ? null : row.Target.Trim();
            goal.Difficulty = row.Difficulty;
            PerformanceGoalsFormValidator.ReadWeight(row.Weight, out var weight);
            goal.Weight = weight;
            // Only the keys are set, never the loaded references: clearing a reference that is loaded makes EF clear the
            // key it still matches, so a link saved unchanged would be lost.
            var servedBefore = goal.Id == 0 ? null : PersonnelPages.ServesValue(goal);
            int? serves = row.Serves is { Length: > 2 } s && int.TryParse(s[2..], CultureInfo.InvariantCulture, out var id) ? id : null;
            var kind = row.Serves is { Length: > 2 } k ? k[0] : ' ';
            goal.OrganizationalGoalId = kind == 'G' ? serves : null;
            goal.MeasureId = kind == 'M' ? serves : null;
            goal.ProjectId = kind == 'P' ? serves : null;
            goal.ManifestoItemId = kind == 'I' ? serves : null;
            // A change after agreement is agreed at its interview: a goal that now serves another record keeps that
            // record's wording of today (the loaded references still point at the old one).
            if (isChange && (goal.Id == 0 || servedBefore != PersonnelPages.ServesValue(goal))) goal.AgreedServes = await WordingOfTodayAsync(goal) ?? "";
        }
        if (isChange)
        {
            if (e.Goals.Count == 0) return CommandResult.Refused(string.Empty, "合意した目標をすべて外すことはできません。");
            var after = Describe(e.OrderedGoals);
            if (after == before) return CommandResult.Refused(string.Empty, "目標は変わっていません。");
            e.GoalChanges.Add(new PerformanceGoalChange
            {
                ChangedOn = changedOn, Reason = form.ChangeReason!.Trim(), Before = before, After = after, UserName = author.UserName, DisplayName = author.DisplayName,
            });
            e.Events.Add(new PersonnelEvent { Step = PersonnelStep.ChangeGoals, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At, Comment = form.ChangeReason!.Trim() });
        }
        return await saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    private async Task<string?> WordingOfTodayAsync(PerformanceGoal g) => PerformanceGoal.ServesWording(
        g.OrganizationalGoalId is int a ? await db.OrganizationalGoals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a) : null,
        g.MeasureId is int b ? await db.Measures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b) : null,
        g.ProjectId is int c ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c) : null,
        g.ManifestoItemId is int d ? await db.ManifestoItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d) : null);

    /// The goals as text, for the record of a change: "目標（達成基準／困難度／ウエイト）" per line.
    private static string Describe(IEnumerable<PerformanceGoal> goals) =>
        string.Join("\n", goals.Select(g => $"{g.Title}（達成基準: {g.Target ?? "—"}／困難度: {(g.Difficulty is { } d ? d.Label() : "—")}／ウエイト: {g.Weight?.ToString(CultureInfo.InvariantCulture) ?? "—"}）"));

    /// 評価者の変更 by the personnel division, when someone moves or is absent.
    /// An evaluator chosen in the form: empty is none; anything but a number is refused.
    public static (bool Ok, int? Id) ReadEvaluatorId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (true, null)
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (true, id)
        : (false, null);

    /// What the sheet's log says of a change of evaluators; the reason fits the log's comment after the two names.
    public static string ReassignNote(string? first, string? second, string reason) => $"一次評価者 {first ?? "なし"}、二次評価者 {second ?? "なし"}。{reason.Trim()}";

    public static int ReassignReasonLength =>
        ModelLengths.Of<PersonnelEvent>(x => x.Comment) - ReassignNote(new string('名', ModelLengths.Of<StaffMember>(m => m.Name)), new string('名', ModelLengths.Of<StaffMember>(m => m.Name)), "").Length;

    /// Nobody names themselves as an evaluator, nor, as the evaluator of a person, someone that person evaluates.
    public async Task<CommandResult> ReassignAsync(PersonnelEvaluation e, PersonnelRelation r, IReadOnlySet<int> actorStaffIds, ReassignForm form,
        IReadOnlyList<(int Id, string Text)> choices, PersonnelAuthor author)
    {
        if (PersonnelWorkflow.Check(r, e, PersonnelStep.Reassign, author.Today) is string refusal) return CommandResult.Refused(string.Empty, refusal);
        var (firstOk, firstId) = ReadEvaluatorId(form.FirstEvaluatorId);
        var (secondOk, secondId) = ReadEvaluatorId(form.SecondEvaluatorId);
        if (!firstOk || !secondOk) return CommandResult.Refused(firstOk ? "SecondEvaluatorId" : "FirstEvaluatorId", "評価者は一覧から選んでください。");
        var reason = form.Reason;
        var result = new CommandResult();
        var named = new[] { ("FirstEvaluatorId", firstId), ("SecondEvaluatorId", secondId) };
        foreach (var (field, id) in named)
            if (id is int x && actorStaffIds.Contains(x) && x != (field == "FirstEvaluatorId" ? e.FirstEvaluatorId : e.SecondEvaluatorId))
                result.Add(field, "自分を評価者に指名することはできません。別の人事担当が指名します。");
        var evaluatedByPerson = await db.PersonnelEvaluations.AsNoTracking()
            .Where(x => x.FiscalYear == e.FiscalYear && (x.FirstEvaluatorId == e.StaffMemberId || x.SecondEvaluatorId == e.StaffMemberId))
            .Select(x => x.StaffMemberId).ToListAsync();
        foreach (var (field, id) in named)
            if (id is int x && evaluatedByPerson.Contains(x)) result.Add(field, "本人が評価している職員を、本人の評価者にはできません。");
        if (firstId is int f && choices.All(c => c.Id != f)) result.Add("FirstEvaluatorId", "一次評価者は、この年度に所属のある係長級以上の職員か、登録した特別職から選んでください。");
        if (secondId is int s && choices.All(c => c.Id != s)) result.Add("SecondEvaluatorId", "二次評価者は、この年度に所属のある係長級以上の職員か、登録した特別職から選んでください。");
        if (firstId == e.StaffMemberId || secondId == e.StaffMemberId) result.Add("FirstEvaluatorId", "本人を評価者にはできません。");
        if (firstId is not null && firstId == secondId) result.Add("SecondEvaluatorId", "一次評価者と二次評価者は別の職員にしてください。");
        if (string.IsNullOrWhiteSpace(reason)) result.Add("Reason", "変更の理由（異動・休職など）を書いてください。");
        if (secondId is not null && e.State == PersonnelState.SecondEvaluated && e.SecondEvaluatorId is null)
            result.Add("SecondEvaluatorId", "この評価は一次評価の後に調整へ進んでいます。");
        if (!result.Succeeded) return result;
        if (e.FirstEvaluatorId == firstId && e.SecondEvaluatorId == secondId) return CommandResult.Refused(string.Empty, "評価者は変わっていません。");
        var names = await db.StaffMembers.Where(m => m.Id == firstId || m.Id == secondId).ToDictionaryAsync(m => m.Id, m => m.Name);
        e.FirstEvaluatorId = firstId;
        e.SecondEvaluatorId = secondId;
        e.Events.Add(new PersonnelEvent
        {
            Step = PersonnelStep.Reassign, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At,
            Comment = ReassignNote(firstId is int a ? names[a] : null, secondId is int b ? names[b] : null, reason!),
        });
        return await saver.SaveEditAsync(e, form.Version, e.AuditTarget);
    }

    /// 評価の開始: an evaluation for everyone in the register with a post on the reference date who has none yet this
    /// year, with the post, the unit and the derived evaluators of that day; goals the person wrote for the year before
    /// it opened are attached. Run again after late hires are imported, it adds only them. Fixes the design.
    public async Task<(CommandResult Result, int Opened, int WithoutEvaluator)> OpenYearAsync(PersonnelDesign design, OrgTree org, PersonnelAuthor author)
    {
        var year = design.FiscalYear;
        var assignments = await db.StaffAssignments.AsNoTracking().Include(a => a.StaffMember).Where(a => a.FiscalYear == year).ToListAsync();
        var posts = assignments.GroupBy(a => a.StaffMemberId).Select(g => EvaluatorChain.On(g, year, design.ReferenceDate)).OfType<StaffAssignment>().ToList();
        if (posts.Count == 0) return (CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(year)}の評価基準日（{Wareki.Date(design.ReferenceDate)}）に所属のある職員がいません。先に職員名簿を取り込んでください（komaki import staff）。"), 0, 0);
        var chainPosts = posts.Select(p => new EvaluatorChain.Post(p.StaffMemberId, p.OrgUnitId, p.JobLevel)).ToList();
        var existing = (await db.PersonnelEvaluations.Where(e => e.FiscalYear == year).Select(e => e.StaffMemberId).ToListAsync()).ToHashSet();
        var drafts = await db.PerformanceGoals.Where(g => g.FiscalYear == year && g.PersonnelEvaluationId == null && g.OwnerUserId != null).ToListAsync();
        int opened = 0, without = 0;
        foreach (var post in posts.Where(p => !existing.Contains(p.StaffMemberId)))
        {
            var (first, second) = EvaluatorChain.Derive(new(post.StaffMemberId, post.OrgUnitId, post.JobLevel), chainPosts, org);
            var e = new PersonnelEvaluation
            {
                FiscalYear = year, StaffMemberId = post.StaffMemberId, OrgUnitId = post.OrgUnitId, Position = post.Position, JobLevel = post.JobLevel,
                FirstEvaluatorId = first, SecondEvaluatorId = second,
            };
            var order = 0;
            foreach (var g in drafts.Where(g => post.StaffMember!.UserId is string u && g.OwnerUserId == u).OrderBy(g => g.Id))
            {
                g.SortOrder = ++order;
                e.Goals.Add(g);
            }
            e.Events.Add(new PersonnelEvent { Step = PersonnelStep.Opened, UserName = author.UserName, DisplayName = author.DisplayName, At = author.At });
            db.PersonnelEvaluations.Add(e);
            opened++;
            if (first is null) without++;
        }
        if (opened == 0) return (CommandResult.Refused(string.Empty, "名簿の職員はすべて、この年度の評価が始まっています。"), 0, 0);
        var tracked = await db.PersonnelDesigns.FirstAsync(d => d.Id == design.Id);
        tracked.OpenedAt ??= author.At;
        return (await saver.SaveAsync(), opened, without);
    }

    /// Saves the year's design. Once the year is opened, the scale and the criteria stay: only dates, the complaint
    /// window, the disclosure of details, the grades' labels, guide and 勤勉手当区分 and the criteria's 着眼点 may change —
    /// the labels, points, 勤勉手当区分 and 着眼点 only until the first sheet of the year is 調整・確認済.
    public async Task<CommandResult> SaveDesignAsync(PersonnelDesignForm form)
    {
        var design = await DesignForEditAsync(form.FiscalYear);
        var isNew = design is null;
        design ??= new PersonnelDesign { FiscalYear = form.FiscalYear };
        var grades = form.Grades.Where(g => !string.IsNullOrWhiteSpace(g.Code)).ToList();
        var criteria = form.Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (design.OpenedAt is not null)
        {
            var sameScale = grades.Select(g => g.Code!.Trim()).SequenceEqual(design.Grades.OrderBy(g => g.SortOrder).Select(g => g.Code));
            var sameCriteria = criteria.Count == design.Criteria.Count
                && criteria.Zip(design.Criteria.OrderBy(c => c.JobLevel).ThenBy(c => c.SortOrder)).All(x => x.First.JobLevel == x.Second.JobLevel && x.First.Name!.Trim() == x.Second.Name
                    && PerformanceGoalsFormValidator.ReadWeight(x.First.Weight, out var w) && w == x.Second.Weight);
            if (!sameScale) return CommandResult.Refused("Grades", "評価を開始した年度の評語（S・A・B…の並び）は変えられません。");
            if (!sameCriteria) return CommandResult.Refused("Criteria", "評価を開始した年度の評価項目とウエイトは変えられません（着眼点の文言は、調整・確認を済ませた評価が出るまで直せます）。");
            if (await SettledChangesAsync(design, form) is { Count: > 0 } settled) return CommandResult.Refused(settled);
        }
        design.PeriodStart = form.PeriodStart!.Value;
        design.PeriodEnd = form.PeriodEnd!.Value;
        design.ReferenceDate = form.ReferenceDate!.Value;
        design.GoalsDue = form.GoalsDue!.Value;
        design.MidYearDue = form.MidYearDue!.Value;
        design.SelfDue = form.SelfDue!.Value;
        design.FirstDue = form.FirstDue!.Value;
        design.SecondDue = form.SecondDue!.Value;
        design.AdjustDue = form.AdjustDue!.Value;
        design.DisclosureDue = form.DisclosureDue!.Value;
        design.ComplaintDays = form.ComplaintDays!.Value;
        design.DiscloseDetails = form.DiscloseDetails;
        if (design.OpenedAt is null)
        {
            design.Grades.Clear();
            design.Criteria.Clear();
        }
        var order = 0;
        foreach (var row in grades)
        {
            // The validator has refused what does not read as a number.
            var points = NumberText.TryParse(row.Points, out var p) ? p : null;
            var share = NumberText.TryParse(row.MaxShare, out var m) ? m : null;
            var grade = design.OpenedAt is null ? new DesignGrade() : design.Grades.First(g => g.Code == row.Code!.Trim());
            if (design.OpenedAt is null) design.Grades.Add(grade);
            grade.Code = row.Code!.Trim();
            grade.Label = row.Label!.Trim();
            grade.Points = points ?? 0;
            grade.MaxShare = share is decimal s ? (int)s : null;
            grade.BonusCategory = (row.BonusCategory ?? "").Trim();
            grade.SortOrder = ++order;
        }
        order = 0;
        foreach (var row in criteria.OrderBy(c => c.JobLevel))
        {
            PerformanceGoalsFormValidator.ReadWeight(row.Weight, out var weight);
            var criterion = design.OpenedAt is null ? new CompetenceCriterion() : design.Criteria.First(c => c.JobLevel == row.JobLevel && c.Name == row.Name!.Trim());
            if (design.OpenedAt is null) design.Criteria.Add(criterion);
            criterion.JobLevel = row.JobLevel!.Value;
            criterion.Name = row.Name!.Trim();
            criterion.Viewpoints = (row.Viewpoints ?? "").Trim();
            criterion.Weight = weight ?? 0;
            criterion.SortOrder = ++order;
        }
        if (isNew)
        {
            db.PersonnelDesigns.Add(design);
            return await saver.SaveAsync();
        }
        return await saver.SaveEditAsync(design, form.Version, design.AuditTarget);
    }

    /// A sheet once 調整・確認済 (then 開示, 本人確認) shows and sends to payroll what its grades meant that day: the
    /// grade's 説明, its 点数 (the weighted average printed beside it) and its 勤勉手当区分. So from the first such sheet
    /// of the year these stay as they are; the guide (分布の目安) and the dates may still change.
    private async Task<List<FieldError>> SettledChangesAsync(PersonnelDesign design, PersonnelDesignForm form)
    {
        var settled = await db.PersonnelEvaluations.CountAsync(e => e.FiscalYear == design.FiscalYear && e.State >= PersonnelState.Confirmed);
        if (settled == 0) return [];
        var errors = new List<FieldError>();
        for (var n = 0; n < form.Grades.Count; n++)
        {
            var row = form.Grades[n];
            if (string.IsNullOrWhiteSpace(row.Code) || design.Grade(row.Code.Trim()) is not { } grade) continue;
            var why = $"調整・確認を済ませた評価が {settled:N0} 人あるため";
            if ((row.Label ?? "").Trim() != grade.Label)
                errors.Add(new FieldError($"Grades[{n}].Label", $"{why}、評語 {grade.Code} の説明は変えられません（「{grade.Label}」のまま）。"));
            if (!NumberText.TryParse(row.Points, out var points) || points != grade.Points)
                errors.Add(new FieldError($"Grades[{n}].Points", $"{why}、評語 {grade.Code} の点数は変えられません（{NumberText.Format(grade.Points)} のまま）。"));
            if ((row.BonusCategory ?? "").Trim() != grade.BonusCategory)
                errors.Add(new FieldError($"Grades[{n}].BonusCategory", $"{why}、評語 {grade.Code} の勤勉手当区分は変えられません（「{grade.BonusCategory}」のまま）。"));
        }
        // The period and the 基準日 the person was evaluated over, and the 着眼点 they were evaluated against, are
        // what the sheet says and the person acknowledged: the sheet keeps saying them.
        foreach (var (field, label, typed, kept) in new (string, string, DateOnly?, DateOnly)[]
        {
            (nameof(form.PeriodStart), "評価期間の初日", form.PeriodStart, design.PeriodStart), (nameof(form.PeriodEnd), "評価期間の末日", form.PeriodEnd, design.PeriodEnd),
            (nameof(form.ReferenceDate), "評価基準日", form.ReferenceDate, design.ReferenceDate),
        })
            if (typed != kept) errors.Add(new FieldError(field, $"調整・確認を済ませた評価が {settled:N0} 人あるため、{label}は変えられません（{Wareki.Date(kept)}のまま）。"));
        if (form.DiscloseDetails != design.DiscloseDetails && await db.PersonnelEvaluations.AnyAsync(e => e.FiscalYear == design.FiscalYear && e.State >= PersonnelState.Disclosed))
            errors.Add(new FieldError(nameof(form.DiscloseDetails), "開示を済ませた評価があるため、開示する範囲は変えられません。"));
        // The 着眼点 are what the person was evaluated against and acknowledged: the sheet keeps saying them.
        for (var n = 0; n < form.Criteria.Count; n++)
        {
            var row = form.Criteria[n];
            if (string.IsNullOrWhiteSpace(row.Name) || design.Criteria.FirstOrDefault(c => c.JobLevel == row.JobLevel && c.Name == row.Name.Trim()) is not { } criterion) continue;
            if ((row.Viewpoints ?? "").Trim() != criterion.Viewpoints)
                errors.Add(new FieldError($"Criteria[{n}].Viewpoints", $"調整・確認を済ませた評価が {settled:N0} 人あるため、評価項目「{criterion.Name}」の着眼点は変えられません。"));
        }
        return errors;
    }

    /// What each disclosed sheet's log says when some evaluations were left; the reason fits the log's comment after it.
    public static string DisclosureNote(int left, string reason) => $"未確定の {left:N0} 人を残して一斉開示: {reason.Trim()}";

    public static int DisclosureReasonLength => ModelLengths.Of<PersonnelEvent>(x => x.Comment) - DisclosureNote(999_999, "").Length;

    /// 開示 of every confirmed evaluation of the year at once (the usual way: on one day for everyone).
    /// The officer's own evaluation is left for another officer. When some evaluations of the year are not yet
    /// confirmed (DisclosureGaps), disclosing the others needs a reason, recorded in each disclosed sheet's log.
    public async Task<(CommandResult Result, int Count)> DiscloseAllAsync(int year, PersonnelDesign design, IReadOnlySet<int> actorStaffIds, PersonnelAuthor author, string? reason = null)
    {
        var confirmed = await db.PersonnelEvaluations.Include(e => e.Events)
            .Where(e => e.FiscalYear == year && e.State == PersonnelState.Confirmed && !actorStaffIds.Contains(e.StaffMemberId)).ToListAsync();
        if (confirmed.Count == 0) return (CommandResult.Refused(string.Empty, "開示できる（調整・確認済の）評価がありません（自分の評価は別の人事担当が開示します）。"), 0);
        var gaps = await PersonnelPages.DisclosureGapsAsync(db, year);
        var left = gaps.Sum(g => g.Count);
        if (left > 0 && string.IsNullOrWhiteSpace(reason))
            return (CommandResult.Refused("Comment", $"調整・確認の済んでいない評価が {left:N0} 人あります。残したまま開示する理由を書いてください（その人たちは確定した後に開示します）。"), 0);
        if ((reason?.Length ?? 0) > DisclosureReasonLength) return (CommandResult.Refused("Comment", $"理由は{DisclosureReasonLength}文字以内で入力してください。"), 0);
        var note = left > 0 ? DisclosureNote(left, reason!) : null;
        foreach (var e in confirmed) PersonnelSteps.Take(e, design, new PersonnelStepForm { Step = PersonnelStep.Disclose, Comment = note }, author);
        return (await saver.SaveAsync(), confirmed.Count);
    }

    public static PersonnelDesignForm FormOf(PersonnelDesign d) => new()
    {
        Version = d.Version, FiscalYear = d.FiscalYear, PeriodStart = d.PeriodStart, PeriodEnd = d.PeriodEnd, ReferenceDate = d.ReferenceDate,
        GoalsDue = d.GoalsDue, MidYearDue = d.MidYearDue, SelfDue = d.SelfDue, FirstDue = d.FirstDue, SecondDue = d.SecondDue, AdjustDue = d.AdjustDue,
        DisclosureDue = d.DisclosureDue, ComplaintDays = d.ComplaintDays, DiscloseDetails = d.DiscloseDetails,
        Grades = d.Grades.OrderBy(g => g.SortOrder).Select(g => new GradeRow
        {
            Code = g.Code, Label = g.Label, Points = NumberText.Format(g.Points), MaxShare = g.MaxShare?.ToString(CultureInfo.InvariantCulture), BonusCategory = g.BonusCategory,
        }).ToList(),
        Criteria = d.Criteria.OrderBy(c => c.JobLevel).ThenBy(c => c.SortOrder).Select(c => new CriterionRow
        {
            JobLevel = c.JobLevel, Name = c.Name, Viewpoints = c.Viewpoints, Weight = c.Weight.ToString(CultureInfo.InvariantCulture),
        }).ToList(),
    };

    /// The national model's defaults for a year not yet designed: 4月〜3月, reference date 1月1日, S〜D with B standard.
    public static PersonnelDesignForm DefaultForm(int year) => new()
    {
        FiscalYear = year, PeriodStart = new DateOnly(year, 4, 1), PeriodEnd = new DateOnly(year + 1, 3, 31), ReferenceDate = new DateOnly(year + 1, 1, 1),
        GoalsDue = new DateOnly(year, 5, 31), MidYearDue = new DateOnly(year, 10, 31), SelfDue = new DateOnly(year + 1, 1, 31), FirstDue = new DateOnly(year + 1, 2, 15),
        SecondDue = new DateOnly(year + 1, 2, 28), AdjustDue = new DateOnly(year + 1, 3, 15), DisclosureDue = new DateOnly(year + 1, 3, 31), ComplaintDays = 14, DiscloseDetails = true,
        Grades = DefaultGrades.Select(g => new GradeRow { Code = g.Code, Label = g.Label, Points = NumberText.Format(g.Points), MaxShare = g.MaxShare?.ToString(CultureInfo.InvariantCulture), BonusCategory = g.BonusCategory }).ToList(),
    };

    public static readonly IReadOnlyList<DesignGrade> DefaultGrades =
    [
        new() { Code = "S", Label = "特に優秀", Points = 5, MaxShare = 5, BonusCategory = "特に優秀" },
        new() { Code = "A", Label = "優秀", Points = 4, MaxShare = 25, BonusCategory = "優秀" },
        new() { Code = "B", Label = "標準（良好）", Points = 3, BonusCategory = "良好（標準）" },
        new() { Code = "C", Label = "やや不十分", Points = 2, BonusCategory = "良好でない" },
        new() { Code = "D", Label = "不十分", Points = 1, BonusCategory = "良好でない" },
    ];
}
