namespace Komaki.Management.Core.Common;

/// Plan codes in their natural order: 1-2 before 1-10.
public sealed class CodeOrder : IComparer<string>
{
    public static readonly CodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('-');
        var b = (y ?? "").Split('-');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var ai) && int.TryParse(b[i], out var bi) ? ai.CompareTo(bi) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
