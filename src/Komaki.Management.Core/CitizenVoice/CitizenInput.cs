using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.CitizenVoice;

/// 市民の声: one opinion or request as heard through a channel, what in the plan it touches, and the city's answer.
public sealed class CitizenInput : IVersioned, IAudited
{
    public int Id { get; set; }
    public CitizenChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string Summary { get; set; } = "";
    /// 市の考え方.
    public string? Answer { get; set; }
    public CitizenInputStatus Status { get; set; }
    /// Shown on the public site; planning publishes only an input that has the city's answer.
    public bool IsPublished { get; set; }
    public int Version { get; set; }
    public List<CitizenInputLink> Links { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(CitizenInput), Id);
}

/// A measure or a project a citizen input touches (exactly one of the two).
public sealed class CitizenInputLink : IAudited
{
    public int Id { get; set; }
    public int CitizenInputId { get; set; }
    public CitizenInput? CitizenInput { get; set; }
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }

    public AuditTarget AuditTarget => new(nameof(CitizenInput), CitizenInputId, ProjectId is int p ? $"Project:{p}" : $"Measure:{MeasureId}");
}

/// 市民意識調査: how satisfied citizens are with a measure and how important they find it, in one year.
public sealed class SurveyResult : IVersioned, IAudited
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int FiscalYear { get; set; }
    public decimal Satisfaction { get; set; }
    public decimal Importance { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(SurveyResult), FiscalYear);
}

public enum CitizenChannel
{
    TownMeeting = 1,
    PublicComment = 2,
    Survey = 3,
    LetterToMayor = 4,
    EvaluationForum = 5,
    Other = 9,
}

public enum CitizenInputStatus
{
    Received = 1,
    Considering = 2,
    Answered = 3,
    Reflected = 4,
}

public static class CitizenVoiceLabels
{
    public static readonly IReadOnlyList<CitizenChannel> Channels = Enum.GetValues<CitizenChannel>();
    public static readonly IReadOnlyList<CitizenInputStatus> Statuses = Enum.GetValues<CitizenInputStatus>();

    public static string Label(this CitizenChannel c) => c switch
    {
        CitizenChannel.TownMeeting => "タウンミーティング",
        CitizenChannel.PublicComment => "パブリックコメント",
        CitizenChannel.Survey => "市民意識調査",
        CitizenChannel.LetterToMayor => "市長への手紙",
        CitizenChannel.EvaluationForum => "行政評価市民公開フォーラム",
        _ => "その他",
    };

    public static string Label(this CitizenInputStatus s) => s switch
    {
        CitizenInputStatus.Received => "受付",
        CitizenInputStatus.Considering => "検討中",
        CitizenInputStatus.Answered => "回答済",
        CitizenInputStatus.Reflected => "計画・事業に反映",
        _ => s.ToString(),
    };
}
