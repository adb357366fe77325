using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

/// 判定区分: a grade (S/A/B/C) given to an achievement of at least MinPercent, with the colour it is shown in.
/// Planning sets the bands once so that "off target" means the same on every screen.
[DataArea(DataArea.Settings)]
public sealed class JudgmentBand : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "判定の記号")]
    public string Grade { get; set; } = "";
    [Display(Name = "判定の名称")]
    public string Label { get; set; } = "";
    [Display(Name = "下限（%）")]
    public decimal MinPercent { get; set; }
    [Display(Name = "表示色")]
    public string Color { get; set; } = "#6c757d";
    [Display(Name = "遅れとして扱う")]
    public bool OffTarget { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(JudgmentBand), Id, Grade);

    public static IReadOnlyList<JudgmentBand> Defaults() =>
    [
        new() { Grade = "S", Label = "目標達成", MinPercent = 100m, Color = "#1a7f37" },
        new() { Grade = "A", Label = "概ね順調", MinPercent = 80m, Color = "#1f5fa8" },
        new() { Grade = "B", Label = "やや遅れ", MinPercent = 60m, Color = "#9a5b00", OffTarget = true },
        new() { Grade = "C", Label = "遅れ", MinPercent = 0m, Color = "#b42318", OffTarget = true },
    ];
}

/// An achievement rolled up from the parts that could be judged: Counted of Of parts had a target and an actual.
/// Outcomes counts the parts by what they did (for a measure, its indicators; for a policy, its measures, where a
/// measure whose indicators mostly worsened counts as Worsened). Explanation says in plain Japanese how the figure
/// and the judgment were reached.
public sealed record RolledUp(decimal? Percent, int Counted, int Of)
{
    public static readonly RolledUp None = new(null, 0, 0);

    public IReadOnlyDictionary<IndicatorOutcome, int> Outcomes { get; init; } = new Dictionary<IndicatorOutcome, int>();

    /// Of the worsened, how many had no baseline and are counted by their trend.
    public int WorsenedByTrend { get; init; }

    /// "指標" for a measure, "施策" for a policy.
    public string PartName { get; init; } = "指標";

    public int Count(IndicatorOutcome outcome) => Outcomes.GetValueOrDefault(outcome);

    /// More than half of the parts judged are worse than where they started: the judgment cannot be on target.
    public bool MostlyWorsened => Counted > 0 && Count(IndicatorOutcome.Worsened) * 2 > Counted;

    /// 「3指標中2指標が目標に向けて前進、1指標が基準値より悪化。進み具合の平均 45%」: what the parts did, then the figure.
    /// An indicator's 進み具合 is its progress from the baseline to the target, or its 達成率 where it has no
    /// baseline, at most 100 %.
    public string Explanation
    {
        get
        {
            var n = PartName;
            var single = Of == 1;
            var parts = new List<string>();
            void Add(int count, string text) { if (count > 0) parts.Add(single ? $"{n}{text}" : $"{count}{n}{text}"); }
            if (n == "指標")
            {
                Add(Count(IndicatorOutcome.Achieved), "が目標を達成");
                Add(Count(IndicatorOutcome.Advancing), "が目標に向けて前進");
                Add(Count(IndicatorOutcome.Unchanged), "が基準値から変化なし");
                Add(Count(IndicatorOutcome.Behind), "が目標に届かず（基準値なし）");
                Add(Count(IndicatorOutcome.Worsened) - WorsenedByTrend, "が基準値より悪化");
                Add(WorsenedByTrend, "が目標に届かず悪化傾向（基準値なし）");
            }
            else
            {
                Add(Count(IndicatorOutcome.Achieved), "が目標を達成");
                Add(Count(IndicatorOutcome.Advancing), "が前進");
                Add(Count(IndicatorOutcome.Worsened), "で過半の指標が悪化");
            }
            Add(Of - Counted, n == "指標" ? "は実績未入力または目標なし" : "は判定できる指標なし");
            var text = (single ? "" : $"{Of}{n}中") + (parts.Count == 0 ? $"判定できる{n}はありません" : string.Join("、", parts));
            if (Percent is decimal p)
                text += n == "指標" ? $"。進み具合{(single ? "" : "の平均")} {p:0.#}%" : $"。施策の達成度の平均 {p:0.#}%";
            return text;
        }
    }
}

