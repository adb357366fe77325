using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Komaki.Management.Core.Auditing;

namespace Komaki.Management.Core.Importing;

/// What an import found in a file: what it would create or change (field by field), what it leaves
/// alone, and every row it refuses or skips with the reason. Nothing is written while anything is refused.
public sealed class ImportReport
{
    public string FileName { get; init; } = "";
    public List<ImportRowChange> Created { get; } = [];
    public List<ImportRowChange> Updated { get; } = [];
    public int Unchanged { get; set; }
    public List<ImportIssue> Refused { get; } = [];
    public List<ImportIssue> Skipped { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];
    public List<string> Notes { get; } = [];
    /// Set when the whole file could not be read (not an .xlsx, unrecognised headers …).
    public string? FileError { get; set; }
    public bool Applied { get; set; }

    public bool HasChanges => Created.Count > 0 || Updated.Count > 0;
    public bool CanApply => FileError is null && Refused.Count == 0 && HasChanges;

    public static ImportReport Failed(string fileName, string error) => new() { FileName = fileName, FileError = error };

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

    /// The CLI's one-line summary: {"created":n,"updated":n,"unchanged":n,"refused":[{"sheet","row","reason"}]}.
    public string ToJson()
    {
        var refused = Refused.Select(r => new JsonIssue(r.Sheet, r.Row, r.Reason)).ToList();
        if (FileError is not null) refused.Insert(0, new JsonIssue("", 0, FileError));
        return JsonSerializer.Serialize(new JsonSummary(Created.Count, Updated.Count, Unchanged, refused), JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private sealed record JsonSummary(int Created, int Updated, int Unchanged, List<JsonIssue> Refused);

    private sealed record JsonIssue(
        [property: JsonPropertyName("sheet")] string Sheet,
        [property: JsonPropertyName("row")] int Row,
        [property: JsonPropertyName("reason")] string Reason);
}

/// One record the import creates or changes; Changes lists each field old → new.
public sealed record ImportRowChange(string Sheet, int Row, string Key, string Label, List<FieldChange> Changes);

public sealed record ImportIssue(string Sheet, int Row, string Reason);

public static class ImportSteps
{
    /// Whether an import writes: asked to, nothing refused, something to change, and — when the user confirmed a
    /// preview — exactly what that preview showed.
    public static bool ShouldWrite(this ImportReport report, bool apply, string? expectedFingerprint) =>
        apply && report.CanApply && (expectedFingerprint is null || expectedFingerprint == report.Fingerprint());
}
