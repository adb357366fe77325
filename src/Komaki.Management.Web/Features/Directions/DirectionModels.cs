namespace Komaki.Management.Web.Features.Directions;

public sealed class DirectionRow
{
    public Direction Code { get; set; }
    public string? Label { get; set; }
    public bool InUse { get; set; }
    public int SortOrder { get; set; }
}

public sealed record DirectionsModel(IReadOnlyList<DirectionRow> Rows, bool CanEdit);
