using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Excel;

/// A column an import understands: its key, the header written on export, and the other wordings
/// divisions use for it. PerYear fields may sit under a year heading (R6 / 令和6年度 …) in wide sheets.
/// A Reference field is recognised but not read (the preview lists it as 参照のみ).
public sealed record FieldSpec(
    string Key, string Header, IReadOnlyList<string> Synonyms, bool Required = false, bool PerYear = false, bool Reference = false)
{
    public IEnumerable<string> AllNames => Synonyms.Prepend(Header);
}

/// Two or more columns that each fit one field; nothing is read from them until the user picks one.
public sealed record ColumnConflict(string ChoiceKey, string Field, IReadOnlyList<(int Column, string Header)> Columns)
{
    public string Describe() =>
        $"「{Field}」に当てはまる列が{Columns.Count}つあります（{string.Join("、", Columns.Select(c => $"{CellRange.ColumnName(c.Column)}列「{c.Header}」"))}）。どの列を読むか選んでください。";
}

/// Where the fields of an import sit in a sheet: found by name in the first rows, with two- to four-row headers,
/// merged cells and line breaks. Every column that fits a field is noted, so two candidates are never settled by
/// taking the first: the user picks one (columnChoices, keyed by ChoiceKey) or the file is not read.
public sealed partial class HeaderMap
{
    public const int RowsScanned = 15;

    public int LastHeaderRow { get; private init; }
    public IReadOnlyDictionary<string, int> Columns { get; private init; } = new Dictionary<string, int>();
    /// (fiscal year, field key) → column, for wide sheets with a block of columns per year.
    public IReadOnlyDictionary<(int Year, string Key), int> YearColumns { get; private init; } = new Dictionary<(int, string), int>();
    /// The header texts of each column, top to bottom (merged headers included).
    public IReadOnlyDictionary<int, List<string>> Labels { get; private init; } = new Dictionary<int, List<string>>();
    public List<ColumnConflict> Conflicts { get; } = [];

    public IEnumerable<int> Years => YearColumns.Keys.Select(k => k.Year).Distinct().Order();

    public int? Column(string key) => Columns.TryGetValue(key, out var c) ? c : null;

    public int? Column(int year, string key) =>
        YearColumns.TryGetValue((year, key), out var c) ? c : Column(key);

    public bool HasField(string key) => Columns.ContainsKey(key) || YearColumns.Keys.Any(k => k.Key == key);

    public IEnumerable<int> MappedColumns => Columns.Values.Concat(YearColumns.Values);

    /// The header of a column as staff read it: its texts from the top header row down, joined.
    public string HeaderOf(int column) =>
        Labels.TryGetValue(column, out var texts) && texts.Count > 0 ? string.Join("／", texts.Select(t => t.Replace('\n', ' '))) : "";

    /// Finds the header rows, or throws ExcelFileException naming what was expected and what was found.
    public static HeaderMap Find(SheetGrid grid, IReadOnlyList<FieldSpec> fields, IReadOnlyDictionary<string, int>? columnChoices = null)
    {
        if (grid.Rows.Count == 0) throw new ExcelFileException($"シート「{grid.Name}」は空です。");
        var lastColumn = Math.Min(grid.LastColumn, 500);
        var names = fields.SelectMany(f => f.AllNames.Select(n => (Name: Key(n), Field: f))).ToList();

        Candidate? best = null;
        for (var end = 1; end <= RowsScanned; end++)
        {
            var candidate = Match(grid, end, lastColumn, names);
            if (candidate is null) continue;
            if (best is null || candidate.Score > best.Score) best = candidate;
        }
        var required = fields.Where(f => f.Required).ToList();
        if (best is null || required.Any(f => !best.Matched.Contains(f.Key)))
        {
            var found = FoundHeaders(grid, lastColumn);
            var missing = best is null ? required : required.Where(f => !best.Matched.Contains(f.Key)).ToList();
            throw new ExcelFileException(
                $"シート「{grid.Name}」の見出しを認識できませんでした。必要な見出しのうち、次が見つかりません: {string.Join("、", missing.Select(f => f.Header))}。" +
                $"（期待する見出し: {string.Join("、", fields.Select(f => f.Header))}／1〜{RowsScanned}行目にあった見出し: {(found.Count == 0 ? "なし" : string.Join("、", found))}）");
        }
        return Settle(best, fields, columnChoices ?? new Dictionary<string, int>());
    }

    /// Picks each field's column: the only candidate, or the one the user chose; otherwise a conflict.
    private static HeaderMap Settle(Candidate best, IReadOnlyList<FieldSpec> fields, IReadOnlyDictionary<string, int> choices)
    {
        var columns = new Dictionary<string, int>();
        var yearColumns = new Dictionary<(int, string), int>();
        var conflicts = new List<ColumnConflict>();
        foreach (var ((year, key), candidates) in best.Candidates)
        {
            var choiceKey = year is int y ? $"{y}:{key}" : key;
            int column;
            if (candidates.Count == 1) column = candidates[0];
            else if (choices.TryGetValue(choiceKey, out var chosen) && candidates.Contains(chosen)) column = chosen;
            else
            {
                var field = fields.First(f => f.Key == key);
                var label = year is int fy ? $"{Wareki.FiscalYear(fy)} {field.Header}" : field.Header;
                conflicts.Add(new ColumnConflict(choiceKey, label, candidates.Select(c => (c, string.Join("／", best.Labels[c]))).ToList()));
                continue;
            }
            if (year is int yr) yearColumns[(yr, key)] = column;
            else columns[key] = column;
        }
        var map = new HeaderMap { LastHeaderRow = best.End, Columns = columns, YearColumns = yearColumns, Labels = best.Labels };
        map.Conflicts.AddRange(conflicts);
        return map;
    }

