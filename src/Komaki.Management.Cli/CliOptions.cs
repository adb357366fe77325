namespace Komaki.Management.Cli;

/// The options of one command: each --key with its values in order (some options may be given more than once).
internal sealed class CliOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
        list.Add(value);
    }

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// The last value given for the key.
    public bool TryGetValue(string key, out string value)
    {
        value = _values.TryGetValue(key, out var list) ? list[^1] : "";
        return list is not null;
    }

    public string? GetValueOrDefault(string key, string? fallback = null) => TryGetValue(key, out var v) ? v : fallback;

    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var list) ? list : [];
}
