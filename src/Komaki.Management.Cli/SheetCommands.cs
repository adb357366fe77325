using System.Globalization;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Cli;

/// `komaki import|export implementation-plan|execution-plan`: the screens' Excel round trip, for batch work.
internal static class SheetCommands
{
    public static async Task<int> ImportAsync(ServiceProvider services, string? kindName, Dictionary<string, string> options, TextWriter output, TextWriter error)
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
        var dryRun = options.ContainsKey("dry-run");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        ImportReport report;
        await using (var file = File.OpenRead(path))
        {
            report = await kind.Import!(db, ExcelLimits.Default).RunAsync(file, Path.GetFileName(path), year, apply: !dryRun);
        }
        if (options.ContainsKey("json"))
        {
            output.WriteLine(report.ToJson());
        }
        else
        {
            if (report.FileError is not null) error.WriteLine(report.FileError);
            foreach (var r in report.Refused) error.WriteLine($"{r.Sheet} {r.Row}行目: {r.Reason}");
            foreach (var note in report.Notes) output.WriteLine(note);
            output.WriteLine($"{kind.Label}（{(kind.Scope == SheetScope.MayorTerm ? $"任期 {year}" : Wareki.FiscalYear(year))}）: 新規 {report.Created.Count:N0} 件、更新 {report.Updated.Count:N0} 件、変更なし {report.Unchanged:N0} 件、取り込めない行 {report.Refused.Count:N0} 件、読み飛ばした行 {report.Skipped.Count:N0} 件");
            output.WriteLine(report.Applied ? "書き込みました。"
                : dryRun ? "確認のみ（--dry-run）のため、書き込んでいません。"
                : report.HasChanges ? "取り込めない行があるため、何も書き込んでいません。" : "変更はありません。");
        }
        return report.FileError is null && report.Refused.Count == 0 ? 0 : 1;
    }

    public static async Task<int> ExportAsync(ServiceProvider services, string? kindName, Dictionary<string, string> options, TextWriter output, TextWriter error)
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
        if (!await kind.Export(db, year, buffer))
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
        if (name is not null && SheetKind.All.TryGetValue(name, out kind!)) return true;
        error.WriteLine($"種類を指定してください: {string.Join(" | ", SheetKind.All.Keys)}");
        kind = null!;
        return false;
    }

    private static bool TryScope(SheetKind kind, Dictionary<string, string> options, TextWriter error, out int scope)
    {
        if (kind.Scope == SheetScope.FiscalYear) return TryYear(options, error, out scope);
        if (options.TryGetValue("term", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out scope)) return true;
        error.WriteLine("--term に任期の番号（画面の URL の termId）を指定してください。");
        scope = 0;
        return false;
    }

    private static bool TryYear(Dictionary<string, string> options, TextWriter error, out int year)
    {
        year = 0;
        if ((options.TryGetValue("fiscal-year", out var text) || options.TryGetValue("year", out text) || options.TryGetValue("latest-year", out text)) && (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) || Wareki.TryParseFiscalYear(text, out year)))
            return true;
        error.WriteLine("--fiscal-year に年度を指定してください（例: 2024 または R6）。");
        return false;
    }
}
