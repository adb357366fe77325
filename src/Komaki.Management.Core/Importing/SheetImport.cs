using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Importing;

/// What every import is given: the database, the bounds on files, and the settings that decide how values read.
public sealed record ImportContext(AppDbContext Db, ExcelLimits Limits, ImportSettings Settings)
{
    /// The record rules the rows are asked against when a person imports (ImportRequest.Asker).
    public RecordRules? Rules { get; init; }
}

/// Settings of the city that decide how sheets are read.
public sealed record ImportSettings
{
    public static readonly ImportSettings Default = new();

    /// Hours of work in one person-year (人工): 延べ業務時間 ÷ this = 人工.
    public decimal HoursPerPersonYear { get; init; } = 1800m;
}

/// The one import pipeline: read the workbook → pick the sheet → find the headers → decide the unit of amounts →
/// read the data rows (each import parses, validates and compares its own) → report → write everything in one
/// transaction, or nothing. An import declares its layout and its row rules; reading fixes land in all of them.
public abstract class SheetImport(ImportContext context) : ISheetImport
{
    protected AppDbContext Db => context.Db;
    protected ImportSettings Settings => context.Settings;
    protected ImportReport Report { get; private set; } = new();
    protected LabelBook Labels { get; private set; } = null!;
    protected ImportRequest Request { get; private set; } = null!;

    protected abstract SheetLayout Layout { get; }

    /// Whether the import also reads CSV files (the personnel system's exports).
    protected virtual bool AcceptsCsv => false;

    public async Task<ImportReport> RunAsync(ImportRequest request, CancellationToken ct = default)
    {
        Request = request;
        Report = new ImportReport { FileName = request.FileName };
        SheetTable? table;
        try
        {
            // Only an import that reads CSV reads a .csv; for the others it is a file that is not a workbook, said as such.
            var csv = AcceptsCsv && request.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? request.FileName : null;
            table = SheetTable.Open(request.File, context.Limits, Layout, request.Choices, Report, csv);
        }
        catch (ExcelFileException e)
        {
            Report.FileError = e.Message;
            return Report;
        }
        if (table is null) return Report;
        // One transaction from here: what preparation writes (units the user asked to register), the records, and the
        // label and unit mappings decided on the way land together, or — when anything is refused — not at all.
        await using var transaction = request.Apply ? await Db.Database.BeginTransactionAsync(ct) : null;
        Labels = await LabelBook.LoadAsync(Db, request.Choices, ct);
        if (request.OwnUnits is not null) _unitNames = await Db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        if (await PrepareAsync(table, ct) is string error)
        {
            Report.FileError = error;
            Db.ChangeTracker.Clear();
            return Report;
        }
        var subtotals = await Subtotals.LoadAsync(Db, ct);
        foreach (var row in table.Rows(Report, subtotals)) Read(row);
        Finish();
        await AskRulesAsync();
        Labels.Report(Report);

        if (!Report.ShouldWrite(request.Apply, request.ExpectedFingerprint))
        {
            Db.ChangeTracker.Clear();
            return Report;
        }
        Labels.Remember(Db);
        await WriteAsync(ct);
        await transaction!.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        Report.Applied = true;
        return Report;
    }

    /// Loads what the rows are compared with; returns a reason when the import cannot go on (no such term …).
    /// When the request applies, it runs inside the import's transaction.
    protected abstract Task<string?> PrepareAsync(SheetTable table, CancellationToken ct);

    /// Reads one data row: refuses it (Report.Refused) or records what it creates or changes.
    protected abstract void Read(ImportRow row);

    /// After the last row: checks across rows.
    protected virtual void Finish()
    {
    }

    /// Writes what the rows decided; called inside the transaction, only when nothing was refused.
    protected abstract Task WriteAsync(CancellationToken ct);

    protected void Refuse(ImportRow row, string code, IEnumerable<string> errors) =>
        Report.Refused.Add(new(row.Sheet, row.Number, $"{code}: {string.Join(" ", errors)}"));

    protected void Warn(ImportRow row, string warning) => Report.Warnings.Add(new(row.Sheet, row.Number, warning));

