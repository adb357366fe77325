using System.Text.RegularExpressions;
using Komaki.Management.TestSheets;
using Microsoft.Playwright;

namespace Komaki.Management.BrowserTests;

[Collection(nameof(AppServer))]
public class ExcelRoundTripTests(AppServer server)
{
    private static CitySheets.PlanRow Row(string code, string name, long cost) =>
        new(code, name, "継続", $"{name}を実施する。", [[cost, 0, 0, 0, 0, cost], [cost, 0, 0, 0, 0, cost], [cost, 0, 0, 0, 0, cost]]);

    private static async Task<IPage> UploadAsync(IPage page, string baseUrl, int year, byte[] file, string name)
    {
        await page.GotoAsync($"{baseUrl}/Imports/implementation-plan/{year}/Upload");
        await page.SelectOptionAsync("#year", year.ToString());
        await page.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file });
        await page.ClickAsync("button:has-text('内容を確認する')");
        await page.WaitForSelectorAsync("#summary");
        return page;
    }

    [Fact]
    public async Task Planning_staff_import_last_years_sheet_edit_in_the_app_export_edit_in_excel_and_see_exactly_their_changes()
    {
        var page = await server.SignedInPageAsync("kikaku@komaki.example");

        // 1. Last year's sheet as the division keeps it comes in.
        var sheet = CitySheets.ImplementationPlanWide(2027,
        [
            Row("1-1-01", "防災訓練推進事業", 25_300), Row("1-1-02", "自主防災組織育成事業", 26_000),
            Row("1-1-03", "防災備蓄整備事業", 120_000), Row("1-1-04", "防災情報伝達システム整備事業", 160_000),
        ]);
        await UploadAsync(page, server.BaseUrl, 2027, sheet, "令和9年度実施計画.xlsx");
        Assert.Equal("12", await page.InnerTextAsync("#created-count"));
        Assert.Equal("0", await page.InnerTextAsync("#refused-count"));
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync(new Regex("/ImplementationPlans/2027"));
        Assert.Contains("新規 12 件", await page.InnerTextAsync("[role=status]"));

        // 2. A few numbers change in the app.
        await page.FillAsync("#add-code", "1-1-02");
        await page.ClickAsync("button:has-text('追加・編集')");
        await page.FillAsync("#cost-2028", "３０，０００");
        await page.FillAsync("#general-2028", "20,000");
        await page.FillAsync("#national-2028", "10000");
        await page.ClickAsync("button:has-text('保存する')");
        await page.WaitForURLAsync(new Regex("/ImplementationPlans/2027\\?q="));
        Assert.Contains("30,000", await page.InnerTextAsync("tr:has-text('1-1-02')"));

        // 3. Export, 4. edit in Excel as a department would.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Excel 出力')"));
        Assert.Equal("実施計画_R9.xlsx", download.SuggestedFilename);
        var exported = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var edited = CitySheets.Edit(exported, ws =>
        {
            var r = ws.RowsUsed().First(x => x.Cell(1).GetString() == "1-1-04" && x.Cell(5).GetString() == "令和11年度").RowNumber();
            ws.Cell(r, 8).SetValue(175_000);
            ws.Cell(r, 12).SetValue(15_000);
            ws.Cell(r, 13).SetValue(160_000);
        });

        // 5. Import back: exactly the Excel edit, nothing else — the app's change survived the trip.
        await UploadAsync(page, server.BaseUrl, 2027, edited, "実施計画_R9_道路課修正.xlsx");
        Assert.Equal("0", await page.InnerTextAsync("#created-count"));
        Assert.Equal("1", await page.InnerTextAsync("#updated-count"));
        Assert.Equal("11", await page.InnerTextAsync("#unchanged-count"));
        var changes = await page.InnerTextAsync("#updated");
        Assert.Contains("1-1-04 令和11年度", changes);
        Assert.Contains("160,000", changes);
        Assert.Contains("175,000", changes);
        Assert.Contains("その他特定財源", changes);
        Assert.DoesNotContain("1-1-02", changes);
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync(new Regex("/ImplementationPlans/2027"));
        Assert.Contains("更新 1 件", await page.InnerTextAsync("[role=status]"));
        await page.GotoAsync(server.BaseUrl + "/ImplementationPlans/2027?q=1-1-04");
        Assert.Contains("175,000", await page.InnerTextAsync("tr:has-text('1-1-04')"));

        // The same file again changes nothing.
        await UploadAsync(page, server.BaseUrl, 2027, edited, "実施計画_R9_道路課修正.xlsx");
        Assert.Contains("取り込んでも何も変わりません", await page.InnerTextAsync("#no-changes"));
    }
}
