using System.Net;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.IntegrationTests.Control;

/// What was published is a snapshot: 部門別職員数（公表用） is confirmed (確定) by the personnel division on a page of its
/// own, and from then on the table — page, print and Excel — reads as confirmed, whatever later happens to the lines it
/// was made from: every number and text of every staffing line of the year and the year before, and the departments'
/// names (found from the model, so a field added later is changed too). The change shows only in the next edition,
/// confirmed as a 訂正 with its reason; every edition stays in the history.
public sealed class StaffingTableEditionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const int Year = 2026;
    private const string Url = "/Staffing/Table?year=2026";
    private const string ConfirmUrl = "/Staffing/Table/2026/Confirm";

    private static string Table(string page) => Regex.Match(page, "<article class=\"print-page\">.*?</article>", RegexOptions.Singleline).Value;

    private static string Rows(string page) => Regex.Match(page, "<table class=\"table table-sm table-bordered\" id=\"staffing-table\">.*?</table>", RegexOptions.Singleline).Value;

    private static async Task<string> ExcelTableAsync(HttpClient client)
    {
        using var book = new ClosedXML.Excel.XLWorkbook(await client.GetStreamAsync($"/Staffing/Table/Excel?year={Year}"));
        return string.Join("\n", book.Worksheet(1).CellsUsed().Select(c => $"{c.Address}={c.GetFormattedString()}"));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string? reason)
    {
        var token = await KomakiFactory.TokenAsync(client, ConfirmUrl);
        return await client.PostAsync(ConfirmUrl, KomakiFactory.Form(token, reason is null ? [] : [("Comment", reason)]));
    }

    private static void ChangeEverything(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var p in entry.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey() && !p.Metadata.IsConcurrencyToken))
        {
            if (p.Metadata.ClrType == typeof(string)) p.CurrentValue = (p.CurrentValue as string) + "改";
            else if (p.Metadata.ClrType == typeof(decimal) || p.Metadata.ClrType == typeof(decimal?)) p.CurrentValue = ((decimal?)p.CurrentValue ?? 0) + 1;
        }
    }

    [Fact]
    public async Task A_confirmed_table_keeps_its_numbers_reasons_and_names_until_it_is_corrected()
    {
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync(ConfirmUrl)).StatusCode);

        var division = await app.SignedInAsync("jinji@komaki.example");
        var draft = await division.GetStringAsync(Url);
        Assert.Contains("未確定", draft);
        Assert.Contains("id=\"confirm-table\"", draft);
        Assert.Contains("確定は取り消せません", await division.GetStringAsync(ConfirmUrl));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(division, null)).StatusCode);

        var confirmed = await division.GetStringAsync(Url);
        Assert.Contains("第1版", confirmed);
        Assert.NotEmpty(Rows(draft));
        Assert.Equal(Rows(draft), Rows(confirmed));
        var excel = await ExcelTableAsync(division);
        Assert.Contains("第1版", excel);
        // Nothing has moved: no second edition.
        await ConfirmAsync(division, "同じ表");
        Assert.Equal(1, app.WithDb(db => db.StaffingTableEditions.Count(e => e.FiscalYear == Year)));

        app.WithDb(db =>
        {
            foreach (var line in db.StaffingLines.Where(l => l.FiscalYear == Year || l.FiscalYear == Year - 1).ToList()) ChangeEverything(db.Entry(line));
            foreach (var dept in db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Department).ToList()) db.Entry(dept).Property(u => u.Name).CurrentValue += "改";
            return db.SaveChanges();
        });

        var after = await division.GetStringAsync(Url);
        Assert.Equal(Table(confirmed), Table(after));
        Assert.Equal(excel, await ExcelTableAsync(division));
        Assert.Contains("id=\"changed-since\"", after);

        // The change reaches the table only as a 訂正, with its reason.
        var refused = await (await ConfirmAsync(division, null)).Content.ReadAsStringAsync();
        Assert.Contains("訂正する理由を書いてください", refused);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(division, "4月1日の実員の集計漏れ")).StatusCode);
        var corrected = await division.GetStringAsync(Url);
        Assert.NotEqual(Table(confirmed), Table(corrected));
        Assert.Contains("訂正（第2版）: 4月1日の実員の集計漏れ", corrected);
        Assert.Contains("改", Table(corrected));
        Assert.Matches("(?s)id=\"table-editions\".*第2版.*第1版", corrected);
        Assert.DoesNotContain("id=\"changed-since\"", corrected);
    }
}
