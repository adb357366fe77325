using System.Globalization;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Cli;

/// `komaki import|export implementation-plan|execution-plan`: the screens' Excel round trip, for batch work.
internal static class SheetCommands
{
    public static async Task<int> ImportAsync(ServiceProvider services, string? kindName, CliOptions options, TextWriter output, TextWriter error)
    {
        if (!TryKind(kindName, error, out var kind) || !TryScope(kind, options, error, out var year)) return 2;
        if (kind.Import is null)
        {
            error.WriteLine($"{kind.Label}は取り込めません（書き出しのみ）。");
            return 2;
        }
        if (!options.TryGetValue("file", out var path))
        {
            error.WriteLine("取り込む Excel ファイルを指定してください。");
            return 2;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"ファイル「{path}」が見つかりません。");
            return 2;
        }
        if (!TryReadingChoices(options, error, out var choices)) return 2;
        var dryRun = options.ContainsKey("dry-run");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (kind.Scope == SheetScope.FiscalYear && await FiscalYearRange.LoadAsync(db, new CityClock(TimeProvider.System).FiscalYear) is { } range && !range.Contains(year))
        {
            error.WriteLine($"{year} 年度は計画の期間（{range.Describe()}）から外れています。");
            return 2;
        }
        var context = new ImportContext(db, ExcelLimits.Default, ImportSettings.Default with
        {
            HoursPerPersonYear = scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<decimal?>("Evaluation:HoursPerPersonYear") ?? ImportSettings.Default.HoursPerPersonYear,
        });
        async Task<ImportReport> Run(ImportChoices c, bool apply)
        {
            await using var file = File.OpenRead(path);
            return await kind.Import!(context).RunAsync(new ImportRequest(file, Path.GetFileName(path), year, apply) { Choices = c });
        }
        // Labels and 部課名 named on the command line are matched against what the file leaves unmapped, as the
        // preview's selects are; then the file is read (and written) with every choice.
        var first = await Run(choices, apply: false);
        if (!TryMappingChoices(first, options, scope.ServiceProvider.GetRequiredService<AppDbContext>(), error, ref choices)) return 2;
        var report = await Run(choices, apply: !dryRun);
        if (options.ContainsKey("json")) output.WriteLine(report.ToJson());
        else Print(report, kind, year, dryRun, output, error);
        return report.Applied || report.FileError is null && !report.NeedsChoice && report.Refused.Count == 0 ? 0 : 1;
    }

    /// Everything the preview screen shows, as lines: how the file was read, what must be decided, refusals, warnings,
    /// skipped rows, the counts, and — last — whether anything was written.
    private static void Print(ImportReport report, SheetKind kind, int year, bool dryRun, TextWriter output, TextWriter error)
    {
        if (report.FileError is not null) error.WriteLine(report.FileError);
        foreach (var choice in report.OpenChoices()) error.WriteLine($"選択が必要: {choice}");
        foreach (var hint in report.MappingHints()) error.WriteLine(hint);
        foreach (var r in report.Refused) error.WriteLine($"取り込めない行: {r.Sheet} {r.Row}行目: {r.Reason}");
        foreach (var line in report.Description()) output.WriteLine(line);
        foreach (var w in report.Warnings) output.WriteLine($"確認事項: {w.Sheet} {w.Row}行目: {w.Reason}");
        foreach (var s in report.Skipped) output.WriteLine($"読み飛ばした行: {s.Sheet} {s.Row}行目: {s.Reason}");
        output.WriteLine($"{kind.Label}（{(kind.Scope == SheetScope.MayorTerm ? $"任期 {year}" : Wareki.FiscalYear(year))}）: 新規 {report.Created.Count:N0} 件、更新 {report.Updated.Count:N0} 件、変更なし {report.Unchanged:N0} 件、取り込めない行 {report.Refused.Count:N0} 件、読み飛ばした行 {report.Skipped.Count:N0} 件、確認事項 {report.Warnings.Count:N0} 件");
        output.WriteLine(report.Applied ? "書き込みました。"
            : report.FileError is not null ? "ファイルを読めないため、何も書き込んでいません。"
            : report.NeedsChoice ? "読み方の指定が必要なため、何も書き込んでいません。"
            : report.Refused.Count > 0 ? "取り込めない行があるため、何も書き込んでいません。"
            : dryRun ? "確認のみ（--dry-run）のため、書き込んでいません。"
            : "変更はありません。");
    }

    /// --sheet, --column KEY=LETTER, --amount-unit.
    private static bool TryReadingChoices(CliOptions options, TextWriter error, out ImportChoices choices)
    {
        choices = ImportChoices.None;
        var columns = new Dictionary<string, int>();
        foreach (var pair in options.All("column"))
        {
            var cut = pair.LastIndexOf('=');
            if (cut <= 0 || !CellRange.TryParseCell(pair[(cut + 1)..].Trim().ToUpperInvariant() + "1", out _, out var column))
            {
                error.WriteLine($"--column「{pair}」は 項目=列記号（例: code=C）の形で指定してください。");
                return false;
            }
            columns[pair[..cut]] = column;
        }
        long? unit = null;
        if (options.TryGetValue("amount-unit", out var unitText))
        {
            unit = unitText switch { "千円" => 1000, "円" => 1, "万円" => 10_000, "百万円" => 1_000_000, _ => null };
            if (unit is null)
            {
                error.WriteLine("--amount-unit は 千円・円・万円・百万円 のいずれかで指定してください。");
                return false;
            }
        }
        choices = new ImportChoices { Sheet = options.GetValueOrDefault("sheet"), Columns = columns, YenPerUnit = unit };
        return true;
    }

    /// --label "表記=意味", --unit "部課名=組織コード|new", --create-units, matched to what the first reading left unmapped.
    private static bool TryMappingChoices(ImportReport report, CliOptions options, AppDbContext db, TextWriter error, ref ImportChoices choices)
    {
        var labels = new Dictionary<string, int>(choices.Labels);
        foreach (var pair in options.All("label"))
        {
            var cut = pair.LastIndexOf('=');
            var (text, meaning) = cut > 0 ? (pair[..cut], pair[(cut + 1)..]) : (pair, "");
            foreach (var l in report.UnmappedLabels.Where(l => LabelMapping.KeyOf(l.Label) == LabelMapping.KeyOf(text)))
            {
                var option = l.Options.FirstOrDefault(o => TextNormal.ForMatch(o.Text) == TextNormal.ForMatch(meaning));
                if (option.Text is null)
                {
                    error.WriteLine($"--label「{pair}」: 「{meaning}」は{l.KindLabel}の値にありません（{string.Join("・", l.Options.Select(o => o.Text))}）。");
                    return false;
                }
                labels[l.ChoiceKey] = option.Value;
            }
        }
        var units = new Dictionary<string, int>(choices.Units);
        foreach (var pair in options.All("unit"))
        {
            var cut = pair.LastIndexOf('=');
            var (name, target) = cut > 0 ? (pair[..cut], pair[(cut + 1)..].Trim()) : (pair, "");
            var key = UnitNameMapping.KeyOf(name);
            int id;
            if (target == "new") id = UnitChoice.Create;
            else if (db.OrgUnits.AsNoTracking().FirstOrDefault(u => u.Code == target) is { } byCode) id = byCode.Id;
            else
            {
                error.WriteLine($"--unit「{pair}」: 組織コード「{target}」の組織がありません（新しく登録するときは new）。");
                return false;
            }
            units[key] = id;
        }
        if (options.ContainsKey("create-units"))
        {
            foreach (var u in report.UnmappedUnits) units.TryAdd(u.ChoiceKey, UnitChoice.Create);
        }
        choices = choices with { Labels = labels, Units = units };
        return true;
    }

    public static async Task<int> ExportAsync(ServiceProvider services, string? kindName, CliOptions options, TextWriter output, TextWriter error)
    {
        if (!TryKind(kindName, error, out var kind) || !TryYear(options, error, out var year)) return 2;
        if (kind.Export is null)
        {
            error.WriteLine($"{kind.Label}は書き出せません。");
            return 2;
        }
        if (!options.TryGetValue("out", out var path))
        {
            error.WriteLine("書き出し先を --out で指定してください。");
            return 2;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var buffer = new MemoryStream();
        if (!await kind.Export(db, year, buffer, null))
        {
            error.WriteLine($"{Wareki.FiscalYear(year)}の{kind.Label}はありません。");
            return 1;
        }
        await File.WriteAllBytesAsync(path, buffer.ToArray());
        output.WriteLine($"{kind.Label}（{Wareki.FiscalYear(year)}）を {path} に書き出しました。");
        return 0;
    }

    private static bool TryKind(string? name, TextWriter error, out SheetKind kind)
    {
        if (name is not null && SheetKinds.ForOperators.TryGetValue(name, out kind!)) return true;
        error.WriteLine($"種類を指定してください: {string.Join(" | ", SheetKinds.ForOperators.Keys)}");
        kind = null!;
        return false;
    }

    private static bool TryScope(SheetKind kind, CliOptions options, TextWriter error, out int scope)
    {
        if (kind.Scope == SheetScope.FiscalYear) return TryYear(options, error, out scope);
        if (options.TryGetValue("term", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out scope)) return true;
        error.WriteLine("--term に任期の番号（画面の URL の termId）を指定してください。");
        scope = 0;
        return false;
    }

    private static bool TryYear(CliOptions options, TextWriter error, out int year)
    {
        year = 0;
        if ((options.TryGetValue("fiscal-year", out var text) || options.TryGetValue("year", out text) || options.TryGetValue("latest-year", out text)) && (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) || Wareki.TryParseFiscalYear(text, out year)))
            return true;
        error.WriteLine("--fiscal-year に年度を指定してください（例: 2024 または R6）。");
        return false;
    }
}
