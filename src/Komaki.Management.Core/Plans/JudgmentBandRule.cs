namespace Komaki.Management.Core.Plans;

/// 達成度の判定基準: every staff member reads the bands; planning sets them for every screen.
public sealed class JudgmentBandRule() : PlanningEditsRule<JudgmentBand>("達成度の判定基準を変えられるのは企画課です。");
