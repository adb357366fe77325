using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Bench;

/// The 実施計画 Excel benchmark of docs/performance.md: 10,000 project-year rows imported (parse, validate,
/// diff and write) against merely reading the same file with the Open XML SDK's SAX reader, in the same run.
/// `budget-commit DB [runs]`: the 予算編成 benchmark (BudgetCommitBench) on a database seeded by `komaki seed-large`.
public static class Program
{
    private const int Years = ImplementationPlan.YearsCovered;
    private const int Edition = 2026;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "budget-commit")
            return await BudgetCommitBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        if (args.Length == 3 && args[0] is "--import-once" or "--export-once")
        {
            if (args[0] == "--import-once") Check(await ImportAsync(args[1], args[2], apply: true), -1, created: true);
            else await ExportAsync(args[1]);
            Console.WriteLine(PeakWorkingSetMb().ToString("0", CultureInfo.InvariantCulture));
            return 0;
        }
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var work = Path.Combine(Path.GetTempPath(), $"komaki-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var template = Path.Combine(work, "template.db");
            var projects = (rows + Years - 1) / Years;
            await PrepareDatabaseAsync(template, projects);
            var workbook = Path.Combine(work, "plan.xlsx");
            await WriteWorkbookAsync(template, workbook, projects, rows);
            Console.WriteLine($"環境: {Environment.ProcessorCount} コア, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            Console.WriteLine($"ブック: {rows:N0} 行（{projects:N0} 事業 × {Years} 年度）, {new FileInfo(workbook).Length / 1024.0:N0} KB");

            // Warm up both paths once so JIT time is not counted against either.
            ReadWithOpenXmlSax(workbook);
            await ImportAsync(Copy(template, work, "warm"), workbook, apply: true);

            var sax = new List<double>();
            var import = new List<double>();
            var reimport = new List<double>();
            var export = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                sax.Add(Time(() => ReadWithOpenXmlSax(workbook)));
                var db = Copy(template, work, $"run{run}");
                import.Add(await TimeAsync(async () => Check(await ImportAsync(db, workbook, apply: true), rows, created: true)));
                reimport.Add(await TimeAsync(async () => Check(await ImportAsync(db, workbook, apply: true), rows, created: false)));
                export.Add(await TimeAsync(() => ExportAsync(db)));
            }
            // Peak memory of one import and one export, each in a fresh process so nothing else is counted.
            var importPeak = PeakInChild("--import-once", Copy(template, work, "peak-import"), workbook);
            var exportDb = Copy(template, work, "peak-export");
            await ImportAsync(exportDb, workbook, apply: true);
            SqliteConnection.ClearAllPools();
            var exportPeak = PeakInChild("--export-once", exportDb, workbook);
            Report("Open XML SDK SAX 読み取りのみ（基準）", sax);
            Report("取り込み（読み取り・検証・差分・書き込み、新規 10,000 行）", import);
            Report("再取り込み（同じファイル、変更なし）", reimport);
            Report("書き出し（10,000 行）", export);
            var ratio = Median(import) / Median(sax);
            Console.WriteLine($"取り込み / SAX 読み取り = {ratio:N2} 倍（目標 2 倍以内）");
            Console.WriteLine($"ピークメモリ（別プロセスで1回、VmHWM）: 取り込み {importPeak:N0} MB（目標 400 MB 未満）、書き出し {exportPeak:N0} MB");
            Console.WriteLine($"書き出し中央値: {Median(export) / 1000:N2} 秒（目標 3 秒未満）");
            var ok = ratio <= 2 && importPeak < 400 && Median(export) < 3000;
            Console.WriteLine(ok ? "結果: すべての目標を満たしています。" : "結果: 目標を満たしていない項目があります。");
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    internal static AppDbContext Open(string path, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        if (interceptor is not null) options.AddInterceptors(interceptor);
        return new AppDbContext(options.Options, new FixedActor("bench"));
    }

    private static async Task PrepareDatabaseAsync(string path, int projects)
    {
        await using var db = Open(path);
        await db.Database.MigrateAsync();
        var unit = new OrgUnit { Code = "01", Name = "ベンチ課", Level = OrgUnitLevel.Division, ValidFromYear = 2000 };
        var plan = new ComprehensivePlan { Name = "ベンチ計画", StartYear = 2020, EndYear = 2030, IsCurrent = true };
        var basic = new BasicPlan { ComprehensivePlan = plan, Name = "前期", StartYear = 2020, EndYear = 2030 };
        var policy = new Policy { BasicPlan = basic, Code = "1", Name = "政策" };
        var measure = new Measure { Policy = policy, Code = "1-1", Name = "施策" };
        db.AddRange(unit, plan, basic, policy, measure);
        await db.SaveChangesAsync();
        for (var i = 1; i <= projects; i++)
        {
            db.Projects.Add(new Project { Measure = measure, Code = $"B-{i:00000}", Name = $"ベンチ事業{i}", OwnerUnitId = unit.Id, StartYear = 2015 });
        }
        await db.SaveChangesAsync();
    }

    /// The workbook the import reads: written by the app's own export code from generated lines.
    private static async Task WriteWorkbookAsync(string template, string path, int projects, int rows)
    {
        await using var db = Open(template);
        var edition = new ImplementationPlan { FiscalYear = Edition, Title = ImplementationPlan.DefaultTitle(Edition) };
        var random = new Random(42);
        var list = new List<ImplementationPlanSheet.Row>(rows);
        for (var p = 1; p <= projects && list.Count < rows; p++)
        {
            for (var y = 0; y < Years && list.Count < rows; y++)
            {
                long cost = random.Next(1_000, 500_000) * 1000L;
                long national = cost / 4 / 1000 * 1000;
                list.Add(new ImplementationPlanSheet.Row($"B-{p:00000}", $"ベンチ事業{p}", "ベンチ課", "施策", Edition + y,
                    (ImplementationStatus)(1 + (p + y) % 5), $"ベンチ事業{p}の{y + 1}年目の内容。対象を拡大し、効果を検証する。",
                    cost, Funding.None with { National = national, General = cost - national }));
            }
        }
        await using var file = File.Create(path);
        ImplementationPlanSheet.Write(file, edition, list);
    }

    internal static string Copy(string template, string work, string name)
    {
        // Closing pooled connections checkpoints the write-ahead log into the file being copied.
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(work, name + ".db");
        File.Copy(template, path);
        return path;
    }

    /// The baseline: every cell of the sheet and the shared strings read with OpenXmlReader, values kept as text.
    private static void ReadWithOpenXmlSax(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wbPart = doc.WorkbookPart!;
        var shared = new List<string>();
        if (wbPart.SharedStringTablePart is { } sst)
        {
            using var sr = OpenXmlReader.Create(sst);
            while (sr.Read())
            {
                if (sr.ElementType == typeof(SharedStringItem)) shared.Add(((SharedStringItem)sr.LoadCurrentElement()!).InnerText);
            }
        }
        var values = new List<string>();
        using var reader = OpenXmlReader.Create(wbPart.WorksheetParts.First());
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Cell) || !reader.IsStartElement) continue;
            var cell = (Cell)reader.LoadCurrentElement()!;
            var v = cell.CellValue?.Text;
            if (v is null) continue;
            values.Add(cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(v, CultureInfo.InvariantCulture)] : v);
        }
        if (values.Count == 0) throw new InvalidOperationException("no cells read");
    }

    private static async Task<Core.Importing.ImportReport> ImportAsync(string db, string workbook, bool apply)
    {
        await using var context = Open(db);
        await using var file = File.OpenRead(workbook);
        return await new ImplementationPlanImport(new Core.Importing.ImportContext(context, ExcelLimits.Default, Core.Importing.ImportSettings.Default))
            .RunAsync(new Core.Importing.ImportRequest(file, "plan.xlsx", Edition, apply));
    }

    private static async Task ExportAsync(string db)
    {
        await using var context = Open(db);
        using var output = new MemoryStream();
        if (!await ImplementationPlanExport.WriteAsync(context, Edition, output)) throw new InvalidOperationException("no edition");
    }

    private static void Check(Core.Importing.ImportReport report, int rows, bool created)
    {
        if (report.FileError is not null || report.Refused.Count > 0) throw new InvalidOperationException(report.FileError ?? report.Refused[0].Reason);
        if (created && (rows >= 0 && report.Created.Count != rows || !report.Applied)) throw new InvalidOperationException($"created {report.Created.Count}");
        if (!created && report.Unchanged != rows) throw new InvalidOperationException($"unchanged {report.Unchanged}");
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalMilliseconds;
    }

    internal static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static void Report(string label, List<double> ms) =>
        Console.WriteLine($"{label}: 中央値 {Median(ms):N0} ms（最小 {ms.Min():N0} / 最大 {ms.Max():N0}、{ms.Count} 回）");

    private static double PeakInChild(string mode, string db, string workbook)
    {
        SqliteConnection.ClearAllPools();
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in new[] { mode, db, workbook }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{mode} failed: {output}");
        return double.Parse(output.Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    /// Peak resident memory of this process from /proc (Linux); the whole run, so an upper bound for the import.
    private static double PeakWorkingSetMb()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
