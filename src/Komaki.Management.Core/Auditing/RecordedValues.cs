using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Auditing;

/// A recorded value as staff read it in a history: codes of choices in Japanese, unit ids as the unit's name, amounts
/// in 千円. (The fields' own names are on the entities' properties: FieldLabels.)
public static class RecordedValues
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["HigherIsBetter"] = "↑ 高いほど良い", ["LowerIsBetter"] = "↓ 低いほど良い", ["Outcome"] = "成果指標", ["Activity"] = "活動指標",
        ["Department"] = "部", ["Division"] = "課", ["Section"] = "係",
        ["New"] = "新規", ["Continuing"] = "継続", ["Expanded"] = "拡充", ["Reduced"] = "縮小", ["Ended"] = "終了",
        ["TownMeeting"] = "タウンミーティング", ["PublicComment"] = "パブリックコメント", ["Survey"] = "市民意識調査",
        ["LetterToMayor"] = "市長への手紙", ["EvaluationForum"] = "行政評価市民公開フォーラム", ["Received"] = "受付", ["Considering"] = "検討中",
        ["Answered"] = "回答済", ["Reflected"] = "計画・事業に反映", ["Draft"] = "下書き", ["Submitted"] = "提出済", ["ChangesRequested"] = "修正依頼",
        ["Agreed"] = "合意済", ["MidYearReviewed"] = "中間確認済", ["SelfAssessed"] = "自己評価済", ["Confirmed"] = "確定",
        ["NotStarted"] = "未着手", ["Started"] = "着手", ["Advancing"] = "推進中", ["Achieved"] = "実現", ["PartlyAchieved"] = "一部実現", ["Revised"] = "見直し",
        ["Expand"] = "拡充", ["Continue"] = "継続", ["Improve"] = "改善", ["Reduce"] = "縮小", ["Merge"] = "統合", ["SuspendOrAbolish"] = "休止・廃止",
        ["Complete"] = "完了", ["FirstReviewed"] = "一次評価済", ["SecondReviewed"] = "二次評価済", ["Published"] = "公表済",
        ["Request"] = "要求", ["FinanceAssessment"] = "財政課査定", ["MayorAssessment"] = "市長査定", ["Notice"] = "内示",
        ["Restoration"] = "復活要求", ["RestorationAssessment"] = "復活査定", ["Proposal"] = "予算案",
        ["OnTrack"] = "順調", ["Ahead"] = "前倒し", ["Delayed"] = "遅れ", ["Completed"] = "完了", ["Suspended"] = "中止・休止",
    };

    private static readonly HashSet<string> UnitFields = ["OwnerUnitId", "OrgUnitId", "ParentId", "DepartmentId"];

    // Money is stored in yen and read in 千円.
    private static readonly HashSet<string> AmountFields =
        ["SettledCost", "StaffCostPerPersonYear", "RecordedStaffCost", "SettledNational", "SettledPrefectural", "SettledBonds", "SettledOtherSpecific", "SettledGeneral", "Cost", "National", "Prefectural", "Bonds", "OtherSpecific", "General", "Requested", "Assessed", "Initial", "Supplementary", "Settled", "Expenditure", "Amount", "Granted"];

    public static bool IsUnitField(string field) => UnitFields.Contains(field);

    public static bool IsAmountField(string field) => AmountFields.Contains(field);

    /// unitName: the unit's name by its id, or null when there is no such unit.
    public static string? Of(string field, string? value, Func<int, string?> unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        if (value is null) return null;
        if (UnitFields.Contains(field) && int.TryParse(value, out var id) && unitName(id) is { } name) return name;
        if (AmountFields.Contains(field) && long.TryParse(value, out var yen)) return Amounts.Thousands(yen) + " 千円";
        return Values.GetValueOrDefault(value, value);
    }
}
