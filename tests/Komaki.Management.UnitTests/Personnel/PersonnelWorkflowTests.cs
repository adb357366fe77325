using System.Text;
using Komaki.Management.UnitTests.Builders;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.UnitTests.Personnel;

public class PersonnelWorkflowTests
{
    private const int Me = 1, Boss = 2, BigBoss = 3, Colleague = 4;
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static PersonnelEvaluation Evaluation(PersonnelState state, int? second = BigBoss) => new()
    {
        Id = 10, StaffMemberId = Me, FirstEvaluatorId = Boss, SecondEvaluatorId = second, State = state, JobLevel = JobLevel.General,
        Goals = [new PerformanceGoal { Id = 1, Title = "a", Target = "x", Weight = 60 }, new PerformanceGoal { Id = 2, Title = "b", Target = "y", Weight = 40 }],
    };

    private static PersonnelRelation As(int staffId, string role = Roles.DepartmentStaff, PersonnelEvaluation? e = null) =>
        PersonnelAccess.RelationOf(TestCity.As(role, 2), new HashSet<int> { staffId }, e ?? Evaluation(PersonnelState.GoalSetting));

    /// 待っている人 names whoever can take the next step, in every state, with and without a second evaluator, with and
    /// without a complaint waiting for its answer: a complaint filed waits for the personnel division, not the person.
    [Fact]
    public void The_one_named_as_waited_for_is_the_one_who_can_take_the_next_step()
    {
        var division = (PersonnelEvaluation e) => PersonnelAccess.RelationOf(TestCity.As(Roles.Personnel, 5), new HashSet<int>(), e);
        foreach (var state in Enum.GetValues<PersonnelState>())
            foreach (var second in new int?[] { BigBoss, null })
                foreach (var complaint in state >= PersonnelState.Disclosed ? new[] { false, true } : [false])
                {
                    // 二次評価済 is reached only through a second evaluator.
                    if (state == PersonnelState.SecondEvaluated && second is null) continue;
                    var e = Evaluation(state, second);
                    e.ComplaintDeadline = Today.AddDays(10);
                    if (complaint) e.Complaints.Add(new PersonnelComplaint { Content = "納得できません" });
                    var named = PersonnelWorkflow.WaitsFor(e);
                    if (named == "—") continue;
                    var who = named.StartsWith("本人", StringComparison.Ordinal) ? As(Me, e: e) : named.StartsWith("一次評価者", StringComparison.Ordinal) ? As(Boss, e: e)
                        : named.StartsWith("二次評価者", StringComparison.Ordinal) ? As(BigBoss, e: e) : division(e);
                    var steps = PersonnelWorkflow.NextActions(who, e, Today).Where(a => a is not (PersonnelStep.FileComplaint or PersonnelStep.ReturnGoals)).ToList();
                    Assert.True(steps.Count > 0, $"{state}, second {second}, complaint {complaint}: 「{named}」 has no step to take");
                    if (complaint) Assert.Contains(PersonnelStep.AnswerComplaint, steps);
                }
    }

    [Fact]
    public void Each_step_is_taken_by_its_one_person_in_order()
    {
        var e = Evaluation(PersonnelState.GoalSetting);
        var division = PersonnelAccess.RelationOf(TestCity.As(Roles.Personnel, 5), new HashSet<int>(), e);
        foreach (var (who, step) in new[]
        {
            (As(Me), PersonnelStep.SubmitGoals), (As(Boss), PersonnelStep.AgreeGoals), (As(Boss), PersonnelStep.MidYearInterview), (As(Me), PersonnelStep.SelfAssess),
            (As(Boss), PersonnelStep.FirstEvaluate), (As(BigBoss), PersonnelStep.SecondEvaluate), (division, PersonnelStep.Confirm), (division, PersonnelStep.Disclose), (As(Me), PersonnelStep.Acknowledge),
        })
        {
            foreach (var other in new[] { As(Me), As(Boss), As(BigBoss), As(Colleague), division, As(Colleague, Roles.Administrator), As(Colleague, Roles.Planning), As(Colleague, Roles.Executive) }.Where(o => o != who))
                Assert.NotNull(PersonnelWorkflow.Check(other, e, step, Today));
            Assert.Null(PersonnelWorkflow.Check(who, e, step, Today));
            e.State = PersonnelWorkflow.StateAfter(e, step);
        }
        Assert.Equal(PersonnelState.Acknowledged, e.State);
    }

    [Fact]
    public void Only_the_person_their_evaluators_and_the_personnel_division_may_read_and_the_person_sees_grades_once_disclosed()
    {
        var e = Evaluation(PersonnelState.Confirmed);
        var design = new PersonnelDesign { DiscloseDetails = true };
        Assert.True(PersonnelAccess.CanRead(As(Me, e: e)));
        Assert.True(PersonnelAccess.CanRead(As(Boss, e: e)));
        Assert.True(PersonnelAccess.CanRead(As(Colleague, Roles.Personnel, e)));
        foreach (var role in new[] { Roles.Administrator, Roles.Planning, Roles.Executive, Roles.DepartmentHead, Roles.DepartmentStaff })
            Assert.False(PersonnelAccess.CanRead(As(Colleague, role, e)));
        Assert.False(PersonnelAccess.SeesFinal(As(Me, e: e), e));
        Assert.False(PersonnelAccess.SeesEvaluatorMarks(As(Me, e: e), e, design));
        e.State = PersonnelState.Disclosed;
        Assert.True(PersonnelAccess.SeesFinal(As(Me, e: e), e));
        Assert.True(PersonnelAccess.SeesEvaluatorMarks(As(Me, e: e), e, design));
        Assert.False(PersonnelAccess.SeesEvaluatorMarks(As(Me, e: e), e, new PersonnelDesign { DiscloseDetails = false }));
    }

