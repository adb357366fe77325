namespace Komaki.Management.Core.Common;

/// A set of links saved from a form: the links still wanted stay the same rows, those no longer wanted are removed
/// and new ones added. Clearing and adding again would rewrite every link of a record saved unchanged.
public static class LinkSet
{
    public static void Keep<T, TKey>(ICollection<T> current, IEnumerable<T> wanted, Func<T, TKey> key)
    {
        var want = wanted.ToList();
        var keys = want.Select(key).ToHashSet();
        foreach (var old in current.Where(c => !keys.Contains(key(c))).ToList()) current.Remove(old);
        var have = current.Select(key).ToHashSet();
        foreach (var w in want.Where(w => have.Add(key(w)))) current.Add(w);
    }
}