    /// A blank cell of a field that keeps what is stored (docs/excel.md「空欄のセル」): said in the preview, naming the cell.
    protected void KeptBlank(ImportRow row, string cell, string field, string stored, string why) =>
        Warn(row, $"{cell}（{field}）が空欄のため、登録済みの「{stored}」のまま残します（{why}）。");

    private Dictionary<int, string> _unitNames = [];

    private readonly List<(string Sheet, int Row, string Cells, Func<RecordRules, RuleAsker, Task<string?>> Ask)> _asks = [];

    private readonly List<(string Sheet, int Row, string Cells, string Code, string Name, int[] Units)> _ownUnitAsks = [];

    /// A row changes a record (cells: where, for the message): it is written only when the record's rule — the one
    /// its form asks on the POST, with the same operation — lets the importer do it; otherwise the row is refused
    /// naming the cells, with the rule's reason. Asked after the last row, for the rows that change something.
    protected void Ask<T>(string sheet, int row, IEnumerable<string> cells, T record, string operation) where T : class =>
        _asks.Add((sheet, row, Cells(cells), (rules, asker) => rules.RefusalAsync(asker, record, operation)));

    /// A row changes a record of these units (the one it belongs to, or the one it would be handed to): on a department's
    /// own sheet it is written only when each is the department's or a unit under it; otherwise it is refused naming
    /// the cells it changes. Asked after the last row, like Ask, for the rows that change something.
    protected void AskOwnUnits(string sheet, int row, IEnumerable<string> cells, string code, string name, params int[] unitIds) =>
        _ownUnitAsks.Add((sheet, row, Cells(cells), code, name, unitIds));

    private static string Cells(IEnumerable<string> cells) => string.Join("・", cells.Where(c => c.Length > 0).Distinct());

    /// Permission is asked of the rows that write, and only of them: a row equal to what is stored (変更なし) writes
    /// nothing, so the whole city's sheet taken by someone who reads it all imports back through a department with its
    /// other units' rows unchanged (docs/excel.md「画面と同じ権限で取り込みます」). Whatever an import asked of a row
    /// that in the end creates or changes nothing is dropped here, for every kind.
    private async Task AskRulesAsync()
    {
        var writing = Report.Created.Concat(Report.Updated).Select(c => (c.Sheet, c.Row)).ToHashSet();
        var refused = new List<(string Sheet, int Row, string Cells, string Reason)>();
        if (Request.OwnUnits is { } own)
        {
            foreach (var (sheet, row, cells, code, name, units) in _ownUnitAsks.Where(a => writing.Contains((a.Sheet, a.Row))))
            {
                var other = units.FirstOrDefault(u => !own.Contains(u));
                if (other == 0) continue;
                var unit = _unitNames.GetValueOrDefault(other, "ほかの所属");
                refused.Add((sheet, row, cells, $"「{code} {name}」は{unit}の事業（または{unit}への変更）です。所属で取り込めるのは、自分の所属とその下の係の事業の行だけです。"));
            }
        }
        // The operator's command line imports as the system; a person importing is asked about every row that writes.
        // A row already refused as another unit's is not asked again: the rule would only say the same in other words.
        if (Request.Asker is { } asker && _asks.Count > 0)
        {
            var rules = context.Rules ?? throw new InvalidOperationException("A person's import needs the record rules (ImportContext.Rules).");
            var notTheirs = refused.Select(r => (r.Sheet, r.Row)).ToHashSet();
            foreach (var (sheet, row, cells, ask) in _asks.Where(a => writing.Contains((a.Sheet, a.Row)) && !notTheirs.Contains((a.Sheet, a.Row))))
            {
                if (await ask(rules, asker) is string reason) refused.Add((sheet, row, cells, reason));
            }
        }
        foreach (var g in refused.GroupBy(r => (r.Sheet, r.Row, r.Reason)))
        {
            var cells = string.Join("・", g.SelectMany(r => r.Cells.Split('・')).Where(c => c.Length > 0).Distinct());
            Report.Refused.Add(new(g.Key.Sheet, g.Key.Row, cells.Length == 0 ? g.Key.Reason : $"{cells}: {g.Key.Reason}"));
            Report.Created.RemoveAll(c => c.Sheet == g.Key.Sheet && c.Row == g.Key.Row);
            Report.Updated.RemoveAll(c => c.Sheet == g.Key.Sheet && c.Row == g.Key.Row);
        }
    }
}
