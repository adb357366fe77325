using Komaki.Management.Core.Common;
using Komaki.Management.Web.Features.Public;

namespace Komaki.Management.Web.Features.OpenData;

/// The CSV columns of each open-data list (Japanese headers; the JSON uses the record's field names).
public static class OpenDataCsv
{
    public static readonly IReadOnlyList<CsvColumn<EvaluationRecord>> Evaluations =
    [
        new("事業コード", r => r.ProjectCode), new("事務事業名", r => r.ProjectName), new("施策コード", r => r.MeasureCode), new("施策名", r => r.MeasureName),
        new("担当課", r => r.Unit), new("年度", r => r.FiscalYear), new("決算額（円）", r => r.SettledCostYen), new("人工", r => r.StaffPersonYears),
        new("人件費（円）", r => r.StaffCostYen), new("総コスト（円）", r => r.FullCostYen), new("必要性", r => r.Necessity), new("有効性", r => r.Effectiveness),
        new("効率性", r => r.Efficiency), new("公平性", r => r.Equity), new("今後の方向性", r => r.DirectionLabel), new("改善内容", r => r.Improvement), new("公表日時", r => r.PublishedAt),
        new("目的（対象）", r => r.PurposeTarget), new("目的（意図）", r => r.PurposeIntent), new("手段", r => r.Means),
        new("費用と指標の時点", r => r.SheetAsOf), new("公表時の内容", r => r.SheetAsPublished ? "はい" : "いいえ（公表時の内容が保存される前の公表のため現在の値）"),
        new("指標", r => string.Join(" / ", r.Indicators.Select(i => $"{i.Kind} {i.Name}（{i.Unit}）" + string.Concat(i.Values.Select(v => $" {v.FiscalYear}年度 目標{CsvWriter.Plain(v.Target)} 実績{CsvWriter.Plain(v.Actual)}"))))),
        new("確認事項", r => string.Join(" / ", r.Notes.Select(n => $"{n.Step}: {string.Join("、", n.Findings)}"))),
        new("確認事項を確認のうえ確定した理由", r => string.Join(" / ", r.Notes.Select(n => $"{n.Step}: {n.Reason}"))),
    ];

    public static readonly IReadOnlyList<CsvColumn<ForumResultRecord>> Forum =
    [
        new("会", r => r.Session), new("開催日", r => r.HeldOn), new("年度", r => r.FiscalYear), new("事業コード", r => r.ProjectCode), new("事務事業名", r => r.ProjectName),
        new("結果", r => r.Result), new("判定の内訳", r => string.Join(" ", r.Verdicts.Select(v => $"{v.Key}{v.Value}"))), new("市の対応方針", r => r.CityResponse),
        new("訂正日", r => r.CorrectedOn), new("訂正の理由", r => r.CorrectionReason), new("公表時の対応方針", r => r.AsPublished),
    ];

    public static readonly IReadOnlyList<CsvColumn<MeasureRecord>> Measures =
    [
        new("政策コード", r => r.PolicyCode), new("政策名", r => r.PolicyName), new("施策コード", r => r.MeasureCode), new("施策名", r => r.MeasureName), new("担当課", r => r.Unit),
        new("達成度の年度", r => r.AchievementYear), new("達成度（%）", r => r.AchievementPercent), new("判定", r => r.Grade), new("判定の名称", r => r.GradeLabel),
        new("判定の根拠", r => r.Explanation), new("施策の状況", r => r.Standing),
    ];

    public static readonly IReadOnlyList<CsvColumn<IndicatorRecord>> Indicators =
    [
        new("施策コード", r => r.MeasureCode), new("施策名", r => r.MeasureName), new("指標名", r => r.Indicator), new("種類", r => r.Kind), new("単位", r => r.Unit),
        new("方向", r => r.Direction), new("基準値", r => r.Baseline), new("基準年度", r => r.BaselineYear), new("年度", r => r.FiscalYear), new("目標値", r => r.Target), new("実績値", r => r.Actual),
        new("達成率（%）", r => r.AchievementPercent), new("基準値からの進捗（%）", r => r.ProgressPercent), new("基準値より悪化", r => r.WorseThanBaseline ? "はい" : "いいえ"), new("傾向", r => r.Trend),
        new("訂正日", r => r.CorrectedOn), new("訂正の理由", r => r.CorrectionReason), new("公表時の実績値", r => r.PublishedActual),
    ];
}
