using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core;

/// The one rule for one record kind: whether the person may do an operation with a record, and if not, why — in
/// Japanese, for the refusal page or beside the field. Each feature declares its record kinds' rules beside their
/// entities; the web adapts every rule through one authorization handler, found by scan, and a test requires one for
/// every record kind a page edits. A rule only asks the access rules of its feature (PlanAccess, EvaluationWorkflow,
/// …); it decides nothing of its own.
public interface IRecordRule<in T> where T : class
{
    /// Null when the person may; otherwise the reason they may not. An operation the rule does not know is refused.
    Task<string?> RefusalAsync(RuleAsker asker, T record, string operation);
}

/// Who asks: the person as the access rules see them, their user id (for records about a person) and the unit tree.
public sealed record RuleAsker(Actor Actor, string UserId, OrgTree Org);

/// The operations every record kind answers; a feature names its own steps beside its rule (e.g. 予算要求の提出).
public static class RecordOperation
{
    public const string Read = nameof(Read);
    public const string Edit = nameof(Edit);

    /// The refusal of an operation a rule does not know: nobody may do it.
    public static string Unknown(string operation) => $"この記録に対する操作「{operation}」はありません。";

    /// The plain refusal when the access rule says no without a reason of its own.
    public const string NotYours = "この記録を変更する権限がありません。担当の所属または企画課に依頼してください。";

    public const string NotReadable = "この記録を見る権限がありません。";
}
