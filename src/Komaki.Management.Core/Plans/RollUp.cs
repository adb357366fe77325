using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Plans;

/// 判定区分: a grade (S/A/B/C) given to an achievement of at least MinPercent, with the colour it is shown in.
/// Planning sets the bands once so that "off target" means the same on every screen.
public sealed class JudgmentBand : IVersioned, IAudited
{
    public int Id { get; set; }
    public string Grade { get; set; } = "";
    public string Label { get; set; } = "";
    public decimal MinPercent { get; set; }
    public string Color { get; set; } = "#6c757d";
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
public sealed record RolledUp(decimal? Percent, int Counted, int Of)
{
    public static readonly RolledUp None = new(null, 0, 0);
}

/// How a measure's achievement comes from its indicators and a policy's from its measures: a weighted average
/// (every weight 1 unless planning changes it). Each indicator counts for at most 100 % so that one indicator far
/// beyond its target cannot hide another that is behind.
public static class RollUp
{
    public const decimal Cap = 100m;

    public static decimal? Score(Achievement a) => a.Status switch
    {
        AchievementStatus.Achieved => a.RatePercent is decimal r ? Math.Min(r, Cap) : Cap,
        AchievementStatus.NotAchieved => a.RatePercent is decimal r ? Math.Min(r, Cap) : 0m,
        _ => null,
    };

    public static RolledUp Combine(IEnumerable<(decimal? Score, decimal Weight)> parts)
    {
        var list = parts.ToList();
        var counted = list.Where(p => p.Score is not null && p.Weight > 0).ToList();
        var weight = counted.Sum(p => p.Weight);
        if (weight == 0) return new(null, 0, list.Count);
        var percent = counted.Sum(p => p.Score!.Value * p.Weight) / weight;
        return new(Math.Round(percent, 1, MidpointRounding.AwayFromZero), counted.Count, list.Count);
    }

    public static RolledUp Measure(IEnumerable<Indicator> indicators, int fiscalYear) =>
        Combine(indicators.Where(i => i.RetiredAt == null).Select(i => (Score(i.AchievementIn(fiscalYear)), i.Weight)));

    /// The band an achievement falls in: the one with the highest minimum not above it.
    public static JudgmentBand? Judge(IReadOnlyList<JudgmentBand> bands, decimal? percent) =>
        percent is decimal p ? bands.Where(b => b.MinPercent <= p).MaxBy(b => b.MinPercent) : null;
}