    private sealed record Candidate(
        int End, int Score, HashSet<string> Matched, Dictionary<(int? Year, string Key), List<int>> Candidates, Dictionary<int, List<string>> Labels);

    private static Candidate? Match(SheetGrid grid, int end, int lastColumn, List<(string Name, FieldSpec Field)> names)
    {
        var start = Math.Max(1, end - 3);
        var candidates = new Dictionary<(int? Year, string Key), List<int>>();
        var texts = new Dictionary<int, List<(int Row, string Text)>>();
        var matched = new HashSet<string>();
        var lastRowHasHeader = false;
        var headerTop = end;
        for (var c = 1; c <= lastColumn; c++)
        {
            var column = new List<(int Row, string Text)>();
            for (var r = start; r <= end; r++)
            {
                var t = grid.ShownText(r, c);
                if (!string.IsNullOrWhiteSpace(t) && column.All(x => x.Text != t)) column.Add((r, t));
            }
            texts[c] = column;
            FieldSpec? field = null;
            int? year = null;
            foreach (var (row, text) in column)
            {
                var key = Key(text);
                var hit = names.FirstOrDefault(n => n.Name == key);
                if (hit.Field is not null)
                {
                    field = hit.Field;
                    headerTop = Math.Min(headerTop, row);
                }
                else if (TryYear(text, out var y)) year = y;
            }
            if (field is null) continue;
            if (Key(grid.ShownText(end, c)) is var lastKey && names.Any(n => n.Name == lastKey)) lastRowHasHeader = true;
            var slot = (field.PerYear && year is int fy ? fy : (int?)null, field.Key);
            if (!candidates.TryGetValue(slot, out var list)) candidates[slot] = list = [];
            list.Add(c);
            matched.Add(field.Key);
        }
        if (!lastRowHasHeader || matched.Count == 0) return null;
        // What stands above the first header row (a title, a unit note) is not part of any column's header;
        // a year heading over a block is.
        var labels = texts.ToDictionary(t => t.Key, t => t.Value
            .Where(x => x.Row >= headerTop || TryYear(x.Text, out _))
            .Select(x => x.Text).ToList());
        return new Candidate(end, matched.Count * 100 - end, matched, candidates, labels);
    }

    /// A header as compared: NFKC, no spaces or line breaks, without a leading list number (② 公共関与の妥当性)
    /// and without a unit or note in brackets.
    public static string Key(string? text)
    {
        var s = TextNormal.ForMatch(TextNormal.WithoutListNumber(text));
        s = Bracketed().Replace(s, "");
        s = s.TrimStart('※', '*', '■', '□', '●', '○').TrimEnd('.', ':', '・');
        // A month written with its year (令和8年4月, 2027年1月) is the month's column; the import checks the year.
        var ym = YearMonth().Match(s);
        return ym.Success ? ym.Groups[2].Value + ym.Groups[3].Value : s;
    }

    /// The calendar year of a month header written with its year (令和9年1月 → 2027), or null.
    public static int? CalendarYearOfMonth(string? text)
    {
        var m = YearMonth().Match(TextNormal.ForMatch(text));
        return m.Success && Wareki.TryParseFiscalYear(m.Groups[1].Value, out var y) ? y : null;
    }

    /// The fiscal year a header names (令和7年度, R7, 2025年度, 平成32(2020)), or null.
    public static int? YearOf(string text) => TryYear(text, out var y) ? y : null;

    private static bool TryYear(string text, out int year)
    {
        var s = TextNormal.ForMatch(text);
        // A year heading, perhaps with a short qualifier (令和6年度計画, R7見込); not a title that starts with a year.
        var m = LeadingYear().Match(s);
        if (m.Success && s.Length - m.Length <= 4 && Wareki.TryParseFiscalYear(m.Groups[1].Value, out year)) return true;
        // 平成32(2020): written before the era changed; the Western year in brackets decides.
        var western = WesternInBrackets().Match(s);
        if (western.Success && Wareki.TryParseFiscalYear(western.Groups[1].Value, out year)) return true;
        return Wareki.TryParseFiscalYear(Bracketed().Replace(s, ""), out year);
    }

    private static List<string> FoundHeaders(SheetGrid grid, int lastColumn)
    {
        var found = new List<string>();
        for (var r = 1; r <= RowsScanned; r++)
        {
            for (var c = 1; c <= lastColumn && found.Count < 30; c++)
            {
                var t = grid.RowAt(r)?.Get(c);
                if (!string.IsNullOrWhiteSpace(t) && t.Length <= 30 && !found.Contains(t.Trim())) found.Add(t.Trim());
            }
        }
        return found;
    }

    [GeneratedRegex(@"[\(（【\[][^\)）】\]]*[\)）】\]]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^((?:令和|平成|[RH])(?:元|\d{1,2})年度?|\d{4}年度?)")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"^((?:令和|平成|[RH])(?:元|\d{1,2})年|\d{4}年)(\d{1,2}月)(分)?$")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"[\(（](\d{4})[\)）]")]
    private static partial Regex WesternInBrackets();
}
