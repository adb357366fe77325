namespace Komaki.Management.Core.Evaluation;

/// 外部評価の会: staff read every session and a reviewer the sessions they sit on (ExternalReviewPages.IsStaff);
/// planning registers a session, closes it and writes the city's response.
public sealed class ExternalReviewRule : IRecordRule<ExternalReview>
{
    public Task<string?> RefusalAsync(RuleAsker asker, ExternalReview record, string operation) => Task.FromResult(operation switch
    {
        RecordOperation.Read => ExternalReviewPages.IsStaff(asker.Actor) || record.Reviewers.Any(r => r.UserId == asker.UserId)
            ? null : "この会を見られるのは、職員と、この会の委員です。",
        RecordOperation.Edit => asker.Actor.IsPlanMasterEditor ? null : "外部評価の会を登録・終了し、対応方針を書けるのは企画課です。",
        _ => RecordOperation.Unknown(operation),
    });
}
