using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// A direction (今後の方向性) as this city names and uses it. The codes are the system's; the labels and which of
/// them evaluators may choose are the city's (Komaki: 拡大・維持・縮小・廃止, and 廃止→新規 since 令和元年度).
[DataArea(DataArea.Settings)]
public sealed class DirectionChoice : IVersioned, IAudited
{
    [Display(Name = "コード")]
    public Direction Code { get; set; }
    [Display(Name = "区分の名称")]
    public string Label { get; set; } = "";
    /// Offered on the evaluation forms; a direction not in use still shows its label on older records.
    [Display(Name = "使用中")]
    public bool InUse { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public AuditTarget AuditTarget => new(nameof(DirectionChoice), (int)Code);

    /// Komaki's verdicts in use; the other codes keep common labels for history brought in from other systems.
    public static IReadOnlyList<DirectionChoice> Defaults =>
    [
        new() { Code = Direction.Expand, Label = "拡大", InUse = true, SortOrder = 1 },
        new() { Code = Direction.Continue, Label = "維持", InUse = true, SortOrder = 2 },
        new() { Code = Direction.Reduce, Label = "縮小", InUse = true, SortOrder = 3 },
        new() { Code = Direction.SuspendOrAbolish, Label = "廃止", InUse = true, SortOrder = 4 },
        new() { Code = Direction.AbolishAndReplace, Label = "廃止→新規", InUse = true, SortOrder = 5 },
        new() { Code = Direction.Improve, Label = "改善", InUse = false, SortOrder = 6 },
        new() { Code = Direction.Merge, Label = "統合", InUse = false, SortOrder = 7 },
        new() { Code = Direction.Complete, Label = "完了", InUse = false, SortOrder = 8 },
    ];
}

/// The city's directions with their labels: what every screen, sheet and file shows for a direction.
public sealed class DirectionCatalog
{
    private readonly Dictionary<Direction, DirectionChoice> _byCode;

    public DirectionCatalog(IEnumerable<DirectionChoice> choices)
    {
        All = choices.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
        _byCode = All.ToDictionary(c => c.Code);
    }

    public static DirectionCatalog Default { get; } = new(DirectionChoice.Defaults);

    public IReadOnlyList<DirectionChoice> All { get; }

    public IEnumerable<DirectionChoice> InUse => All.Where(c => c.InUse);

    public string Label(Direction direction) => _byCode.TryGetValue(direction, out var c) ? c.Label : direction.ToString();

    public string Label(Direction? direction) => direction is Direction d ? Label(d) : "";

    public string LabelOrDash(Direction? direction) => direction is Direction d ? Label(d) : "－";

    /// What a form offers: the directions in use, and the one already chosen even if the city no longer uses it.
    public IEnumerable<DirectionChoice> Offered(Direction? current) => All.Where(c => c.InUse || c.Code == current);

    public static async Task<DirectionCatalog> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var stored = await db.DirectionChoices.AsNoTracking().ToListAsync(ct);
        return new DirectionCatalog(stored.Count == 0 ? DirectionChoice.Defaults : stored);
    }
}
