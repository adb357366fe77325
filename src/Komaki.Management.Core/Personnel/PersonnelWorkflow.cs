using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Personnel;

/// The order of the evaluation and who takes each step:
/// 目標設定（本人）→ 提出 → 期首面談で合意（一次評価者; or 差し戻し）→ 中間面談（一次評価者; the goals may change, with
/// the reason）→ 自己評価（本人）→ 一次評価 → 二次評価（none when the chain has no second evaluator）→ 調整・確認
/// （人事担当, with the department's distribution）→ 開示（人事担当）→ 確認（本人）; a complaint within the window after
/// disclosure, answered by the personnel division. Each check returns null when allowed, or the reason in Japanese.
public static class PersonnelWorkflow
{
    public static readonly IReadOnlyList<PersonnelStep> Actions =
    [
        PersonnelStep.SubmitGoals, PersonnelStep.AgreeGoals, PersonnelStep.ReturnGoals, PersonnelStep.MidYearInterview, PersonnelStep.SelfAssess,
        PersonnelStep.FirstEvaluate, PersonnelStep.SecondEvaluate, PersonnelStep.Confirm, PersonnelStep.Disclose, PersonnelStep.Acknowledge,
        PersonnelStep.FileComplaint, PersonnelStep.AnswerComplaint,
    ];

    /// Whether the goals' content may be edited now, and whether the edit is a change that needs a reason (after
    /// the goals were agreed, before the mid-year interview is recorded).
    public static string? CheckGoalEdit(PersonnelRelation r, PersonnelEvaluation e) => e.State switch
    {
        PersonnelState.GoalSetting => r.HasFlag(PersonnelRelation.Self) ? null : "目標を書くのは本人です（提出後は、期首面談で一次評価者と話し合います）。",
        PersonnelState.GoalsAgreed => r.HasFlag(PersonnelRelation.Self) || r.HasFlag(PersonnelRelation.FirstEvaluator) ? null
            : "合意した目標を変えられるのは、中間面談での本人と一次評価者だけです。",
        _ => $"この評価は「{e.State.Label()}」のため、目標は変更できません。目標を変えられるのは、提出前と、合意後から中間面談の記録までです。",
    };

    public static bool EditIsChange(PersonnelEvaluation e) => e.State == PersonnelState.GoalsAgreed;

    public static IReadOnlyList<PersonnelStep> NextActions(PersonnelRelation r, PersonnelEvaluation e, DateOnly today) =>
        Actions.Where(a => Check(r, e, a, today) is null).ToList();

    public static string? Check(PersonnelRelation r, PersonnelEvaluation e, PersonnelStep step, DateOnly today)
    {
        var self = r.HasFlag(PersonnelRelation.Self);
        var first = r.HasFlag(PersonnelRelation.FirstEvaluator);
        var second = r.HasFlag(PersonnelRelation.SecondEvaluator);
        var division = r.HasFlag(PersonnelRelation.Division);
        string State(string when) => $"この評価は「{e.State.Label()}」です。{when}";
        return step switch
        {
            PersonnelStep.SubmitGoals => !self ? "目標を提出するのは本人です。"
                : e.State != PersonnelState.GoalSetting ? State("目標の提出は目標設定中に行います。")
                : null,
            PersonnelStep.AgreeGoals or PersonnelStep.ReturnGoals => !first ? "期首面談を記録するのは一次評価者です。"
                : e.State != PersonnelState.GoalsSubmitted ? State("期首面談は、本人が目標を提出した後に記録します。")
                : null,
            PersonnelStep.MidYearInterview => !first ? "中間面談を記録するのは一次評価者です。"
                : e.State != PersonnelState.GoalsAgreed ? State("中間面談は、期首面談で目標に合意した後に記録します。")
                : null,
            PersonnelStep.SelfAssess => !self ? "自己評価をするのは本人です。"
                : e.State != PersonnelState.MidYearReviewed ? State("自己評価は中間面談の後に行います。")
                : null,
            PersonnelStep.FirstEvaluate => !first ? "一次評価をするのは一次評価者です。"
                : e.State != PersonnelState.SelfAssessed ? State("一次評価は本人の自己評価の後に行います。")
                : null,
            PersonnelStep.SecondEvaluate => e.SecondEvaluatorId is null ? "この評価には二次評価者がいません（一次評価の後、人事担当が調整・確認します）。"
                : !second ? "二次評価をするのは二次評価者です。"
                : e.State != PersonnelState.FirstEvaluated ? State("二次評価は一次評価の後に行います。")
                : null,
            PersonnelStep.Confirm => !division ? "調整・確認をするのは人事担当です。"
                : e.State != (e.SecondEvaluatorId is null ? PersonnelState.FirstEvaluated : PersonnelState.SecondEvaluated)
                    ? State(e.SecondEvaluatorId is null ? "調整・確認は一次評価の後に行います。" : "調整・確認は二次評価の後に行います。")
                : null,
            PersonnelStep.Disclose => !division ? "開示するのは人事担当です。"
                : e.State != PersonnelState.Confirmed ? State("開示は調整・確認の後に行います。")
                : null,
            PersonnelStep.Acknowledge => !self ? "開示内容を確認するのは本人です。"
                : e.State != PersonnelState.Disclosed ? State("開示された後に確認します。")
                : null,
            PersonnelStep.FileComplaint => !self ? "苦情相談を申し出るのは本人です。"
                : e.State < PersonnelState.Disclosed ? State("苦情相談は開示の後に申し出られます。")
                : e.Complaints.Any(c => c.AnsweredAt is null) ? "申し出た苦情相談への回答を待っています。"
                : e.ComplaintDeadline is DateOnly d && today > d ? $"苦情相談の期限（{Wareki.Date(d)}）を過ぎています。人事課に直接相談してください。"
                : null,
            PersonnelStep.AnswerComplaint => !division ? "苦情相談に回答するのは人事担当です。"
                : !e.Complaints.Any(c => c.AnsweredAt is null) ? "回答を待つ苦情相談はありません。"
                : null,
            PersonnelStep.Reassign => !division ? "評価者を変えられるのは人事担当です。"
                : e.State >= PersonnelState.Confirmed ? State("調整・確認の後は評価者を変えられません。")
                : null,
            _ => "この操作はできません。",
        };
    }

