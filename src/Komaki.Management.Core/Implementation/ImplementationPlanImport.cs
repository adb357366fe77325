using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using S = Komaki.Management.Core.Implementation.ImplementationPlanSheet;

namespace Komaki.Management.Core.Implementation;

/// Reads a 実施計画 sheet into an edition: compares every project-year with what is stored, refuses
/// what cannot be right, and writes everything in one transaction only when nothing was refused.
public sealed class ImplementationPlanImport(AppDbContext db, ExcelLimits limits) : ISheetImport
{
    private sealed record Parsed(
        int Row, string Code, string? Name, int FiscalYear, ImplementationStatus? Status, string? Content,
        long Cost, long National, long Prefectural, long Bonds, long OtherSpecific, long General);

    public async Task<ImportReport> RunAsync(Stream file, string fileName, int fiscalYear, bool apply, string? expectedFingerprint = null, CancellationToken ct = default)
    {
        SheetGrid grid;
        HeaderMap map;
        try
        {
            (grid, map) = SheetFinder.Open(file, limits, S.SheetName, S.Fields, S.AmountKeys, (g, m) =>
            {
                if (m.Column(S.Year.Key) is null && !m.Years.Any())
                    throw new ExcelFileException($"シート「{g.Name}」に年度が見つかりません。「年度」の列を設けるか、金額の見出しの上に年度（R6、令和6年度など）を書いてください。");
            });
        }
        catch (ExcelFileException e)
        {
            return ImportReport.Failed(fileName, e.Message);
        }

        var report = new ImportReport { FileName = fileName };
        report.Notes.AddRange(map.Notes);
        var edition = await db.ImplementationPlans.Include(p => p.Lines).FirstOrDefaultAsync(p => p.FiscalYear == fiscalYear, ct);
        var period = new ImplementationPlan { FiscalYear = fiscalYear };
        var rows = Parse(grid, map, period, report);
        var projects = await ProjectCodes.LoadAsync(db, ct);

        if (edition is null)
        {
            report.Notes.Add($"{Wareki.FiscalYear(fiscalYear)}の実施計画はまだないため、取り込むと新しい版として作成します。");
            edition = new ImplementationPlan { FiscalYear = fiscalYear, Title = ImplementationPlan.DefaultTitle(fiscalYear), CreatedAt = DateTime.UtcNow };
        }
        var existing = edition.Lines.ToDictionary(l => (l.ProjectId, l.FiscalYear));
        var seen = new Dictionary<(int, int), int>();
        var toAdd = new List<ImplementationPlanLine>();
        foreach (var row in rows)
        {
            var (project, error) = projects.Find(row.Code);
            if (project is null)
            {
                report.Refused.Add(new(grid.Name, row.Row, error!));
                continue;
            }
            if (!seen.TryAdd((project.Id, row.FiscalYear), row.Row))
            {
                report.Refused.Add(new(grid.Name, row.Row, $"事業コード「{row.Code}」の{Wareki.FiscalYear(row.FiscalYear)}の行が{seen[(project.Id, row.FiscalYear)]}行目にもあります。1事業・1年度につき1行にしてください。"));
                continue;
            }
            if (row.Name is not null && TextNormal.ForMatch(row.Name) != TextNormal.ForMatch(project.Name))
                report.Warnings.Add(new(grid.Name, row.Row, $"事業名「{row.Name}」が登録されている名称「{project.Name}」と異なります（事業コードで照合しました）。"));

            var key = $"{project.Code} {Wareki.FiscalYear(row.FiscalYear)}";
            if (existing.TryGetValue((project.Id, row.FiscalYear), out var line))
            {
                var changes = Apply(line, row, project.Id);
                if (changes.Count == 0) report.Unchanged++;
                else report.Updated.Add(new(grid.Name, row.Row, key, project.Name, changes));
            }
            else
            {
                line = new ImplementationPlanLine { ProjectId = project.Id, FiscalYear = row.FiscalYear, Status = ImplementationStatus.Continuing };
                if (row.Status is null) report.Warnings.Add(new(grid.Name, row.Row, "区分がないため「継続」としました。"));
                var changes = Apply(line, row, project.Id);
                toAdd.Add(line);
                report.Created.Add(new(grid.Name, row.Row, key, project.Name, changes));
            }
        }

        if (!report.ShouldWrite(apply, expectedFingerprint))
        {
            db.ChangeTracker.Clear();
            return report;
        }
        // One transaction: the edition, the changed lines, and the new lines (written in bulk) land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (edition.Id == 0) db.ImplementationPlans.Add(edition);
        await db.SaveChangesAsync(ct);
        foreach (var line in toAdd) line.ImplementationPlanId = edition.Id;
        await db.BulkInsertAsync(toAdd, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        report.Applied = true;
        return report;
    }

    private static List<Parsed> Parse(SheetGrid grid, HeaderMap map, ImplementationPlan period, ImportReport report)
    {
        var result = new List<Parsed>();
        var longFormat = map.Column(S.Year.Key) is not null;
        var hasSources = S.Sources.Any(f => map.Column(f.Key) is not null || map.YearColumns.Keys.Any(k => k.Key == f.Key));
        if (!hasSources) report.Notes.Add("財源内訳の列がないため、事業費をすべて一般財源として読みました。");
        foreach (var (row, code) in DataRows.Read(grid, map, report, S.Code.Key))
        {
            var years = longFormat ? [0] : map.Years.ToList();
            foreach (var blockYear in years)
            {
                int? year = longFormat ? null : blockYear;
                if (!longFormat && !S.AmountKeys.Append(S.Status.Key).Any(k => map.YearColumns.ContainsKey((blockYear, k)) && row.Text(k, year) is not null))
                    continue;
                if (ParseLine(grid.Name, row, year, code, period, hasSources, report) is Parsed p) result.Add(p);
            }
        }
        return result;
    }

    private static Parsed? ParseLine(string sheet, MappedRow row, int? blockYear, string code, ImplementationPlan period, bool hasSources, ImportReport report)
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
                report.Refused.Add(new(sheet, row.Number, yearText is null ? "年度が空欄です。" : $"年度「{yearText}」を読み取れません（令和6年度、R6、2024 などと書いてください）。"));
                return null;
            }
        }
        if (!period.Covers(fiscalYear))
            errors.Add($"{Wareki.FiscalYear(fiscalYear)}はこの実施計画の期間（{Wareki.FiscalYear(period.FiscalYear)}〜{Wareki.FiscalYear(period.LastYear)}）の外です。");

        ImplementationStatus? status = null;
        var statusText = row.Text(S.Status.Key, blockYear);
        if (statusText is not null)
        {
            if (ImplementationStatusLabels.TryParse(statusText, out var st)) status = st;
            else errors.Add($"区分「{statusText}」を読み取れません（新規・継続・拡充・縮小・終了のいずれか）。");
        }

        long Amount(FieldSpec f)
        {
            var text = row.Text(f.Key, blockYear);
            if (!Amounts.TryParse(text, row.YenPerUnit(f.Key, blockYear), out var yen))
            {
                errors.Add($"{f.Header}「{text}」を金額として読み取れません。");
                return 0;
            }
            return yen ?? 0;
        }

        var cost = Amount(S.Cost);
        var national = Amount(S.National);
        var prefectural = Amount(S.Prefectural);
        var bonds = Amount(S.Bonds);
        var other = Amount(S.OtherSpecific);
        var general = hasSources ? Amount(S.General) : cost;
        if (cost < 0) errors.Add($"事業費がマイナス（{Amounts.Thousands(cost)}千円）です。");
        var sum = national + prefectural + bonds + other + general;
        if (errors.Count == 0 && sum != cost)
            errors.Add($"財源内訳の合計 {Amounts.Thousands(sum)}千円 が事業費 {Amounts.Thousands(cost)}千円 と一致しません（差 {Amounts.Thousands(sum - cost)}千円）。");
        var content = row.Text(S.Content.Key, blockYear);
        if (content is { Length: > 4000 }) errors.Add("事業内容が4,000文字を超えています。");

        if (errors.Count > 0)
        {
            report.Refused.Add(new(sheet, row.Number, $"{code} {Wareki.FiscalYear(fiscalYear)}: {string.Join(" ", errors)}"));
            return null;
        }
        return new Parsed(row.Number, code, row.Text(S.Name.Key), fiscalYear, status, row.Has(S.Content.Key, blockYear) ? content ?? "" : null,
            cost, national, prefectural, bonds, other, general);
    }

    /// Years as the sheets write them, including a date cell (R6.4.1 shown, a serial date stored).
    private static bool TryYear(string? text, out int fiscalYear)
    {
        fiscalYear = 0;
        if (text is null) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            fiscalYear = Wareki.FiscalYearOf(date);
            return true;
        }
        return Wareki.TryParseFiscalYear(text, out fiscalYear);
    }

    /// Copies the row onto the line and returns what changed, for the preview.
    private static List<FieldChange> Apply(ImplementationPlanLine line, Parsed row, int projectId)
    {
        var isNew = line.Id == 0 && line.ImplementationPlanId == 0;
        var changes = new List<FieldChange>();
        void Amount(string label, long old, long value, Action<long> set)
        {
            if (!isNew && old == value) return;
            changes.Add(new(label, isNew ? null : Amounts.Thousands(old), Amounts.Thousands(value)));
            set(value);
        }

        line.ProjectId = projectId;
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
        Amount(S.National.Header, line.National, row.National, v => line.National = v);
        Amount(S.Prefectural.Header, line.Prefectural, row.Prefectural, v => line.Prefectural = v);
        Amount(S.Bonds.Header, line.Bonds, row.Bonds, v => line.Bonds = v);
        Amount(S.OtherSpecific.Header, line.OtherSpecific, row.OtherSpecific, v => line.OtherSpecific = v);
        Amount(S.General.Header, line.General, row.General, v => line.General = v);
        return changes;
    }
}
