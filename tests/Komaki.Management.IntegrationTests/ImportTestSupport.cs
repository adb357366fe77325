using ClosedXML.Excel;
using Komaki.Management.Core;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests;

internal static class ImportTestSupport
{
    public static async Task<ImportReport> ImportAsync(this KomakiFactory app, string kind, byte[] file, int year, bool apply, ImportChoices? choices = null, string fileName = "test.xlsx")
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await SheetKinds.ForOperators[kind].Import!(new ImportContext(db, ExcelLimits.Default, ImportSettings.Default))
            .RunAsync(new ImportRequest(new MemoryStream(file), fileName, year, apply) { Choices = choices ?? ImportChoices.None });
    }

    public static async Task<byte[]> ExportAsync(this KomakiFactory app, string kind, int year)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var ms = new MemoryStream();
        Assert.True(await SheetKinds.All[kind].Export!(db, year, ms, null));
        return ms.ToArray();
    }

    /// Everything an import could touch, to prove a refused import left the database as it was.
    public static (int Editions, int Lines, int Plans, int Months, int Audit, long Cost) Snapshot(this KomakiFactory app) =>
        app.WithDb(db => (
            db.ImplementationPlans.Count(), db.ImplementationPlanLines.Count(), db.ExecutionPlans.Count(), db.ExecutionPlanMonths.Count(),
            db.AuditEntries.Count(), db.ImplementationPlanLines.Sum(l => l.Cost)));

    /// A one-row-per-project-year sheet with our own headers, for the refusal cases.
    public static byte[] LongSheet(params object?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("実施計画");
        string[] headers = ["事業コード", "年度", "区分", "事業内容", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        ws.Cell(1, headers.Length + 2).SetValue("（単位：千円）");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                switch (rows[r][c])
                {
                    case null: break;
                    case string s: ws.Cell(r + 2, c + 1).SetValue(s); break;
                    case int i: ws.Cell(r + 2, c + 1).SetValue(i); break;
                    case long l: ws.Cell(r + 2, c + 1).SetValue(l); break;
                    case decimal d: ws.Cell(r + 2, c + 1).SetValue(d); break;
                }
            }
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
