namespace Komaki.Management.Core.Importing;

/// Reads labels through the label table: a label means what the table (or the user, in this import) says, or
/// the current name of a value (a sheet this system exported says 拡大 for what the city calls 拡大). A label found
/// nowhere is unmapped: its rows are refused and the preview asks what it means — never a guess from a keyword.
public sealed class LabelBook
{
    private readonly Dictionary<(LabelKind Kind, string Key), int> _known;
    private readonly HashSet<(LabelKind Kind, string Key)> _inTable;
    private readonly Dictionary<(LabelKind Kind, string Key), int> _chosen;
    private readonly DirectionCatalog _directions;
    private readonly Dictionary<(LabelKind Kind, string Label), (int Value, int Count)> _used = [];
    private readonly Dictionary<(LabelKind Kind, string Key), (string Label, int Count)> _unmapped = [];
    private readonly Dictionary<string, string> _keys = [];

    private LabelBook(IEnumerable<LabelMapping> mappings, DirectionCatalog directions, ImportChoices choices)
    {
        _directions = directions;
        _known = [];
        foreach (var kind in Enum.GetValues<LabelKind>())
        {
            foreach (var (value, text) in Options(kind)) _known.TryAdd((kind, LabelMapping.KeyOf(text)), value);
        }
        foreach (var (kind, label, value) in PersonnelWords) _known.TryAdd((kind, LabelMapping.KeyOf(label)), value);
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

    public static async Task<LabelBook> LoadAsync(AppDbContext db, ImportChoices choices, CancellationToken ct = default) =>
        new(await db.LabelMappings.AsNoTracking().ToListAsync(ct), await DirectionCatalog.LoadAsync(db, ct), choices);

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
    public IReadOnlyList<(int Value, string Text)> Options(LabelKind kind) => kind switch
    {
        LabelKind.Direction => _directions.All.Select(d => ((int)d.Code, d.Label)).ToList(),
        LabelKind.ImplementationStatus => ImplementationStatusLabels.All.Select(s => ((int)s, s.Label())).ToList(),
        LabelKind.ProgressStatus => ProgressStatusLabels.All.Select(s => ((int)s, s.Label())).ToList(),
        LabelKind.JobLevel => Enum.GetValues<Personnel.JobLevel>().Select(l => ((int)l, l.Label())).ToList(),
        LabelKind.Employment => Enum.GetValues<Personnel.EmploymentType>().Select(e => ((int)e, e.Label())).ToList(),
        _ => EvaluationLabels.Ratings.Select(r => ((int)r, r.ToString())).ToList(),
    };

    private static readonly string[] FiscalYearAppointeeWords =
    [
        "会計年度任用", "会計年度任用職員", "会計年度任用職員（パートタイム）", "会計年度任用職員（フルタイム）",
        "パートタイム会計年度任用職員", "フルタイム会計年度任用職員",
    ];

    /// The everyday words of personnel systems for 職層 and 任用形態, read like the names of the values; the label table
    /// (planning's entries) and the user's choices in an import come before them, and any other word is asked about.
    public static readonly IReadOnlyList<(LabelKind Kind, string Label, int Value)> PersonnelWords =
    [
        .. new[] { "部長", "部長級" }.Select(w => (LabelKind.JobLevel, w, (int)Personnel.JobLevel.DepartmentChief)),
        .. new[] { "課長", "課長級" }.Select(w => (LabelKind.JobLevel, w, (int)Personnel.JobLevel.DivisionChief)),
        .. new[] { "係長", "係長級" }.Select(w => (LabelKind.JobLevel, w, (int)Personnel.JobLevel.SectionChief)),
        .. new[] { "一般", "一般職員", "主任・主事級" }.Select(w => (LabelKind.JobLevel, w, (int)Personnel.JobLevel.General)),
        .. FiscalYearAppointeeWords.Select(w => (LabelKind.JobLevel, w, (int)Personnel.JobLevel.FiscalYearAppointee)),
        .. new[] { "正規", "正規職員", "正職員", "常勤", "常勤職員" }.Select(w => (LabelKind.Employment, w, (int)Personnel.EmploymentType.Regular)),
        .. new[] { "再任用", "再任用職員", "再任用（短時間）", "再任用（フルタイム）", "再任用短時間勤務職員", "再任用フルタイム勤務職員" }
            .Select(w => (LabelKind.Employment, w, (int)Personnel.EmploymentType.Reappointed)),
        .. FiscalYearAppointeeWords.Select(w => (LabelKind.Employment, w, (int)Personnel.EmploymentType.FiscalYearAppointed)),
    ];

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
