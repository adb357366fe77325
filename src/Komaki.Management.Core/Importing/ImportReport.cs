using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// What an import found in a file: what it would create or change (field by field), what it leaves
/// alone, every row it refuses or skips with the reason, how it read the sheet (which sheet, unit, labels,
/// columns it does not read), and what the user still has to decide. Nothing is written while anything is
/// refused or undecided.
public sealed class ImportReport
{
    public string FileName { get; init; } = "";
    public List<ImportRowChange> Created { get; } = [];
    public List<ImportRowChange> Updated { get; } = [];
    public int Unchanged { get; set; }
    public List<ImportIssue> Refused { get; } = [];
    public List<ImportIssue> Skipped { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];
    /// What the sheet could have carried (records of the year and the importer's units) but has no row for: an import
    /// never deletes, so these stay as they are, and the preview names them so a row deleted in Excel is never silent.
    public List<ImportLeftOut> LeftOut { get; } = [];
    public List<string> Notes { get; } = [];
    /// Set when the whole file could not be read (not an .xlsx, unrecognised headers …).
    public string? FileError { get; set; }
    public bool Applied { get; set; }

    /// The sheet read.
    public string? SheetName { get; set; }
    /// When more than one sheet fits: their names, for the user to pick.
    public List<string> SheetChoices { get; } = [];
    public List<ColumnConflict> ColumnConflicts { get; } = [];
    /// The sheet states no unit for its amounts and none was chosen.
    public bool NeedsAmountUnit { get; set; }
    /// How the unit of amounts was decided, one line per unit (「千円（T2 の注記「（単位：千円）」から）」).
    public List<string> AmountUnits { get; } = [];
    public List<IgnoredColumn> IgnoredColumns { get; } = [];
    public List<LabelUse> LabelsUsed { get; } = [];
    public List<UnmappedLabel> UnmappedLabels { get; } = [];
    public List<UnmappedUnit> UnmappedUnits { get; } = [];
    /// Units the import registers because the user asked it to (「市民生活部 市民環境課」).
    public List<string> UnitsToCreate { get; } = [];

    public bool HasChanges => Created.Count > 0 || Updated.Count > 0;
    public bool NeedsChoice => SheetChoices.Count > 0 || ColumnConflicts.Count > 0 || NeedsAmountUnit;
    public bool CanApply => FileError is null && !NeedsChoice && Refused.Count == 0 && HasChanges;

    public static ImportReport Failed(string fileName, string error) => new() { FileName = fileName, FileError = error };

    /// The choices still open, each as a sentence saying what to decide (for the CLI and the JSON summary).
    public IEnumerable<string> OpenChoices()
    {
        if (SheetChoices.Count > 0)
            yield return $"当てはまるシートが{SheetChoices.Count}つあります（{string.Join("、", SheetChoices.Select(s => $"「{s}」"))}）。読むシートを選んでください（--sheet シート名）。";
        foreach (var c in ColumnConflicts) yield return c.Describe() + $"（--column {c.ChoiceKey}=列記号）";
        if (NeedsAmountUnit) yield return "金額の単位がシートのどこにも書かれていません。単位を選んでください（--amount-unit 千円 または 円）。";
    }

    /// What the user can pass to settle labels and 部課名 the file leaves unmapped (the CLI's options), one line each.
    public IEnumerable<string> MappingHints()
    {
        foreach (var l in UnmappedLabels)
            yield return $"対応表にない表記: {l.KindLabel}「{l.Label}」（{l.Count:N0} 行）— --label \"{l.Label}=意味\" で指定（意味: {string.Join("・", l.Options.Select(o => o.Text))}）";
        foreach (var u in UnmappedUnits)
            yield return $"組織に当たらない部課名: 「{u.Name}」（{u.Count:N0} 行）— --unit \"{u.Name}=組織コード\" または --unit \"{u.Name}=new\"（{u.Proposal}）";
    }

