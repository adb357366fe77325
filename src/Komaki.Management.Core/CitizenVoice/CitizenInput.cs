using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.CitizenVoice;

/// 市民の声: one opinion or request as heard through a channel, what in the plan it touches, and the city's answer.
[DataArea(DataArea.Voice)]
public sealed class CitizenInput : IVersioned, IAudited, IPublishedOnItsOwn
{
    public int Id { get; set; }
    [Display(Name = "経路")]
    public CitizenChannel Channel { get; set; }
    [Display(Name = "受付日")]
    public DateOnly ReceivedOn { get; set; }
    [Display(Name = "要旨")]
    public string Summary { get; set; } = "";
    /// 市の考え方.
    [Display(Name = "市の考え方")]
    public string? Answer { get; set; }
    [Display(Name = "対応状況")]
    public CitizenInputStatus Status { get; set; }
    /// Shown on the public site; planning publishes only an input that has the city's answer.
    [Display(Name = "公開")]
    public bool IsPublished { get; set; }
    /// When a published input was corrected and why; the public site shows it as 訂正 beside AsPublished.
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    [Display(Name = "公表時の内容")]
    public string? AsPublished { get; set; }
    public int Version { get; set; }
    public List<CitizenInputLink> Links { get; set; } = [];

    public string PublishedName => "公開サイトに載せている市民の声";

    public string PublicText() => $"{(int)Channel}\n{ReceivedOn:yyyy-MM-dd}\n{Summary}\n{Answer}\n{(int)Status}";

    /// The input as the public site showed it, in one text (what a correction shows as published).
    public string Shown() => $"{Channel.Label()}（{Wareki.Date(ReceivedOn)}）{Status.Label()}\n{Summary}\n市の考え方: {Answer}";

    public void KeepAsPublished(ICorrectable? published) => AsPublished = (published as CitizenInput)?.Shown() ?? "";

    public AuditTarget AuditTarget => new(nameof(CitizenInput), Id);
}

/// A measure or a project a citizen input touches (exactly one of the two).
[DataArea(DataArea.Voice)]
public sealed class CitizenInputLink : OnMeasureOrProject, IAudited
{
    public int Id { get; set; }
    [Display(Name = "市民の声")]
    public int CitizenInputId { get; set; }
    public CitizenInput? CitizenInput { get; set; }

    public AuditTarget AuditTarget => new(nameof(CitizenInput), CitizenInputId, ProjectId is int p ? $"Project:{p}" : $"Measure:{MeasureId}");
}

/// 市民意識調査: how satisfied citizens are with a measure and how important they find it, in one year.
[DataArea(DataArea.Voice)]
public sealed class SurveyResult : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "施策")]
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "満足度")]
    public decimal Satisfaction { get; set; }
    [Display(Name = "重要度")]
    public decimal Importance { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(SurveyResult), FiscalYear);
}

public enum CitizenChannel
{
    [Display(Name = "タウンミーティング")]
    TownMeeting = 1,
    [Display(Name = "パブリックコメント")]
    PublicComment = 2,
    [Display(Name = "市民意識調査")]
    Survey = 3,
    [Display(Name = "市長への手紙")]
    LetterToMayor = 4,
    [Display(Name = "行政評価市民公開フォーラム")]
    EvaluationForum = 5,
    [Display(Name = "その他")]
    Other = 9,
}

public enum CitizenInputStatus
{
    [Display(Name = "受付")]
    Received = 1,
    [Display(Name = "検討中")]
    Considering = 2,
    [Display(Name = "回答済")]
    Answered = 3,
    [Display(Name = "計画・事業に反映")]
    Reflected = 4,
}

public static class CitizenVoiceLabels
{
    public static readonly IReadOnlyList<CitizenChannel> Channels = Enum.GetValues<CitizenChannel>();
    public static readonly IReadOnlyList<CitizenInputStatus> Statuses = Enum.GetValues<CitizenInputStatus>();
}
