using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's 人事評価 for two divisions (道路課 and 環境対策課) and their departments' heads: the staff register,
/// the 市長 and 副市長 registered as 特別職 evaluators (the 副市長 evaluates both 部長), the designs of 令和7・8年度,
/// 令和7年度 evaluated, disclosed and acknowledged (one complaint answered), and 令和8年度 at the stages a December finds
/// them — most after the mid-year interview, some late, one person not yet started, one self-assessment saved as a draft.
internal sealed class DemoPersonnel(AppDbContext db)
{
    private sealed record Person(string Number, string Name, string Unit, string Position, JobLevel Level, int? Grade, EmploymentType Employment, string? Email);

    private static readonly Person[] People =
    [
        new("10001", "建設 正人", "都市建設部", "部長", JobLevel.DepartmentChief, 8, EmploymentType.Regular, "toshi-bucho@komaki.example"),
        new("10101", "道路 一郎", "道路課", "課長", JobLevel.DivisionChief, 7, EmploymentType.Regular, "doro-kacho@komaki.example"),
        new("10102", "舗装 誠", "道路課", "係長", JobLevel.SectionChief, 5, EmploymentType.Regular, null),
        new("10103", "道路 次郎", "道路課", "主事", JobLevel.General, 2, EmploymentType.Regular, "doro-tanto@komaki.example"),
        new("10104", "道路 三郎", "道路課", "主任", JobLevel.General, 3, EmploymentType.Regular, "doro-shuji@komaki.example"),
        new("10105", "橋本 優", "道路課", "技師", JobLevel.General, 2, EmploymentType.Regular, null),
        new("10106", "森 さくら", "道路課", "事務補助員", JobLevel.FiscalYearAppointee, null, EmploymentType.FiscalYearAppointed, null),
        new("20001", "市民 和子", "市民生活部", "部長", JobLevel.DepartmentChief, 8, EmploymentType.Regular, "shimin-bucho@komaki.example"),
        new("20101", "環境 三恵", "環境対策課", "課長", JobLevel.DivisionChief, 7, EmploymentType.Regular, "kankyo-kacho@komaki.example"),
        new("20102", "緑川 健", "環境対策課", "係長", JobLevel.SectionChief, 5, EmploymentType.Regular, null),
        new("20103", "清水 葵", "環境対策課", "主事", JobLevel.General, 2, EmploymentType.Regular, null),
        new("20104", "川上 翔", "環境対策課", "主任", JobLevel.General, 3, EmploymentType.Reappointed, null),
        new("20105", "小池 由美", "環境対策課", "事務補助員", JobLevel.FiscalYearAppointee, null, EmploymentType.FiscalYearAppointed, null),
    ];

    private static readonly (JobLevel Level, string Name, string Viewpoints, int Weight)[] Criteria =
    [
        (JobLevel.DepartmentChief, "構想・判断", "市の方針を踏まえ、部の目標と施策の方向を示し、重要な判断を適時に行っている。", 40),
        (JobLevel.DepartmentChief, "組織統率", "部内の課をまとめ、課題の優先順位を示し、成果に導いている。", 30),
        (JobLevel.DepartmentChief, "対外調整", "議会・関係機関・市民と調整し、理解と協力を得ている。", 30),
        (JobLevel.DivisionChief, "組織運営", "課の目標を設定し、進み具合を管理して、成果を上げている。", 40),
        (JobLevel.DivisionChief, "判断・決断", "情報を集めて課題を見極め、責任を持って判断している。", 30),
        (JobLevel.DivisionChief, "人材育成", "部下の意欲と能力を引き出し、面談で適切に助言している。", 30),
        (JobLevel.SectionChief, "業務管理", "係の業務を計画し、期限と品質を守って進めている。", 40),
        (JobLevel.SectionChief, "指導・育成", "係員に業務の目的と方法を示し、育成している。", 30),
        (JobLevel.SectionChief, "課題対応", "問題を早く見つけ、解決策を考えて実行している。", 30),
        (JobLevel.General, "知識・技術", "業務に必要な法令・制度・技術を身に付け、正確に処理している。", 30),
        (JobLevel.General, "業務遂行", "計画的に仕事を進め、期限を守っている。", 30),
        (JobLevel.General, "市民対応", "相手の立場に立ち、分かりやすく説明している。", 20),
        (JobLevel.General, "協調性・責任感", "周囲と協力し、任された仕事を最後までやり遂げている。", 20),
        (JobLevel.FiscalYearAppointee, "知識・技術", "担当する業務の手順を理解し、正確に処理している。", 50),
        (JobLevel.FiscalYearAppointee, "業務への取組姿勢", "指示を理解し、周囲と協力して誠実に取り組んでいる。", 50),
    ];

