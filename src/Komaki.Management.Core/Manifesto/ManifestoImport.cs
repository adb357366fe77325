using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Core.Manifesto;

/// The manifesto as the mayor's office keeps it (番号・分野・項目・内容・数値目標), into one term: items are
/// matched by number, created or updated field by field, never deleted.
public sealed class ManifestoImport(AppDbContext db, ExcelLimits limits) : ISheetImport
{
    public const string SheetName = "マニフェスト";

    public static readonly FieldSpec Number = new("number", "番号", ["項目番号", "No", "NO", "施策番号"], Required: true);
    public static readonly FieldSpec Area = new("area", "分野", ["政策分野", "分類", "柱"]);
    public static readonly FieldSpec Title = new("title", "項目", ["項目名", "マニフェスト項目", "公約", "タイトル"], Required: true);
    public static readonly FieldSpec Description = new("description", "内容", ["説明", "具体的な内容", "取組内容"]);
    public static readonly FieldSpec Target = new("target", "数値目標", ["目標", "目標値", "数値目標等"]);
    public static readonly IReadOnlyList<FieldSpec> Fields = [Number, Area, Title, Description, Target];

    public async Task<ImportReport> RunAsync(Stream file, string fileName, int termId, bool apply, string? expectedFingerprint = null, CancellationToken ct = default)
    {
        SheetGrid grid;
        HeaderMap map;
        try
        {
            (grid, map) = SheetFinder.Open(file, limits, SheetName, Fields, new HashSet<string>());
        }
        catch (ExcelFileException e)
        {
            return ImportReport.Failed(fileName, e.Message);
        }
        var term = await db.MayorTerms.Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == termId, ct);
        if (term is null) return ImportReport.Failed(fileName, "取り込み先の任期がありません。");
        var report = new ImportReport { FileName = fileName };
        var existing = term.Items.ToDictionary(i => TextNormal.ForMatch(i.Number));
        var seen = new Dictionary<string, int>();
        var order = term.Items.Count == 0 ? 0 : term.Items.Max(i => i.SortOrder);
        var toAdd = new List<ManifestoItem>();
        foreach (var (row, number) in DataRows.Read(grid, map, report, Number.Key, "番号"))
        {
            var key = TextNormal.ForMatch(number);
            var title = row.Text(Title.Key);
            var errors = new List<string>();
            if (!seen.TryAdd(key, row.Number)) errors.Add($"番号「{number}」の行が{seen[key]}行目にもあります。");
            if (title is null) errors.Add("項目が空欄です。");
            if (title is { Length: > 200 }) errors.Add("項目は200文字以内にしてください。");
            if (row.Text(Description.Key) is { Length: > 4000 }) errors.Add("内容は4,000文字以内にしてください。");
            if (errors.Count > 0)
            {
                report.Refused.Add(new(grid.Name, row.Number, $"{number}: {string.Join(" ", errors)}"));
                continue;
            }
            var isNew = !existing.TryGetValue(key, out var item);
            item ??= new ManifestoItem { MayorTermId = termId, Number = number.Trim(), SortOrder = ++order };
            var changes = new List<FieldChange>();
            void Set(FieldSpec f, string? old, string? value, Action apply)
            {
                if (!row.Has(f.Key) && !isNew) return;
                if (!isNew && (old ?? "") == (value ?? "")) return;
                if (isNew && value is null) return;
                changes.Add(new(f.Header, isNew ? null : old, value));
                apply();
            }
            Set(Area, item.Area, row.Text(Area.Key) ?? (isNew ? "（未分類）" : item.Area), () => item.Area = row.Text(Area.Key) ?? (isNew ? "（未分類）" : item.Area));
            Set(Title, item.Title, title, () => item.Title = title!);
            Set(Description, item.Description, row.Text(Description.Key), () => item.Description = row.Text(Description.Key) ?? "");
            Set(Target, item.NumericTarget, row.Text(Target.Key), () => item.NumericTarget = row.Text(Target.Key));
            if (isNew)
            {
                toAdd.Add(item);
                report.Created.Add(new(grid.Name, row.Number, number, title!, changes));
            }
            else if (changes.Count > 0) report.Updated.Add(new(grid.Name, row.Number, number, item.Title, changes));
            else report.Unchanged++;
        }
        if (!report.ShouldWrite(apply, expectedFingerprint))
        {
            db.ChangeTracker.Clear();
            return report;
        }
        db.ManifestoItems.AddRange(toAdd);
        await db.SaveChangesAsync(ct);
        report.Applied = true;
        return report;
    }
}
