using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Core.CitizenVoice;

/// 市民意識調査 results for one year as the survey contractor delivers them: one row per measure with
/// satisfaction and importance (0–100, a trailing % allowed), matched by measure code.
public sealed class SurveyImport(AppDbContext db, ExcelLimits limits) : ISheetImport
{
    public const string SheetName = "市民意識調査";

    public static readonly FieldSpec Code = new("code", "施策コード", ["施策番号", "コード", "番号"], Required: true);
    public static readonly FieldSpec Name = new("name", "施策", ["施策名"]);
    public static readonly FieldSpec Satisfaction = new("satisfaction", "満足度", ["満足度（点）", "満足度得点", "満足度(%)"], Required: true);
    public static readonly FieldSpec Importance = new("importance", "重要度", ["重要度（点）", "重要度得点", "重要度(%)"], Required: true);
    public static readonly IReadOnlyList<FieldSpec> Fields = [Code, Name, Satisfaction, Importance];

    public async Task<ImportReport> RunAsync(Stream file, string fileName, int fiscalYear, bool apply, string? expectedFingerprint = null, CancellationToken ct = default)
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
        var report = new ImportReport { FileName = fileName };
        var measures = (await db.Measures.AsNoTracking().Where(m => m.RetiredAt == null).ToListAsync(ct))
            .GroupBy(m => TextNormal.ForMatch(m.Code)).ToDictionary(g => g.Key, g => g.First());
        var existing = await db.SurveyResults.Where(r => r.FiscalYear == fiscalYear).ToDictionaryAsync(r => r.MeasureId, ct);
        var seen = new Dictionary<int, int>();
        var toAdd = new List<SurveyResult>();
        foreach (var (row, code) in DataRows.Read(grid, map, report, Code.Key, "施策コード"))
        {
            var errors = new List<string>();
            measures.TryGetValue(TextNormal.ForMatch(code), out var measure);
            if (measure is null) errors.Add($"施策コード「{code}」の施策がありません。");
            else if (!seen.TryAdd(measure.Id, row.Number)) errors.Add($"同じ施策の行が{seen[measure.Id]}行目にもあります。");
            decimal Score(FieldSpec f)
            {
                var text = row.Text(f.Key)?.TrimEnd('%', '％');
                if (!NumberText.TryParse(text, out var v) || v is null or < 0 or > 100)
                {
                    errors.Add($"{f.Header}「{row.Text(f.Key)}」は0〜100の数値にしてください。");
                    return 0;
                }
                return Math.Round(v.Value, 3);
            }
            var s = Score(Satisfaction);
            var i = Score(Importance);
            if (errors.Count > 0)
            {
                report.Refused.Add(new(grid.Name, row.Number, $"{code}: {string.Join(" ", errors)}"));
                continue;
            }
            var label = $"{measure!.Code} {measure.Name}";
            if (existing.TryGetValue(measure.Id, out var result))
            {
                var changes = new List<FieldChange>();
                if (result.Satisfaction != s) changes.Add(new(Satisfaction.Header, NumberText.Format(result.Satisfaction), NumberText.Format(s)));
                if (result.Importance != i) changes.Add(new(Importance.Header, NumberText.Format(result.Importance), NumberText.Format(i)));
                (result.Satisfaction, result.Importance) = (s, i);
                if (changes.Count == 0) report.Unchanged++;
                else report.Updated.Add(new(grid.Name, row.Number, measure.Code, label, changes));
            }
            else
            {
                toAdd.Add(new SurveyResult { MeasureId = measure.Id, FiscalYear = fiscalYear, Satisfaction = s, Importance = i });
                report.Created.Add(new(grid.Name, row.Number, measure.Code, label,
                    [new(Satisfaction.Header, null, NumberText.Format(s)), new(Importance.Header, null, NumberText.Format(i))]));
            }
        }
        if (!report.ShouldWrite(apply, expectedFingerprint))
        {
            db.ChangeTracker.Clear();
            return report;
        }
        db.SurveyResults.AddRange(toAdd);
        await db.SaveChangesAsync(ct);
        report.Applied = true;
        return report;
    }
}
