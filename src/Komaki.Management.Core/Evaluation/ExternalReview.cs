using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// 外部評価: one session of the 行政評価市民公開フォーラム, where citizens and experts review chosen projects in public.
[DataArea(DataArea.Check)]
[FormerName("ForumSession")]
public sealed class ExternalReview : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "開催日")]
    public DateOnly HeldOn { get; set; }
    [Display(Name = "会場")]
    public string Venue { get; set; } = "";
    [Display(Name = "終了")]
    public bool IsClosed { get; set; }
    /// Why the session was closed with verdicts missing (what was missing is named in it).
    [Display(Name = "不足を承知で終了した記録")]
    public string? CloseNote { get; set; }
    public int Version { get; set; }
    public List<ExternalReviewProject> Projects { get; set; } = [];
    public List<ExternalReviewer> Reviewers { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(ExternalReview), Id);
}

/// A project reviewed at a session, with the city's response (対応方針) to the result. The response is entered once the
/// session has closed and is public from then on (the public forum page and open data): a later change is a 訂正.
[DataArea(DataArea.Check)]
[FormerName("ForumProject")]
public sealed class ExternalReviewProject : IAudited, IPublishedOnItsOwn
{
    public int Id { get; set; }
    [Display(Name = "市民公開フォーラムの会")]
    [FormerName("ForumSessionId")]
    public int ExternalReviewId { get; set; }
    public ExternalReview? ExternalReview { get; set; }
    [Display(Name = "事務事業")]
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    [Display(Name = "市の対応方針")]
    public string? CityResponse { get; set; }
    /// When the first response of the closed session was saved, and with it shown on the public site. Kept on the row
    /// because the database's check (AppDbContext) reads the record as it was, without its session.
    [Display(Name = "対応方針の公表日時")]
    public DateTime? ResponsePublishedAt { get; set; }
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    [Display(Name = "公表時の対応方針")]
    public string? AsPublished { get; set; }
    public List<ReviewerVerdict> Verdicts { get; set; } = [];

    public bool IsPublished => ResponsePublishedAt is not null;

    public string PublishedName => "公開サイトに載せている市の対応方針";

    public string PublicText() => CityResponse ?? "";

    public void KeepAsPublished(ICorrectable? published) => AsPublished = (published as ExternalReviewProject)?.CityResponse ?? "";

    public AuditTarget AuditTarget => new(nameof(ExternalReview), ExternalReviewId, $"事業:{ProjectId}");
}

[DataArea(DataArea.Check)]
public sealed class ExternalReviewer : IAudited
{
    public int Id { get; set; }
    [Display(Name = "市民公開フォーラムの会")]
    public int ExternalReviewId { get; set; }
    [Display(Name = "委員")]
    public string UserId { get; set; } = "";
    /// 市民委員 or 学識経験者, as shown in the results.
    [Display(Name = "委員の区分")]
    public string Kind { get; set; } = "";

    public AuditTarget AuditTarget => new(nameof(ExternalReview), ExternalReviewId, "委員");
}

/// One reviewer's verdict and comment on one project; hidden from the other reviewers until the session closes.
[DataArea(DataArea.Check)]
public sealed class ReviewerVerdict : IAudited
{
    public int Id { get; set; }
    [Display(Name = "対象事業")]
    public int ExternalReviewProjectId { get; set; }
    [Display(Name = "委員")]
    public string ReviewerUserId { get; set; } = "";
    [Display(Name = "評価")]
    public Verdict Verdict { get; set; }
    [Display(Name = "意見")]
    public string Comment { get; set; } = "";
    [Display(Name = "入力日時")]
    public DateTime At { get; set; }

    /// Filed on its own (ReviewerVerdictHistory), not under the session: it keeps the verdict's rule — its reviewer
    /// reads it at once, everyone who reads the session once the session has closed.
    public AuditTarget AuditTarget => new(nameof(ReviewerVerdict), Id);
}

public enum Verdict
{
    [Display(Name = "拡充")]
    Expand = 1,
    [Display(Name = "現行どおり")]
    AsIs = 2,
    [Display(Name = "改善")]
    Improve = 3,
    [Display(Name = "縮小")]
    Reduce = 4,
    [Display(Name = "廃止")]
    Abolish = 5,
}

public static class ExternalReviewResults
{
    public static readonly IReadOnlyList<Verdict> Verdicts = Enum.GetValues<Verdict>();

    /// The session's result for a project: the most common verdict (the more cautious one on a tie).
    public static Verdict? Result(IEnumerable<ReviewerVerdict> verdicts) =>
        verdicts.GroupBy(v => v.Verdict).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (Verdict?)g.Key).FirstOrDefault();

    /// Every result of the forum is followed as an improvement action of the project's unit.
    public static ImprovementAction ActionFor(ExternalReview session, Project project, Verdict result, int verdictCount, DateTime now) => new()
    {
        ProjectId = project.Id, OwnerUnitId = project.OwnerUnitId, FiscalYear = session.FiscalYear, OpenedAt = now,
        Direction = result switch
        {
            Verdict.Expand => Direction.Expand,
            Verdict.AsIs => Direction.Continue,
            Verdict.Improve => Direction.Improve,
            Verdict.Reduce => Direction.Reduce,
            _ => Direction.SuspendOrAbolish,
        },
        Description = $"{session.Title}（{Wareki.Date(session.HeldOn)}）の結果：「{result.Label()}」（委員{verdictCount}人）への対応",
    };
}
