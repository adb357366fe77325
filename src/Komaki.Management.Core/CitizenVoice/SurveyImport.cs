using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.CitizenVoice;

/// 市民意識調査 results for one year as the survey contractor delivers them: one row per measure with
/// satisfaction and importance (0–100, a trailing % allowed), matched by measure code.
public sealed partial class SurveyImport(ImportContext context) : SheetImport(context)
{
    public static readonly SheetKind Sheet = new(SheetKind.Survey, "市民意識調査の結果", context => new SurveyImport(context), null, _ => "",
        new SheetRoute("Survey", "Index", "year"), SheetAccess.Planning);

    public const string SheetName = "市民意識調査";

    /// The decimals a score keeps (SurveyResult.Satisfaction and Importance, precision (9, 3)).
    public const int ScoreDecimals = 3;

    public static readonly FieldSpec Code = new("code", "施策コード", ["施策番号", "コード", "番号"], Required: true);
    public static readonly FieldSpec Name = new("name", "施策", ["施策名"]);
    public static readonly FieldSpec Satisfaction = new("satisfaction", "満足度", ["満足度（点）", "満足度得点", "満足度(%)"], Required: true);
    public static readonly FieldSpec Importance = new("importance", "重要度", ["重要度（点）", "重要度得点", "重要度(%)"], Required: true);
    public static readonly IReadOnlyList<FieldSpec> Fields = [Code, Name, Satisfaction, Importance];

    private Dictionary<string, Measure> _measures = [];
    private Dictionary<int, SurveyResult> _existing = [];
    private readonly Dictionary<int, int> _seen = [];
    private readonly List<SurveyResult> _toAdd = [];

    protected override SheetLayout Layout { get; } = new(SheetName, Fields, Code.Key, Code.Header) { IdentityKeys = [Name.Key] };

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        _measures = (await Db.Measures.AsNoTracking().Where(m => m.RetiredAt == null).ToListAsync(ct))
            .GroupBy(m => TextNormal.ForCode(m.Code)).ToDictionary(g => g.Key, g => g.First());
        _existing = await Db.SurveyResults.Where(r => r.FiscalYear == Request.Scope).ToDictionaryAsync(r => r.MeasureId, ct);
        // Scores are 0–100; a column headed as an average on a 5-point scale (満足度（5段階平均）) measures something else.
        foreach (var field in new[] { Satisfaction, Importance })
        {
            if (table.Map.Column(field.Key) is int column && FivePointScale().IsMatch(TextNormal.ForMatch(table.Map.HeaderOf(column))))
                return $"{CellRange.ColumnName(column)}列「{table.Map.HeaderOf(column)}」は段階評価の平均で、0〜100 の{field.Header}ではありません。満足・重要と答えた割合など 0〜100 の値の列にしてから取り込んでください。";
        }
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var code = row.Text(Code.Key)!;
        var errors = new List<string>();
        _measures.TryGetValue(TextNormal.ForCode(code), out var measure);
        if (measure is null) errors.Add($"{row.Cell(Code.Key)}: 施策コード「{code}」の施策がありません。");
        else if (!_seen.TryAdd(measure.Id, row.Number)) errors.Add($"{row.Cell(Code.Key)}: 同じ施策の行が{_seen[measure.Id]}行目にもあります。");
        // Blank or a dash (－) is a measure not surveyed that year: nothing to store, never 0.
        decimal? Score(FieldSpec f)
        {
            var text = row.Text(f.Key)?.TrimEnd('%', '％', '点').TrimEnd();
            if (!NumberText.TryParseCell(text, out var v) || v is < 0 or > 100)
            {
                errors.Add($"{f.Header}「{row.Text(f.Key)}」は0〜100の数値にしてください（{row.Cell(f.Key)}）。");
                return null;
            }
            // Scores keep three decimals (the column's scale, as the form takes them): a finer one is refused, not rounded.
            if (v is decimal d && d != Math.Round(d, ScoreDecimals))
            {
                errors.Add(row.TooPrecise(row.ColumnOf(f.Key)!.Value, f.Header, row.Text(f.Key)!, ScoreDecimals));
                return null;
            }
            return v;
        }
        var s = Score(Satisfaction);
        var i = Score(Importance);
        _existing.TryGetValue(measure?.Id ?? 0, out var result);
        if (errors.Count == 0 && result is null && s is null && i is null)
        {
            Report.Skipped.Add(new(row.Sheet, row.Number, $"{code}: 満足度・重要度が空欄または「－」（未調査）のため読み飛ばしました。"));
            return;
        }
        if (errors.Count == 0 && result is null && (s is null || i is null))
        {
            var missing = s is null ? Satisfaction : Importance;
            errors.Add($"{missing.Header}が空欄または「－」（未調査）です（{row.Cell(missing.Key)}）。新しい結果は満足度と重要度の両方があるときに登録します。");
        }
        if (errors.Count > 0)
        {
            Refuse(row, code, errors);
            return;
        }
        var label = $"{measure!.Code} {measure.Name}";
        if (result is not null)
        {
            // A value the sheet does not give (not surveyed) leaves the stored one as it is.
            var changes = new List<Auditing.FieldChange>();
            if (s is null) KeptBlank(row, row.Cell(Satisfaction.Key), Satisfaction.Header, NumberText.Format(result.Satisfaction)!, "空欄と「－」は未調査です");
            if (i is null) KeptBlank(row, row.Cell(Importance.Key), Importance.Header, NumberText.Format(result.Importance)!, "空欄と「－」は未調査です");
            if (s is decimal sv && result.Satisfaction != sv)
            {
                changes.Add(new(Satisfaction.Header, NumberText.Format(result.Satisfaction), NumberText.Format(sv)));
                result.Satisfaction = sv;
            }
            if (i is decimal iv && result.Importance != iv)
            {
                changes.Add(new(Importance.Header, NumberText.Format(result.Importance), NumberText.Format(iv)));
                result.Importance = iv;
            }
            if (changes.Count == 0) Report.Unchanged++;
            else Report.Updated.Add(new(row.Sheet, row.Number, measure.Code, label, changes));
        }
        else
        {
            _toAdd.Add(new SurveyResult { MeasureId = measure.Id, FiscalYear = Request.Scope, Satisfaction = s!.Value, Importance = i!.Value });
            Report.Created.Add(new(row.Sheet, row.Number, measure.Code, label,
                [new(Satisfaction.Header, null, NumberText.Format(s)), new(Importance.Header, null, NumberText.Format(i))]));
        }
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        Db.SurveyResults.AddRange(_toAdd);
        await Db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"\d段階|段階評価|点満点|[45５４]点平均")]
    private static partial Regex FivePointScale();
}
