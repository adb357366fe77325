using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using S = Komaki.Management.Core.Implementation.ImplementationPlanSheet;

namespace Komaki.Management.Core.Implementation;

/// Reads a 実施計画 sheet into an edition: compares every project-year with what is stored, refuses what cannot be
/// right, and writes everything in one transaction only when nothing was refused. What the sheet does not speak
/// about (a funding column it lacks) is left as stored.
public sealed class ImplementationPlanImport(ImportContext context) : SheetImport(context)
{
    public static readonly SheetKind Sheet = new(SheetKind.ImplementationPlan, "実施計画",
        context => new ImplementationPlanImport(context),
        (db, year, output, units) => ImplementationPlanExport.WriteAsync(db, year, output, units),
        year => $"実施計画_{Wareki.FiscalYearShort(year)}.xlsx",
        new SheetRoute("ImplementationPlans", "Details", "year"),
        new SheetAccess(CityWide: true, [Roles.DepartmentHead]))
    {
        RoundTrips = true,
        ExportAreas = [DataArea.Plan, DataArea.Do],
    };

    private sealed record Parsed(
        int Row, string Code, string? Name, int FiscalYear, ImplementationStatus? Status, string? Content, long Cost, long?[] Sources,
        Func<string, string> CellOf);

    private ImplementationPlan _edition = null!;
    private ImplementationPlan _period = null!;
    private ProjectCodes _projects = null!;
    private Dictionary<(int ProjectId, int Year), ImplementationPlanLine> _existing = [];
    private readonly Dictionary<(int, int), int> _seen = [];
    private readonly List<ImplementationPlanLine> _toAdd = [];
    private bool _longFormat;
    private bool[] _sourceColumns = [];