    public async Task SeedAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        var staff = new Dictionary<string, StaffMember>();
        foreach (var p in People)
        {
            var member = new StaffMember { StaffNumber = p.Number, Name = p.Name, Email = p.Email, UserId = p.Email is null ? null : users[p.Email].Id };
            foreach (var year in new[] { 2025, 2026 })
                member.Assignments.Add(new StaffAssignment { FiscalYear = year, StartsOn = new DateOnly(year, 4, 1), OrgUnitId = units[p.Unit].Id, Position = p.Position, JobLevel = p.Level, SalaryGrade = p.Grade, Employment = p.Employment });
            staff[p.Number] = member;
            db.StaffMembers.Add(member);
        }
        var mayor = users["shicho@komaki.example"];
        var deputy = users["fukushicho@komaki.example"];
        db.StaffMembers.Add(new StaffMember { StaffNumber = "特別職-市長", Name = mayor.DisplayName, Email = mayor.Email, UserId = mayor.Id, SpecialPost = SpecialPost.Mayor });
        var deputyMember = new StaffMember { StaffNumber = "特別職-副市長", Name = deputy.DisplayName, Email = deputy.Email, UserId = deputy.Id, SpecialPost = SpecialPost.DeputyMayor };
        db.StaffMembers.Add(deputyMember);
        staff[deputyMember.StaffNumber] = deputyMember;
        var designs = new[] { Design(2025), Design(2026) };
        db.PersonnelDesigns.AddRange(designs);
        await db.SaveChangesAsync(ct);

        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var goals2026 = await db.OrganizationalGoals.Where(g => g.FiscalYear == 2026).ToListAsync(ct);
        var goals2025 = await db.OrganizationalGoals.Where(g => g.FiscalYear == 2025).ToListAsync(ct);
        var opened = new List<(PersonnelEvaluation, PersonnelDesign, Person)>();
        var posts = staff.Values.Where(m => m.SpecialPost is null).Select(m => new EvaluatorChain.Post(m.Id, m.Assignments[0].OrgUnitId, m.Assignments[0].JobLevel)).ToList();
        foreach (var (design, year) in designs.Select(d => (d, d.FiscalYear)))
        {
            foreach (var p in People)
            {
                var m = staff[p.Number];
                var (first, second) = EvaluatorChain.Derive(new(m.Id, units[p.Unit].Id, p.Level), posts, org);
                // 部長 are evaluated by the deputy mayor, whom the personnel division named as 特別職 (not on the register).
                if (p.Level == JobLevel.DepartmentChief) first = deputyMember.Id;
                var e = new PersonnelEvaluation
                {
                    FiscalYear = year, StaffMemberId = m.Id, OrgUnitId = units[p.Unit].Id, Position = p.Position, JobLevel = p.Level,
                    FirstEvaluatorId = first, SecondEvaluatorId = second,
                };
                e.Events.Add(Event(PersonnelStep.Opened, "jinji@komaki.example", "人事 担当", new DateTime(year, 4, 10, 0, 0, 0, DateTimeKind.Utc)));
                if (p.Level == JobLevel.DepartmentChief)
                    e.Events.Add(Event(PersonnelStep.Reassign, "jinji@komaki.example", "人事 担当", new DateTime(year, 4, 11, 0, 0, 0, DateTimeKind.Utc),
                        $"一次評価者 {deputyMember.Name}、二次評価者 なし。部長級の評価者として指名。"));
                var unitGoals = (year == 2025 ? goals2025 : goals2026).Where(g => g.OrgUnitId == units[p.Unit].Id || g.OrgUnitId == org.DepartmentOf(units[p.Unit].Id)?.Id).ToList();
                AddGoals(e, p, unitGoals, year);
                db.PersonnelEvaluations.Add(e);
                opened.Add((e, design, p));
            }
        }
        // Marks name their goals by id: the goals are saved first.
        await db.SaveChangesAsync(ct);
        foreach (var (e, design, p) in opened)
        {
            if (e.FiscalYear == 2025) CompleteYear(e, design, p, staff);
            else Progress2026(e, design, p, staff);
        }
        await db.SaveChangesAsync(ct);
    }

    private static PersonnelDesign Design(int year)
    {
        var d = new PersonnelDesign
        {
            FiscalYear = year, PeriodStart = new DateOnly(year, 4, 1), PeriodEnd = new DateOnly(year + 1, 3, 31), ReferenceDate = new DateOnly(year + 1, 1, 1),
            GoalsDue = new DateOnly(year, 5, 31), MidYearDue = new DateOnly(year, 10, 31), SelfDue = new DateOnly(year + 1, 1, 31), FirstDue = new DateOnly(year + 1, 2, 15),
            SecondDue = new DateOnly(year + 1, 2, 28), AdjustDue = new DateOnly(year + 1, 3, 15), DisclosureDue = new DateOnly(year + 1, 3, 31), ComplaintDays = 14,
            DiscloseDetails = true, OpenedAt = new DateTime(year, 4, 10, 0, 0, 0, DateTimeKind.Utc),
        };
        var n = 0;
        foreach (var g in Personnel.PersonnelCommands.DefaultGrades)
            d.Grades.Add(new DesignGrade { Code = g.Code, Label = g.Label, Points = g.Points, MaxShare = g.MaxShare, BonusCategory = g.BonusCategory, SortOrder = ++n });
        n = 0;
        foreach (var c in Criteria) d.Criteria.Add(new CompetenceCriterion { JobLevel = c.Level, Name = c.Name, Viewpoints = c.Viewpoints, Weight = c.Weight, SortOrder = ++n });
        return d;
    }

    private static void AddGoals(PersonnelEvaluation e, Person p, List<OrganizationalGoal> unitGoals, int year)
    {
        if (year == 2026 && p.Number == "10104") return;
        var road = p.Unit is "道路課" or "都市建設部";
        (string Title, string Target, GoalDifficulty Difficulty, int Weight)[] goals = p.Level switch
        {
            JobLevel.DepartmentChief => road
                ? [("部の主要事業を計画どおり進める", "主要事業の年度末進捗率90%以上", GoalDifficulty.High, 60), ("橋梁・道路の長寿命化計画を改定する", "2月議会までに改定案を決定", GoalDifficulty.Medium, 40)]
                : [("ごみ減量の目標を達成する", "1人1日あたりごみ排出量を前年度比2%削減", GoalDifficulty.High, 60), ("部内の窓口手続をオンライン化する", "対象手続の8割をオンライン化", GoalDifficulty.Medium, 40)],
            JobLevel.DivisionChief => [("課の組織目標を計画どおり達成する", "組織目標の指標すべてで目標値に到達", GoalDifficulty.High, 60), ("課員との面談を定期的に行う", "全課員と四半期ごとに面談", GoalDifficulty.Medium, 40)],
            JobLevel.SectionChief => [(road ? "舗装補修の発注を前倒しする" : "ごみ減量の啓発を全地区で行う", road ? "上半期に年間発注額の7割を発注" : "21地区すべてで説明会を開催", GoalDifficulty.High, 60), ("係の事務を見直す", "手順書を3件改訂", GoalDifficulty.Medium, 40)],
            JobLevel.FiscalYearAppointee => [("窓口・電話の受付を正確に行う", "受付記録の誤りゼロ", GoalDifficulty.Medium, 100)],
            _ => road
                ? [("担当地区の通学路危険箇所の対策を完了する", "12か所すべての対策着手", GoalDifficulty.High, 50), ("舗装点検データの整理", "全路線の優先度付け", GoalDifficulty.Medium, 30), ("道路占用の審査を期限内に行う", "審査の平均日数10日以内", GoalDifficulty.Low, 20)]
                : [("不法投棄の通報に48時間以内に対応する", "対応率95%以上", GoalDifficulty.Medium, 60), ("環境学習講座を企画する", "年4回開催・参加者200人", GoalDifficulty.Medium, 40)],
        };
        var n = 0;
        foreach (var g in goals)
        {
            e.Goals.Add(new PerformanceGoal
            {
                FiscalYear = year, OrganizationalGoal = unitGoals.Count == 0 ? null : unitGoals[n % unitGoals.Count], Title = g.Title, Target = g.Target,
                Description = "", Difficulty = g.Difficulty, Weight = g.Weight, SortOrder = ++n,
            });
        }
    }

    private static PersonnelEvent Event(PersonnelStep step, string user, string name, DateTime at, string? comment = null) =>
        new() { Step = step, UserName = user, DisplayName = name, At = at, Comment = comment };

    private static (string User, string Name) Who(StaffMember? m) => m is null ? ("jinji@komaki.example", "人事 担当") : (m.Email ?? m.StaffNumber, m.Name);

    /// 令和7年度: every step taken, disclosed on 3月25日 and acknowledged; 清水 葵 filed a complaint that was answered.
    private static void CompleteYear(PersonnelEvaluation e, PersonnelDesign d, Person p, Dictionary<string, StaffMember> staff)
    {
        var first = staff.Values.FirstOrDefault(s => s.Id == e.FirstEvaluatorId);
        var second = staff.Values.FirstOrDefault(s => s.Id == e.SecondEvaluatorId);
        var self = staff[p.Number];
        var strong = p.Number is "10103" or "20102";
        var grade = strong ? "A" : "B";
        AgreeAndReview(e, 2025, first);
        foreach (var g in e.Goals) g.Result = strong ? "達成基準を上回って達成した。" : "達成基準どおり達成した。";
        Mark(e, d, MarkStage.Self, grade, null);
        e.Events.Add(Event(PersonnelStep.SelfAssess, Who(self).User, self.Name, new DateTime(2026, 1, 20, 1, 0, 0, DateTimeKind.Utc)));
        Mark(e, d, MarkStage.First, grade, strong ? "年度を通じて期待を上回る成果を上げた。" : "期待どおりの成果を上げた。");
        e.Events.Add(Event(PersonnelStep.FirstEvaluate, Who(first).User, Who(first).Name, new DateTime(2026, 2, 10, 1, 0, 0, DateTimeKind.Utc)));
        if (second is not null)
        {
            Mark(e, d, MarkStage.Second, grade, null);
            e.Events.Add(Event(PersonnelStep.SecondEvaluate, Who(second).User, second.Name, new DateTime(2026, 2, 25, 1, 0, 0, DateTimeKind.Utc)));
        }
        e.FinalCompetenceGrade = grade;
        e.FinalPerformanceGrade = grade;
        e.Events.Add(Event(PersonnelStep.Confirm, "jinji@komaki.example", "人事 担当", new DateTime(2026, 3, 12, 1, 0, 0, DateTimeKind.Utc)));
        e.DisclosedOn = new DateOnly(2026, 3, 25);
        e.ComplaintDeadline = new DateOnly(2026, 4, 8);
        e.DisclosedCompetenceGrade = grade;
        e.DisclosedPerformanceGrade = grade;
        e.Events.Add(Event(PersonnelStep.Disclose, "jinji@komaki.example", "人事 担当", new DateTime(2026, 3, 25, 1, 0, 0, DateTimeKind.Utc)));
        e.AcknowledgedAt = new DateTime(2026, 3, 27, 1, 0, 0, DateTimeKind.Utc);
        e.Events.Add(Event(PersonnelStep.Acknowledge, Who(self).User, self.Name, e.AcknowledgedAt.Value));
        e.State = PersonnelState.Acknowledged;
        if (p.Number == "20103")
        {
            e.Complaints.Add(new PersonnelComplaint
            {
                FiledAt = new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Utc), Content = "講座の参加者数が目標を上回ったことが業績評価に反映されていないと思います。",
                AnsweredAt = new DateTime(2026, 4, 6, 1, 0, 0, DateTimeKind.Utc), AnsweredBy = "人事 担当", Outcome = ComplaintOutcome.Upheld,
                Answer = "一次・二次評価者に確認し、参加者数は評価に含めたうえでの評語であることを面談で説明しました。評価は維持します。",
            });
            e.Events.Add(Event(PersonnelStep.FileComplaint, "20103", self.Name, new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Utc), e.Complaints[0].Content));
            e.Events.Add(Event(PersonnelStep.AnswerComplaint, "jinji@komaki.example", "人事 担当", new DateTime(2026, 4, 6, 1, 0, 0, DateTimeKind.Utc), e.Complaints[0].Answer));
        }
    }

    private static void AgreeAndReview(PersonnelEvaluation e, int year, StaffMember? first)
    {
        var (user, name) = Who(first);
        e.GoalInterviewOn = new DateOnly(year, 5, 20);
        e.GoalInterviewNote = "組織目標とのつながりを確認し、達成基準を数値で示すことで合意した。";
        e.Events.Add(Event(PersonnelStep.SubmitGoals, "self", "本人", new DateTime(year, 5, 10, 1, 0, 0, DateTimeKind.Utc)));
        e.Events.Add(Event(PersonnelStep.AgreeGoals, user, name, new DateTime(year, 5, 20, 1, 0, 0, DateTimeKind.Utc)));
        e.MidYearInterviewOn = new DateOnly(year, 10, 15);
        e.MidYearInterviewNote = "上半期は計画どおり。下半期は残る箇所の発注を優先する。";
        e.Events.Add(Event(PersonnelStep.MidYearInterview, user, name, new DateTime(year, 10, 15, 1, 0, 0, DateTimeKind.Utc)));
        e.State = PersonnelState.MidYearReviewed;
    }

    private static void Mark(PersonnelEvaluation e, PersonnelDesign d, MarkStage stage, string grade, string? comment)
    {
        foreach (var c in d.Criteria.Where(c => c.JobLevel == e.JobLevel))
            e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Competence, CompetenceCriterionId = c.Id, Grade = grade, Comment = comment });
        foreach (var g in e.Goals) e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Performance, PerformanceGoalId = g.Id, Grade = grade, Comment = comment });
        if (stage == MarkStage.Self) return;
        e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Competence, Grade = grade });
        e.Marks.Add(new EvaluationMark { Stage = stage, Part = AppraisalPart.Performance, Grade = grade });
    }

    /// 令和8年度 in December: the goals agreed and the mid-year interview held for most; 道路 次郎's goals changed at the
    /// interview; 川上 翔's interview and 橋本 優's goal interview are late; 道路 三郎 has not written goals yet; 建設 正人
    /// (部長) has saved his self-assessment as a draft.
    private static void Progress2026(PersonnelEvaluation e, PersonnelDesign d, Person p, Dictionary<string, StaffMember> staff)
    {
        var first = staff.Values.FirstOrDefault(s => s.Id == e.FirstEvaluatorId);
        switch (p.Number)
        {
            case "10104":
                return;
            case "10105":
                e.State = PersonnelState.GoalsSubmitted;
                e.Events.Add(Event(PersonnelStep.SubmitGoals, "10105", p.Name, new DateTime(2026, 5, 28, 1, 0, 0, DateTimeKind.Utc)));
                return;
            case "20104":
                e.State = PersonnelState.GoalsAgreed;
                e.GoalInterviewOn = new DateOnly(2026, 5, 22);
                e.GoalInterviewNote = "再任用1年目。これまでの経験を後進の指導に生かすことで合意した。";
                e.Events.Add(Event(PersonnelStep.AgreeGoals, Who(first).User, Who(first).Name, new DateTime(2026, 5, 22, 1, 0, 0, DateTimeKind.Utc)));
                return;
        }
        AgreeAndReview(e, 2026, first);
        if (p.Number == "10103")
        {
            var goal = e.Goals.First(g => g.SortOrder == 3);
            e.GoalChanges.Add(new PerformanceGoalChange
            {
                ChangedOn = new DateOnly(2026, 10, 15), Reason = "道路占用の審査を係長が担当することになったため、災害時の道路啓開計画の見直しに替えた。",
                Before = "道路占用の審査を期限内に行う（達成基準: 審査の平均日数10日以内／困難度: 低／ウエイト: 20）",
                After = "道路啓開計画の見直し案をまとめる（達成基準: 3月までに案を課内で決定／困難度: 中／ウエイト: 20）",
                UserName = "doro-kacho@komaki.example", DisplayName = "道路 一郎",
            });
            goal.Title = "道路啓開計画の見直し案をまとめる";
            goal.Target = "3月までに案を課内で決定";
            goal.Difficulty = GoalDifficulty.Medium;
            e.Events.Add(Event(PersonnelStep.ChangeGoals, "doro-kacho@komaki.example", "道路 一郎", new DateTime(2026, 10, 15, 2, 0, 0, DateTimeKind.Utc), e.GoalChanges[0].Reason));
        }
        if (p.Number == "10001")
        {
            var goal = e.OrderedGoals.First();
            e.Marks.Add(new EvaluationMark
            {
                Stage = MarkStage.Self, Part = AppraisalPart.Performance, PerformanceGoalId = goal.Id, Grade = "A", Draft = true,
                DraftResult = "11月末で主要事業8件のうち7件が計画どおり。残る1件も用地取得の見通しが立った。",
            });
        }
    }
}