    /// What keeps the goals from being submitted: none, a weight missing or not adding up to 100, a goal without 達成基準.
    public static IEnumerable<string> GoalProblems(PersonnelEvaluation e)
    {
        var goals = e.Goals;
        if (goals.Count == 0) yield return "業績目標を1つ以上書いてから提出してください。";
        foreach (var g in goals.Where(g => string.IsNullOrWhiteSpace(g.Target))) yield return $"目標「{g.Title}」の達成基準を書いてください。";
        foreach (var g in goals.Where(g => g.Weight is null)) yield return $"目標「{g.Title}」のウエイトを入れてください。";
        if (goals.Count > 0 && goals.All(g => g.Weight is not null) && goals.Sum(g => g.Weight!.Value) != 100)
            yield return $"ウエイトの合計が{goals.Sum(g => g.Weight!.Value)}です。合計が100になるようにしてください。";
    }

    public static PersonnelState StateAfter(PersonnelEvaluation e, PersonnelStep step) => step switch
    {
        PersonnelStep.SubmitGoals => PersonnelState.GoalsSubmitted,
        PersonnelStep.AgreeGoals => PersonnelState.GoalsAgreed,
        PersonnelStep.ReturnGoals => PersonnelState.GoalSetting,
        PersonnelStep.MidYearInterview => PersonnelState.MidYearReviewed,
        PersonnelStep.SelfAssess => PersonnelState.SelfAssessed,
        PersonnelStep.FirstEvaluate => PersonnelState.FirstEvaluated,
        PersonnelStep.SecondEvaluate => PersonnelState.SecondEvaluated,
        PersonnelStep.Confirm => PersonnelState.Confirmed,
        PersonnelStep.Disclose => PersonnelState.Disclosed,
        PersonnelStep.Acknowledge => PersonnelState.Acknowledged,
        _ => e.State,
    };

    /// The due date of the step the evaluation waits for, from the year's design (none for the answer to a complaint).
    public static DateOnly? DueOf(PersonnelEvaluation e, PersonnelDesign design) => ComplaintWaits(e) ? null : e.State switch
    {
        PersonnelState.GoalSetting or PersonnelState.GoalsSubmitted => design.GoalsDue,
        PersonnelState.GoalsAgreed => design.MidYearDue,
        PersonnelState.MidYearReviewed => design.SelfDue,
        PersonnelState.SelfAssessed => design.FirstDue,
        PersonnelState.FirstEvaluated => e.SecondEvaluatorId is null ? design.AdjustDue : design.SecondDue,
        PersonnelState.SecondEvaluated => design.AdjustDue,
        PersonnelState.Confirmed => design.DisclosureDue,
        PersonnelState.Disclosed => e.ComplaintDeadline,
        _ => null,
    };

    /// A complaint filed and not yet answered: the evaluation waits for the personnel division, whatever its state.
    public static bool ComplaintWaits(PersonnelEvaluation e) => e.State >= PersonnelState.Disclosed && e.Complaints.Any(c => c.AnsweredAt is null);

    /// Who the evaluation waits for, in words.
    public static string WaitsFor(PersonnelEvaluation e) => ComplaintWaits(e) ? "人事担当（苦情相談への回答）" : e.State switch
    {
        PersonnelState.GoalSetting or PersonnelState.MidYearReviewed or PersonnelState.Disclosed => "本人",
        PersonnelState.GoalsSubmitted or PersonnelState.GoalsAgreed or PersonnelState.SelfAssessed => "一次評価者",
        PersonnelState.FirstEvaluated => e.SecondEvaluatorId is null ? "人事担当" : "二次評価者",
        PersonnelState.SecondEvaluated or PersonnelState.Confirmed => "人事担当",
        _ => "—",
    };
}