    /// Identifies exactly what the preview showed, so a confirmation cannot write something else
    /// when the data changed between preview and confirm.
    public string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var c in Created.Concat(Updated))
        {
            sb.Append(c.Key).Append('|');
            foreach (var f in c.Changes) sb.Append(f.Field).Append('=').Append(f.Old).Append('>').Append(f.New).Append(';');
            sb.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    /// The CLI's one-line summary: {"applied","created","updated","unchanged","refused","skipped","warnings","notes","hints"}.
    /// A file that cannot be read, and a choice still open, are refusals of row 0.
    public string ToJson()
    {
        var refused = Refused.Select(Json).ToList();
        refused.InsertRange(0, OpenChoices().Select(c => new JsonIssue(SheetName ?? "", 0, c)));
        if (FileError is not null) refused.Insert(0, new JsonIssue("", 0, FileError));
        var notes = Description().ToList();
        return JsonSerializer.Serialize(new JsonSummary(
            Applied, Created.Count, Updated.Count, Unchanged, refused, Skipped.Select(Json).ToList(), Warnings.Select(Json).ToList(), notes,
            OpenChoices().Concat(MappingHints()).ToList()), JsonOptions);
    }

    /// How the file was read, in the order the preview shows it: the sheet, the unit of amounts, the labels
    /// mapped, the columns left unread, and the import's own notes.
    public IEnumerable<string> Description()
    {
        if (SheetName is not null) yield return $"シート「{SheetName}」を読みました。";
        foreach (var u in AmountUnits) yield return $"金額の単位: {u}";
        foreach (var l in LabelsUsed) yield return $"{l.Kind}「{l.Label}」を「{l.Meaning}」として読みました（{l.Count:N0} 行）。";
        foreach (var i in IgnoredColumns) yield return $"{i.Letter}列「{i.Header}」は{i.Reason}";
        foreach (var u in UnitsToCreate) yield return $"組織「{u}」を登録します（取り込み時に選ばれたため）。";
        foreach (var n in Notes) yield return n;
        if (LeftOut.Count > 0) yield return LeftOutSentence();
    }

    /// The records the sheet leaves out, in one sentence (the CLI's note; the preview lists them).
    public string LeftOutSentence() =>
        $"シートに行のないもの {LeftOut.Count:N0} 件（{string.Join("、", LeftOut.Take(20).Select(l => $"{l.Key} {l.Label}"))}{(LeftOut.Count > 20 ? " ほか" : "")}）は、取り込んでも変わらずそのまま残ります（取り込みでは削除しません）。";

    private static JsonIssue Json(ImportIssue i) => new(i.Sheet, i.Row, i.Reason);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private sealed record JsonSummary(
        bool Applied, int Created, int Updated, int Unchanged, List<JsonIssue> Refused, List<JsonIssue> Skipped, List<JsonIssue> Warnings, List<string> Notes,
        List<string> Hints);

    private sealed record JsonIssue(
        [property: JsonPropertyName("sheet")] string Sheet,
        [property: JsonPropertyName("row")] int Row,
        [property: JsonPropertyName("reason")] string Reason);
}

/// One record the import creates or changes; Changes lists each field old → new.
public sealed record ImportRowChange(string Sheet, int Row, string Key, string Label, List<FieldChange> Changes);

public static class ImportChanges
{
    /// What a blank cell that clears stored text is shown as: a deletion is never an empty cell in the preview.
    public const string Cleared = "（空欄）";

    /// The new value as the preview shows it: 「（空欄）」 when the sheet clears what was stored.
    public static string? NewAsShown(this FieldChange change) =>
        string.IsNullOrEmpty(change.New) && !string.IsNullOrEmpty(change.Old) ? Cleared : change.New;
}

public sealed record ImportIssue(string Sheet, int Row, string Reason);

/// A record the sheet has no row for (ImportReport.LeftOut): its key as the sheet writes it, its name and where it stands.
public sealed record ImportLeftOut(string Key, string Label);

/// A column with a header that the import does not read, and why (not known, or shown for reference only).
public sealed record IgnoredColumn(string Letter, string Header, string Reason);

/// A label of the sheet read through the label table: 今後の方向性「２　改革改善（縮小・統合含む）」 → 改善, on Count rows.
public sealed record LabelUse(string Kind, string Label, string Meaning, int Count);

/// A label the table does not know: its rows are refused until planning says what it means.
public sealed record UnmappedLabel(LabelKind Kind, string KindLabel, string Label, string ChoiceKey, int Count, IReadOnlyList<(int Value, string Text)> Options);

/// A 部課名 that names no registered unit: its rows are refused until the user maps it to a unit (or asks to register it).
public sealed record UnmappedUnit(string Name, string ChoiceKey, int Count, string Proposal);

public static class ImportSteps
{
    /// Whether an import writes: asked to, nothing refused or undecided, something to change, and — when the user
    /// confirmed a preview — exactly what that preview showed.
    public static bool ShouldWrite(this ImportReport report, bool apply, string? expectedFingerprint) =>
        apply && report.CanApply && (expectedFingerprint is null || expectedFingerprint == report.Fingerprint());
}
