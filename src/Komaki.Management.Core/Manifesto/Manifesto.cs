using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Manifesto;

/// A mayor's term of office, whose election promises must land in the plan.
[DataArea(DataArea.Voice)]
public sealed class MayorTerm : IVersioned, IAudited
{
    public int Id { get; set; }
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "市長")]
    public string MayorName { get; set; } = "";
    [Display(Name = "開始日")]
    public DateOnly StartDate { get; set; }
    [Display(Name = "終了日")]
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
    public List<ManifestoItem> Items { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(MayorTerm), Id);

    public int FirstFiscalYear => Wareki.FiscalYearOf(StartDate);
    public int? LastFiscalYear => EndDate is DateOnly e ? Wareki.FiscalYearOf(e) : null;
}

/// One promise of the manifesto: its number and area as the mayor published them, and a numeric target where
/// there is one. Linked to the policies, measures and projects that carry it. The public site shows every promise as
/// soon as it is recorded, so rewording one is a 訂正 (PublishedCorrections).
[DataArea(DataArea.Voice)]
public sealed class ManifestoItem : IVersioned, IAudited, IPublishedOnItsOwn
{
    public int Id { get; set; }
    [Display(Name = "任期")]
    public int MayorTermId { get; set; }
    public MayorTerm? MayorTerm { get; set; }
    [Display(Name = "番号")]
    public string Number { get; set; } = "";
    [Display(Name = "分野")]
    public string Area { get; set; } = "";
    [Display(Name = "名称")]
    public string Title { get; set; } = "";
    [Display(Name = "概要・説明")]
    public string Description { get; set; } = "";
    [Display(Name = "数値目標")]
    public string? NumericTarget { get; set; }
    /// Staff's own note on the promise (調整の状況, 予算化の予定 …); never published.
    [Display(Name = "備考")]
    public string? Note { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    [Display(Name = "公表時の項目")]
    public string? AsPublished { get; set; }
    public int Version { get; set; }
    public List<ManifestoLink> Links { get; set; } = [];
    public List<ManifestoProgress> Progress { get; set; } = [];

    public bool IsPublished => true;
    public string PublishedName => "公開サイトに載っている公約";
    public string PublicText() => $"{Number}\n{Area}\n{Title}";
    public void KeepAsPublished(ICorrectable? published) => AsPublished = published is ManifestoItem p ? $"{p.Number}（{p.Area}）{p.Title}" : "";

    public AuditTarget AuditTarget => new(nameof(ManifestoItem), Id);
}

/// Where a promise is carried: exactly one of a policy, a measure or a project.
[DataArea(DataArea.Voice)]
public sealed class ManifestoLink : OnMeasureOrProject, IAudited
{
    public int Id { get; set; }
    [Display(Name = "マニフェスト項目")]
    public int ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    [Display(Name = "政策")]
    public int? PolicyId { get; set; }
    public Policy? Policy { get; set; }

    public PlanLevel Level => ProjectId is not null ? PlanLevel.Project : MeasureId is not null ? PlanLevel.Measure : PlanLevel.Policy;
    public int ElementId => ProjectId ?? MeasureId ?? PolicyId ?? 0;

    public AuditTarget AuditTarget => new(nameof(ManifestoItem), ManifestoItemId, $"{Level}:{ElementId}");
}

/// The yearly state of a promise with the city's commentary and evidence.
[DataArea(DataArea.Voice)]
public sealed class ManifestoProgress : IVersioned, IAudited, IPublishedByYear
{
    public int Id { get; set; }
    [Display(Name = "マニフェスト項目")]
    public int ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    [Display(Name = "年度")]
    public int FiscalYear { get; set; }
    [Display(Name = "進捗状況")]
    public ManifestoStatus Status { get; set; }
    [Display(Name = "説明")]
    public string Commentary { get; set; } = "";
    [Display(Name = "根拠")]
    public string? Evidence { get; set; }
    /// When a published year's record was corrected and why; the public site shows it as 訂正 beside AsPublished.
    [Display(Name = "訂正日時")]
    public DateTime? CorrectedAt { get; set; }
    [Display(Name = "訂正の理由")]
    public string? CorrectionReason { get; set; }
    [Display(Name = "公表時の説明")]
    public string? AsPublished { get; set; }
    [Display(Name = "公表時の進捗状況")]
    public ManifestoStatus? AsPublishedStatus { get; set; }
    public int Version { get; set; }

    public string PublicText() => $"{(int)Status}\n{Commentary}";

    /// A year's progress as the public site shows it in one line (what a correction shows as published).
    public static string Shown(ManifestoStatus? status, string? commentary) => status is null ? commentary ?? "" : $"{status.Value.Label()}　{commentary}";

    public void KeepAsPublished(ICorrectable? published)
    {
        var p = published as ManifestoProgress;
        (AsPublished, AsPublishedStatus) = (p?.Commentary ?? "", p?.Status);
    }

    public AuditTarget AuditTarget => new(nameof(ManifestoItem), ManifestoItemId, $"{FiscalYear}年度の進捗");
}

public enum ManifestoStatus
{
    [Display(Name = "未着手")]
    NotStarted = 1,
    [Display(Name = "着手")]
    Started = 2,
    [Display(Name = "推進中")]
    Advancing = 3,
    [Display(Name = "実現")]
    Achieved = 4,
    [Display(Name = "一部実現")]
    PartlyAchieved = 5,
    [Display(Name = "見直し")]
    Revised = 6,
}

public static class ManifestoStatusLabels
{
    public static readonly IReadOnlyList<ManifestoStatus> All = Enum.GetValues<ManifestoStatus>();
}