    protected override SheetLayout Layout { get; } = new(S.SheetName, S.Fields, S.Code.Key, S.Code.Header)
    {
        AmountKeys = S.AmountKeys,
        IdentityKeys = [S.Name.Key],
        CodesAreProjects = true,
        Check = (g, m) =>
        {
            if (m.Column(S.Year.Key) is null && !m.Years.Any())
                throw new Excel.ExcelFileException($"シート「{g.Name}」に年度が見つかりません。「年度」の列を設けるか、金額の見出しの上に年度（R6、令和6年度など）を書いてください。");
        },
    };

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        var fiscalYear = Request.Scope;
        _edition = await Db.ImplementationPlans.Include(p => p.Lines).FirstOrDefaultAsync(p => p.FiscalYear == fiscalYear, ct)
            ?? new ImplementationPlan { FiscalYear = fiscalYear, Title = ImplementationPlan.DefaultTitle(fiscalYear), CreatedAt = Db.UtcNow };
        if (_edition.Id == 0) Report.Notes.Add($"{Wareki.FiscalYear(fiscalYear)}の実施計画はまだないため、取り込むと新しい版として作成します。");
        _period = new ImplementationPlan { FiscalYear = fiscalYear };
        _projects = await ProjectCodes.LoadAsync(Db, ct);
        _existing = _edition.Lines.ToDictionary(l => (l.ProjectId, l.FiscalYear));
        _longFormat = table.Map.Column(S.Year.Key) is not null;
        _sourceColumns = S.Sources.Select(f => table.Map.HasField(f.Key)).ToArray();
        if (!_sourceColumns.All(x => x))
        {
            var missing = S.Sources.Where((_, i) => !_sourceColumns[i]).Select(f => f.Header);
            Report.Notes.Add($"財源内訳のうち {string.Join("・", missing)} の列がないため、登録済みの行ではその財源を変えずに残します。");
        }
        Table = table;
        return null;
    }

    private SheetTable Table { get; set; } = null!;

    protected override void Read(ImportRow row)
    {
        var code = row.Text(S.Code.Key)!;
        var years = _longFormat ? [0] : Table.Map.Years.ToList();
        foreach (var blockYear in years)
        {
            int? year = _longFormat ? null : blockYear;
            if (!_longFormat && !S.AmountKeys.Append(S.Status.Key).Any(k => Table.Map.YearColumns.ContainsKey((blockYear, k)) && row.Text(k, year) is not null))
                continue;
            if (Parse(row, year, code) is Parsed p) Compare(p);
        }
    }

    private Parsed? Parse(ImportRow row, int? blockYear, string code)
    {
        var errors = new List<string>();
        int fiscalYear;
        if (blockYear is int by)
        {
            fiscalYear = by;
        }
        else
        {
            var yearText = row.Text(S.Year.Key);
            if (!TryYear(yearText, out fiscalYear))
            {
                var yearCell = row.Cell(S.Year.Key);
                Refuse(row, code, [yearText is null ? $"{yearCell}: 年度が空欄です。" : $"{yearCell}: 年度「{yearText}」を読み取れません（令和6年度、R6、2024 などと書いてください）。"]);
                return null;
            }
        }
        if (!_period.Covers(fiscalYear))
            errors.Add($"{(blockYear is null ? row.Cell(S.Year.Key) : row.Cell(S.Cost.Key, blockYear))}: {Wareki.FiscalYear(fiscalYear)}はこの実施計画の期間（{Wareki.FiscalYear(_period.FiscalYear)}〜{Wareki.FiscalYear(_period.LastYear)}）の外です。");

        ImplementationStatus? status = null;
        if (row.Text(S.Status.Key, blockYear) is string statusText)
        {
            if (Labels.TryRead<ImplementationStatus>(Importing.LabelKind.ImplementationStatus, statusText, out var st)) status = st;
            else errors.Add($"{row.Cell(S.Status.Key, blockYear)}: {LabelBook.Unmapped(Importing.LabelKind.ImplementationStatus, statusText)}");
        }
        var cost = row.Amount(S.Cost, errors, blockYear);
        var sources = S.Sources.Select((f, i) => _sourceColumns[i] ? row.Amount(f, errors, blockYear) ?? 0 : (long?)null).ToArray();
        if (cost is null && errors.Count == 0) errors.Add($"事業費が空欄です（{row.Cell(S.Cost.Key, blockYear)}）。");
        if (cost < 0) errors.Add($"{row.Cell(S.Cost.Key, blockYear)}: 事業費がマイナス（{Amounts.Thousands(cost)}千円）です。");
        var content = row.Shown(S.Content.Key, blockYear);
        if (content is { Length: > 4000 }) errors.Add($"{row.Cell(S.Content.Key, blockYear)}: 事業内容が4,000文字を超えています。");
        if (errors.Count > 0)
        {
            Refuse(row, $"{code} {Wareki.FiscalYear(fiscalYear)}", errors);
            return null;
        }
        return new Parsed(row.Number, code, row.Text(S.Name.Key), fiscalYear, status, row.Has(S.Content.Key, blockYear) ? content ?? "" : null, cost!.Value, sources,
            key => row.Cell(key, blockYear));
    }

    private void Compare(Parsed row)
    {
        var sheet = Report.SheetName!;
        var (project, error) = _projects.Find(row.Code);
        if (project is null)
        {
            Report.Refused.Add(new(sheet, row.Row, $"{row.CellOf(S.Code.Key)}: {error}"));
            return;
        }
        if (!_seen.TryAdd((project.Id, row.FiscalYear), row.Row))
        {
            Report.Refused.Add(new(sheet, row.Row, $"{row.CellOf(S.Code.Key)}: 事業コード「{row.Code}」の{Wareki.FiscalYear(row.FiscalYear)}の行が{_seen[(project.Id, row.FiscalYear)]}行目にもあります。1事業・1年度につき1行にしてください。"));
            return;
        }
        if (row.Name is not null && TextNormal.ForMatch(row.Name) != TextNormal.ForMatch(project.Name))
            Report.Warnings.Add(new(sheet, row.Row, $"事業名「{row.Name}」が登録されている名称「{project.Name}」と異なります（事業コードで照合しました）。"));

        var key = $"{project.Code} {Wareki.FiscalYear(row.FiscalYear)}";
        var isNew = !_existing.TryGetValue((project.Id, row.FiscalYear), out var line);
        if (isNew && row.Sources.All(s => s is null))
        {
            Report.Refused.Add(new(sheet, row.Row, $"{key}: {row.CellOf(S.Cost.Key)}: 財源内訳の列がないため、新しく作る行の財源が分かりません。国庫支出金・県支出金・地方債・その他特定財源・一般財源の列を加えてください。"));
            return;
        }
        line ??= new ImplementationPlanLine { ProjectId = project.Id, FiscalYear = row.FiscalYear, Status = ImplementationStatus.Continuing };
        var sources = row.Sources.Select((s, i) => s ?? (isNew ? 0 : Funding.Parts[i].Of(line.Funding))).ToArray();
        var kept = row.Sources.Any(s => s is null) && !isNew ? "（シートにない財源は登録済みの値のまま）" : "";
        if (ImplementationPlanLine.FundingMismatch(row.Cost, sources.Sum(), kept) is string mismatch)
        {
            var sourceCells = S.Sources.Where((_, i) => row.Sources[i] is not null).Select(f => row.CellOf(f.Key)).ToList();
            var where = sourceCells.Count == 0 ? row.CellOf(S.Cost.Key) : $"{row.CellOf(S.Cost.Key)}・{sourceCells[0]}:{sourceCells[^1]}";
            Report.Refused.Add(new(sheet, row.Row, $"{key}: {where}: {mismatch}"));
            return;
        }
        if (isNew && row.Status is null) Report.Warnings.Add(new(sheet, row.Row, "区分がないため「継続」としました。"));
        else if (!isNew && row.Status is null && row.CellOf(S.Status.Key) is { Length: > 0 } statusCell)
            Report.Warnings.Add(new(sheet, row.Row, $"{key}: {statusCell}（区分）が空欄のため、登録済みの「{line.Status.Label()}」のまま残します（区分は空にできません）。"));
        var changes = Apply(line, row, sources, isNew);
        if (changes.Count > 0)
        {
            // The edition's project form decides who may change these lines (and only planning starts an edition).
            var cells = changes.Select(c => S.Fields.FirstOrDefault(f => f.Header == c.Field) is { } spec ? row.CellOf(spec.Key) : "").ToList();
            AskOwnUnits(sheet, row.Row, cells, project.Code, project.Name, project.OwnerUnitId);
            if (_edition.Id == 0) Ask(sheet, row.Row, cells, _edition, RecordOperation.Edit);
            Ask(sheet, row.Row, cells, new ImplementationPlanLine
            {
                ImplementationPlanId = _edition.Id, ImplementationPlan = _edition, ProjectId = project.Id, FiscalYear = row.FiscalYear,
            }, RecordOperation.Edit);
        }
        if (isNew)
        {
            _toAdd.Add(line);
            Report.Created.Add(new(sheet, row.Row, key, project.Name, changes));
        }
        else if (changes.Count == 0) Report.Unchanged++;
        else Report.Updated.Add(new(sheet, row.Row, key, project.Name, changes));
    }

    /// The edition's lines of the importer's units the sheet has no row (or no year's figures) for: an import never
    /// deletes a line, so they stay as they are, and the preview names them.
    protected override void Finish()
    {
        foreach (var line in _existing.Values.Where(l => !_seen.ContainsKey((l.ProjectId, l.FiscalYear)))
            .Select(l => (Line: l, Project: _projects.ById(l.ProjectId)))
            .Where(x => Request.OwnUnits is not { } own || own.Contains(x.Project.OwnerUnitId))
            .OrderBy(x => x.Project.Code, StringComparer.Ordinal).ThenBy(x => x.Line.FiscalYear))
            Report.LeftOut.Add(new($"{line.Project.Code} {Wareki.FiscalYear(line.Line.FiscalYear)}", line.Project.Name));
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        // The edition and the changed lines through EF; the new lines in bulk.
        if (_edition.Id == 0) Db.ImplementationPlans.Add(_edition);
        await Db.SaveChangesAsync(ct);
        foreach (var line in _toAdd) line.ImplementationPlanId = _edition.Id;
        await Db.BulkInsertAsync(_toAdd, ct);
    }

    /// Years as the sheets write them, including a date (R6.4.1, 令和6年4月1日, a date cell).
    private static bool TryYear(string? text, out int fiscalYear) => ImportDates.TryFiscalYear(text, out fiscalYear);

    /// Copies the row onto the line and returns what changed, for the preview.
    private static List<FieldChange> Apply(ImplementationPlanLine line, Parsed row, long[] sources, bool isNew)
    {
        var changes = new List<FieldChange>();
        void Amount(string label, long old, long value, Action<long> set)
        {
            if (!isNew && old == value) return;
            changes.Add(new(label, isNew ? null : Amounts.Thousands(old), Amounts.Thousands(value)));
            set(value);
        }

        if (row.Status is ImplementationStatus st && (isNew || line.Status != st))
        {
            changes.Add(new(S.Status.Header, isNew ? null : line.Status.Label(), st.Label()));
            line.Status = st;
        }
        else if (isNew)
        {
            changes.Add(new(S.Status.Header, null, line.Status.Label()));
        }
        if (row.Content is not null && (isNew || line.Content != row.Content))
        {
            changes.Add(new(S.Content.Header, isNew ? null : line.Content, row.Content));
            line.Content = row.Content;
        }
        Amount(S.Cost.Header, line.Cost, row.Cost, v => line.Cost = v);
        foreach (var (part, i) in Funding.Parts.Select((p, i) => (p, i)))
            Amount(S.Sources[i].Header, part.Of(line.Funding), sources[i], v => line.Funding = part.With(line.Funding, v));
        return changes;
    }
}
