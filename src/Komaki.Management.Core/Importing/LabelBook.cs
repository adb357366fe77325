using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// Reads labels through the label table: a label means what the table (or the user, in this import) says, or
/// the current name of a value (a sheet this system exported says 拡大 for what the city calls 拡大). A label found
/// nowhere is unmapped: its rows are refused and the preview asks what it means — never a guess from a keyword.
public sealed class LabelBook
{
    private readonly Dictionary<(LabelKind Kind, string Key), int> _known;
    private readonly HashSet<(LabelKind Kind, string Key)> _inTable;
    private readonly Dictionary<(LabelKind Kind, string Key), int> _chosen;
    private readonly Dictionary<LabelKind, IReadOnlyList<(int Value, string Text)>> _options;
    private readonly Dictionary<(LabelKind Kind, string Label), (int Value, int Count)> _used = [];
    private readonly Dictionary<(LabelKind Kind, string Key), (string Label, int Count)> _unmapped = [];
    private readonly Dictionary<string, string> _keys = [];

    /// Each kind's feature, found once: the pipeline names none of them.
    private static readonly IReadOnlyList<ILabelMeanings> Meanings = typeof(ILabelMeanings).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ILabelMeanings).IsAssignableFrom(t))
        .Select(t => (ILabelMeanings)Activator.CreateInstance(t)!).OrderBy(m => m.Kind).ToList();

    /// The kinds whose feature tells what their labels may mean (every kind; LabelMeaningsTests holds that).
    public static IReadOnlyList<LabelKind> KindsTold => Meanings.Select(m => m.Kind).ToList();

    private LabelBook(IEnumerable<LabelMapping> mappings, Dictionary<LabelKind, IReadOnlyList<(int Value, string Text)>> options, ImportChoices choices)
    {
        _options = options;
        _known = [];
        foreach (var (kind, values) in _options.OrderBy(o => o.Key))
        {
            foreach (var (value, text) in values) _known.TryAdd((kind, LabelMapping.KeyOf(text)), value);
        }
        foreach (var meanings in Meanings)
        {
            foreach (var (word, value) in meanings.Words) _known.TryAdd((meanings.Kind, LabelMapping.KeyOf(word)), value);
        }
        var list = mappings.ToList();
        foreach (var m in list) _known[(m.Kind, m.Key)] = m.Value;
        _inTable = list.Select(m => (m.Kind, m.Key)).ToHashSet();
        _chosen = [];
        foreach (var (key, value) in choices.Labels)
        {
            var cut = key.IndexOf(':');
            if (cut > 0 && int.TryParse(key[..cut], out var k) && Enum.IsDefined((LabelKind)k) && Options((LabelKind)k).Any(o => o.Value == value))
                _chosen[((LabelKind)k, key[(cut + 1)..])] = value;
        }
    }

    public static async Task<LabelBook> LoadAsync(AppDbContext db, ImportChoices choices, CancellationToken ct = default)
    {
        var options = new Dictionary<LabelKind, IReadOnlyList<(int Value, string Text)>>();
        foreach (var meanings in Meanings) options[meanings.Kind] = await meanings.OptionsAsync(db, ct);
        return new(await db.LabelMappings.AsNoTracking().ToListAsync(ct), options, choices);
    }

    public static string ChoiceKey(LabelKind kind, string key) => $"{(int)kind}:{key}";

    /// The label's value, or false (and the label noted as unmapped) when nothing says what it means.
    public bool TryRead(LabelKind kind, string text, out int value)
    {
        if (!_keys.TryGetValue(text, out var key)) _keys[text] = key = LabelMapping.KeyOf(text);
        if (_chosen.TryGetValue((kind, key), out value) || _known.TryGetValue((kind, key), out value))
        {
            var used = _used.GetValueOrDefault((kind, text.Trim()));
            _used[(kind, text.Trim())] = (value, used.Count + 1);
            return true;
        }
        var seen = _unmapped.GetValueOrDefault((kind, key), (Label: text.Trim(), Count: 0));
        _unmapped[(kind, key)] = (seen.Label, seen.Count + 1);
        return false;
    }

    public bool TryRead<T>(LabelKind kind, string text, out T value) where T : struct, Enum
    {
        var found = TryRead(kind, text, out var number);
        value = (T)Enum.ToObject(typeof(T), number);
        return found;
    }

    /// Why a row is refused for its label, in words for the preview.
    public static string Unmapped(LabelKind kind, string text) =>
        $"{kind.Label()}「{text}」が何を意味するか、取り込みラベルの対応表にありません（確認画面で意味を選ぶと、次からはその意味で読みます）。";

    public string Meaning(LabelKind kind, int value) => Options(kind).FirstOrDefault(o => o.Value == value).Text ?? value.ToString(CultureInfo.InvariantCulture);

    /// The values a label of the kind can mean, with their names.
    public IReadOnlyList<(int Value, string Text)> Options(LabelKind kind) => _options.GetValueOrDefault(kind) ?? [];

    /// Puts what was read into the preview: each label used with its meaning and count, and each unmapped one.
    public void Report(ImportReport report)
    {
        foreach (var ((kind, label), (value, count)) in _used.OrderBy(u => u.Key.Kind).ThenBy(u => u.Key.Label, StringComparer.Ordinal))
            report.LabelsUsed.Add(new LabelUse(kind.Label(), label, Meaning(kind, value), count));
        foreach (var ((kind, key), (label, count)) in _unmapped.OrderBy(u => u.Key.Kind).ThenBy(u => u.Key.Key, StringComparer.Ordinal))
            report.UnmappedLabels.Add(new UnmappedLabel(kind, kind.Label(), label, ChoiceKey(kind, key), count, Options(kind)));
    }

    /// Keeps what the user decided in this import in the label table, so the next file reads the same way.
    public void Remember(AppDbContext db)
    {
        foreach (var ((kind, key), value) in _chosen)
        {
            var label = _used.Keys.FirstOrDefault(u => u.Kind == kind && LabelMapping.KeyOf(u.Label) == key).Label;
            if (label is null || _inTable.Contains((kind, key))) continue;
            db.LabelMappings.Add(new LabelMapping { Kind = kind, Key = key, Label = label, Value = value });
        }
    }
}