    [Fact]
    public void Without_a_second_evaluator_the_first_evaluation_goes_to_adjustment_and_a_complaint_closes_with_its_window()
    {
        var e = Evaluation(PersonnelState.FirstEvaluated, second: null);
        var division = PersonnelAccess.RelationOf(TestCity.As(Roles.Personnel, 5), new HashSet<int>(), e);
        Assert.Null(PersonnelWorkflow.Check(division, e, PersonnelStep.Confirm, Today));
        Assert.NotNull(PersonnelWorkflow.Check(As(BigBoss, e: e), e, PersonnelStep.SecondEvaluate, Today));
        e.State = PersonnelState.Acknowledged;
        e.ComplaintDeadline = Today;
        Assert.Null(PersonnelWorkflow.Check(As(Me, e: e), e, PersonnelStep.FileComplaint, Today));
        Assert.Contains("期限", PersonnelWorkflow.Check(As(Me, e: e), e, PersonnelStep.FileComplaint, Today.AddDays(1)));
    }

    [Fact]
    public void Goals_are_submitted_only_with_criteria_and_weights_adding_up_to_100()
    {
        var e = Evaluation(PersonnelState.GoalSetting);
        Assert.Empty(PersonnelWorkflow.GoalProblems(e));
        e.Goals[1].Weight = 30;
        Assert.Equal(["ウエイトの合計が90です。合計が100になるようにしてください。"], PersonnelWorkflow.GoalProblems(e));
        e.Goals[1].Target = null;
        Assert.Contains("目標「b」の達成基準を書いてください。", PersonnelWorkflow.GoalProblems(e));
    }

    [Fact]
    public void The_weighted_average_shows_how_it_is_reached_and_never_replaces_the_evaluators_grade()
    {
        var design = new PersonnelDesign { Grades = PersonnelCommands.DefaultGrades.ToList() };
        var e = Evaluation(PersonnelState.FirstEvaluated);
        e.Marks = [new EvaluationMark { Stage = MarkStage.First, Part = AppraisalPart.Performance, PerformanceGoalId = 1, Grade = "A" },
            new EvaluationMark { Stage = MarkStage.First, Part = AppraisalPart.Performance, PerformanceGoalId = 2, Grade = "C" }];
        var score = PersonnelScore.Of(e, design, MarkStage.First, AppraisalPart.Performance)!;
        Assert.Equal(3.20m, score.Average);
        Assert.Equal("B", score.Nearest);
        Assert.Contains("加重平均 3.20（評語の点数×ウエイトの合計÷ウエイト100）→ 最も近い評語 B", score.Explain());
        Assert.Null(PersonnelScore.Of(e, design, MarkStage.Second, AppraisalPart.Performance));
    }

    [Fact]
    public void The_chain_is_derived_from_the_posts_and_left_open_when_a_post_has_two_holders()
    {
        var org = TestCity.Org;
        var division = TestCity.Roads;
        var department = org.DepartmentOf(division)!.Id;
        List<EvaluatorChain.Post> posts = [new(1, division, JobLevel.General), new(2, division, JobLevel.DivisionChief), new(3, department, JobLevel.DepartmentChief)];
        Assert.Equal((2, 3), EvaluatorChain.Derive(posts[0], posts, org));
        Assert.Equal((3, (int?)null), EvaluatorChain.Derive(posts[1], posts, org));
        Assert.Equal(((int?)null, (int?)null), EvaluatorChain.Derive(posts[2], posts, org));
        posts.Add(new(4, division, JobLevel.DivisionChief));
        Assert.Equal(((int?)null, 3), EvaluatorChain.Derive(posts[0], posts, org));
    }

    [Fact]
    public void A_csv_in_shift_jis_or_utf8_reads_into_the_same_grid_with_quotes_and_line_breaks()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "職員番号,氏名,備考\r\n10001,\"道路, 一郎\",\"二行\n目\"\r\n";
        foreach (var bytes in new[] { Encoding.GetEncoding(932).GetBytes(text), new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray() })
        {
            var grid = CsvGrid.Read(new MemoryStream(bytes), ExcelLimits.Default, "staff.csv", out var encoding);
            Assert.Equal(bytes[0] == 0xEF ? "UTF-8（BOM 付き）" : "Shift_JIS（CP932）", encoding);
            Assert.Equal("道路, 一郎", grid.ShownText(2, 2));
            Assert.Equal("二行\n目", grid.ShownText(2, 3));
        }
        Assert.Throws<ExcelFileException>(() => CsvGrid.Read(new MemoryStream(Encoding.UTF8.GetBytes("a,\"b\r\n")), ExcelLimits.Default, "x.csv", out _));
    }
}
