using System.Diagnostics;
using System.Text;
using Komaki.Management.Cli;
using Komaki.Management.Core.Importing;
using Microsoft.Data.Sqlite;

namespace Komaki.Management.IntegrationTests.Cli;

/// `komaki import … --json | python3 -m json.tool`: the real command, run as its own process as a script runs it, prints
/// one JSON document and nothing else on stdout for every import kind — whatever the runtime, EF Core or the import logs
/// goes to stderr — whether the file is written, refused or needs a choice.
public sealed class CliJsonProcessTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"komaki-cli-json-{Guid.NewGuid():N}.db");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("komaki-cli-json-");

    private async Task<(int Code, string Out, string Err)> Process(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8, WorkingDirectory = _folder.FullName,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "komaki.dll"));
        foreach (var a in args.Concat(["--provider", "Sqlite", "--connection", $"Data Source={_path}"])) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Every_import_kind_run_as_a_process_prints_one_json_document_alone_on_stdout()
    {
        // A migrated database with nothing in it: what is checked is stdout, whatever the file's rows come to.
        using (var o = new StringWriter())
        using (var e = new StringWriter())
            Assert.Equal(0, await KomakiCli.RunAsync(["migrate", "--provider", "Sqlite", "--connection", $"Data Source={_path}"], o, e, new StringReader("")));
        var files = new Dictionary<string, string>();
        foreach (var kind in Komaki.Management.Core.SheetKinds.ForOperators.Values.Where(k => k.Import is not null))
        {
            var file = Path.Combine(_folder.FullName, kind.Name + (kind.Name == Komaki.Management.Core.Personnel.StaffImport.Kind ? ".csv" : ".xlsx"));
            await File.WriteAllBytesAsync(file, kind.Name switch
            {
                "staff" => Encoding.UTF8.GetBytes("職員番号,氏名,所属,職名,職層,任用形態,発令日\r\n90001,試験 太郎,都市建設部　道路課,主事,一般職員,正規職員,令和8年4月1日\r\n90002,試験 花子,道路化,主事,主任,嘱託,R8.4.1\r\n"),
                "evaluations" => Importing.ReadAsMeantTests.EvaluationHistory(),
                "implementation-plan" => ImportTestSupport.LongSheet(["1-1-01", "R8", "継続", "道路の改良", 1000, 0, 0, 0, 0, 1000], [null, "施策計", null, null, 1000]),
                _ => SmallSheets.Small(kind.Name),
            });
            files[kind.Name] = file;
        }
        // Previews (--dry-run prints the same document), run side by side: they only read the database.
        var runs = await Task.WhenAll(files.Select(async f =>
        {
            var kind = Komaki.Management.Core.SheetKinds.ForOperators[f.Key];
            string[] scope = f.Key == "evaluations" ? ["--fiscal-year", "2025", "--amount-unit", "千円"]
                : kind.Scope == SheetScope.MayorTerm ? ["--term", "1"] : ["--fiscal-year", "2026"];
            return (Name: f.Key, Run: await Process(["import", f.Key, .. scope, f.Value, "--json", "--dry-run"]));
        }));
        foreach (var (name, run) in runs)
        {
            Assert.True(run.Code is 0 or 1, $"{name}: exit {run.Code}\n{run.Err}");
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"{name}: stdout is not one line:\n{run.Out[..Math.Min(400, run.Out.Length)]}");
            using var json = System.Text.Json.JsonDocument.Parse(run.Out);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, json.RootElement.GetProperty("hints").ValueKind);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        _folder.Delete(recursive: true);
    }
}

/// Small sheets of the kinds, as a division or a contractor writes them.
internal static class SmallSheets
{
    public static byte[] Small(string kind)
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet(kind switch { "survey" => "市民意識調査", "execution-plan" => "主要事業実行計画", "budget-request" => "予算要求書", _ => "マニフェスト" });
        string[][] rows = kind switch
        {
            "survey" => [["施策番号", "施策名", "満足度(%)", "重要度(%)"], ["1-1", "防災力の強化", "55.2", "70.1"], ["1 計", "", "55.2", "70.1"], ["9-9", "存在しない施策", "50", "50"]],
            "execution-plan" => [["事業コード", "事務事業名", "担当課", "今年度の目標"], ["1-1-01", "道路改良事業", "都市建設部 道路課", "2路線の改良を終える"]],
            "budget-request" => [["（単位：千円）"], ["事業コード", "事務事業名", "新規・継続", "要求額（歳出）", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源", "要求理由"],
                ["1-1-01", "道路改良事業", "継続", "12,000", "6,000", "0", "0", "0", "6,000", "2路線の改良を続ける"]],
            _ => [["番号", "分野", "項目", "内容"], ["9-1", "行政", "窓口のデジタル化", "書かない窓口を全庁に広げます。"], ["小計", "", "", ""]],
        };
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0) ws.Cell(r + 1, c + 1).SetValue(rows[r][c]);
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