/// How a measure's achievement comes from its indicators and a policy's from its measures: a weighted average
/// (every weight 1 unless planning changes it) of each part's score. An indicator's score is its progress from the
/// baseline towards the target, or its 達成率 where there is no baseline, and counts for at most 100 % so that one
/// indicator far beyond its target cannot hide another that is behind. A measure or policy whose parts mostly
/// worsened is judged no better than the best off-target band (ADR 0004).
public static class RollUp
{
    public const decimal Cap = 100m;

    public static RolledUp Combine(IEnumerable<(decimal? Score, decimal Weight)> parts)
    {
        var list = parts.ToList();
        var counted = list.Where(p => p.Score is not null && p.Weight > 0).ToList();
        var weight = counted.Sum(p => p.Weight);
        if (weight == 0) return new(null, 0, list.Count);
        var percent = counted.Sum(p => p.Score!.Value * p.Weight) / weight;
        return new(Math.Round(percent, 1, MidpointRounding.AwayFromZero), counted.Count, list.Count);
    }

    /// A measure from its indicators' judgments and weights.
    public static RolledUp Measure(IEnumerable<(IndicatorJudgment Judgment, decimal Weight)> indicators)
    {
        var list = indicators.ToList();
        var judged = list.Where(x => x.Judgment.Score is not null && x.Weight > 0).ToList();
        return Combine(list.Select(x => (x.Judgment.Score, x.Weight))) with
        {
            Outcomes = judged.GroupBy(x => x.Judgment.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            WorsenedByTrend = judged.Count(x => x.Judgment.Outcome == IndicatorOutcome.Worsened && !x.Judgment.WorseThanBaseline),
        };
    }

    public static RolledUp Measure(IEnumerable<Indicator> indicators, int fiscalYear) =>
        Measure(indicators.Where(i => i.RetiredAt == null).Select(i => (IndicatorJudgment.Of(i, fiscalYear), i.Weight)));

    /// A policy from its measures' results and weights; a measure whose indicators mostly worsened counts as worsened.
    public static RolledUp Policy(IEnumerable<(RolledUp Measure, decimal Weight)> measures)
    {
        var list = measures.ToList();
        var judged = list.Where(x => x.Measure.Percent is not null && x.Weight > 0).ToList();
        return Combine(list.Select(x => (x.Measure.Percent, x.Weight))) with
        {
            PartName = "施策",
            Outcomes = judged.GroupBy(x => x.Measure.MostlyWorsened ? IndicatorOutcome.Worsened : x.Measure.Percent >= Cap ? IndicatorOutcome.Achieved : IndicatorOutcome.Advancing)
                .ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    /// The band an achievement falls in: the one with the highest minimum not above it.
    public static JudgmentBand? Judge(IReadOnlyList<JudgmentBand> bands, decimal? percent) =>
        percent is decimal p ? bands.Where(b => b.MinPercent <= p).MaxBy(b => b.MinPercent) : null;

    /// The band of a rolled-up result, held to the best off-target band when its parts mostly worsened.
    public static JudgmentBand? Judge(IReadOnlyList<JudgmentBand> bands, RolledUp result)
    {
        var band = Judge(bands, result.Percent);
        if (band is null || band.OffTarget || !result.MostlyWorsened) return band;
        return bands.Where(b => b.OffTarget).MaxBy(b => b.MinPercent) ?? bands.MinBy(b => b.MinPercent);
    }

    /// Why the band is what it is: the explanation, and the hold when it applies.
    public static string Reason(IReadOnlyList<JudgmentBand> bands, RolledUp result)
    {
        var band = Judge(bands, result);
        var plain = Judge(bands, result.Percent);
        var text = result.Explanation;
        if (band is not null && plain is not null && band != plain)
            text += $"。過半の{result.PartName}が悪化しているため、平均では「{plain.Grade} {plain.Label}」ですが、判定は「{band.Grade} {band.Label}」までとしています";
        return text + "。";
    }
}
