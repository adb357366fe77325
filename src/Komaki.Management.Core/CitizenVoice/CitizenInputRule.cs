namespace Komaki.Management.Core.CitizenVoice;

/// 市民の声: every staff member reads it; planning records, answers and publishes it.
public sealed class CitizenInputRule() : PlanningEditsRule<CitizenInput>("市民の声を登録・回答・公開できるのは企画課です。");
