using System.ComponentModel.DataAnnotations;

namespace Komaki.Management.Core.Manifesto;

/// A mayor's term of office, whose election promises must land in the plan.
public sealed class MayorTerm : IVersioned, IAudited
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string MayorName { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
    public List<ManifestoItem> Items { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(MayorTerm), Id);

    public int FirstFiscalYear => Wareki.FiscalYearOf(StartDate);
    public int? LastFiscalYear => EndDate is DateOnly e ? Wareki.FiscalYearOf(e) : null;
}

/// One promise of the manifesto: its number and area as the mayor published them, and a numeric target where
/// there is one. Linked to the policies, measures and projects that carry it.
public sealed class ManifestoItem : IVersioned, IAudited
{
    public int Id { get; set; }
    public int MayorTermId { get; set; }
    public MayorTerm? MayorTerm { get; set; }
    public string Number { get; set; } = "";
    public string Area { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? NumericTarget { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public List<ManifestoLink> Links { get; set; } = [];
    public List<ManifestoProgress> Progress { get; set; } = [];

    public AuditTarget AuditTarget => new(nameof(ManifestoItem), Id);
}

/// Where a promise is carried: exactly one of a policy, a measure or a project.
public sealed class ManifestoLink : IAudited
{
    public int Id { get; set; }
    public int ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    public int? PolicyId { get; set; }
    public Policy? Policy { get; set; }
    public int? MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }

    public PlanLevel Level => ProjectId is not null ? PlanLevel.Project : MeasureId is not null ? PlanLevel.Measure : PlanLevel.Policy;
    public int ElementId => ProjectId ?? MeasureId ?? PolicyId ?? 0;

    public AuditTarget AuditTarget => new(nameof(ManifestoItem), ManifestoItemId, $"{Level}:{ElementId}");
}

/// The yearly state of a promise with the city's commentary and evidence.
public sealed class ManifestoProgress : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ManifestoItemId { get; set; }
    public ManifestoItem? ManifestoItem { get; set; }
    public int FiscalYear { get; set; }
    public ManifestoStatus Status { get; set; }
    public string Commentary { get; set; } = "";
    public string? Evidence { get; set; }
    public int Version { get; set; }

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
