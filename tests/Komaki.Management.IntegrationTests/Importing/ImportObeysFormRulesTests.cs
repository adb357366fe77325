using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.IntegrationTests.BudgetFormulation;
using Komaki.Management.TestSheets;

namespace Komaki.Management.IntegrationTests.Importing;

/// An import can do no more than the edit form: for every import kind and every role that imports its own unit's sheet,
/// a row changing what that role's form refuses is refused by the import, naming the cell and the form's reason, and
/// nothing is written — the import asks the record's rule (IRecordRule), the same one the form's POST asks.
public class ImportObeysFormRulesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string RoadHead = "doro-kacho@komaki.example";
    private const string RoadStaff = "doro-tanto@komaki.example";

    /// A change the role's form refuses, made to the role's own export: Change edits the sheet and returns the cell it
    /// changed; Reason is (part of) what the form says.
    private sealed record Case(string Email, int Year, Func<IXLWorksheet, KomakiFactory, string> Change, string Reason);

    private static readonly Dictionary<(string Kind, string Role), Case> Cases = new()
    {
        // 所属長: an edition superseded by a newer one is planning's to change (the form: 403 EditionClosed).
        [(SheetKind.ImplementationPlan, Roles.DepartmentHead)] = new(RoadHead, 2025, (ws, _) =>
        {
            var r = ws.RowsUsed().First(x => Regex.IsMatch(x.Cell(1).GetString(), @"^\d+-\d+-\d+$") && x.Cell(5).GetString() == "令和7年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 100);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 100);
            return $"H{r}";
        }, DepartmentLocks.EditionClosed),
        // 所属長: handing the unit's plan to another 課 (the form asks again as the receiving unit's plan).
        [(SheetKind.ExecutionPlan, Roles.DepartmentHead)] = new(RoadHead, 2026, (ws, _) =>
        {
            ws.Cell(5, 3).SetValue("経営企画課");
            return "C5";
        }, "所属"),
        // 担当職員: the plan (今年度の目標, the schedule) is the head's; staff report progress only.
        [(SheetKind.ExecutionPlan, Roles.DepartmentStaff)] = new(RoadStaff, 2026, (ws, _) =>
        {
            ws.Cell(5, 4).SetValue(ws.Cell(5, 4).GetString() + "（職員が書き換え）");
            ws.Cell(5, 8).SetValue("職員が入れた予定");
            return "D5";
        }, "実行計画を作れるのは"),
        // 予算要求書: a row of another 課's project, forged into the 課's sheet.
        [(BudgetRequestImport.Kind, Roles.DepartmentHead)] = new(RoadHead, 2028, ForgedBudgetRow, "所属で取り込めるのは"),
        // 担当職員: a request the 課 has submitted is its 要求 stage; the request form's rule refuses changing it.
        [(BudgetRequestImport.Kind, Roles.DepartmentStaff)] = new(RoadStaff, 2027, (ws, _) =>
        {
            var r = BudgetSheetsWebTests.DataRows(ws).First(x => ws.Cell(x, BudgetSheetsWebTests.State).GetString() == "提出済");
            ws.Cell(r, BudgetSheetsWebTests.Expenditure).SetValue(ws.Cell(r, BudgetSheetsWebTests.Expenditure).GetValue<decimal>() + 100);
            ws.Cell(r, BudgetSheetsWebTests.General).SetValue(ws.Cell(r, BudgetSheetsWebTests.General).GetValue<decimal>() + 100);
            return $"E{r}";
        }, BudgetAccess.SubmittedRefusal),
    };

    private static string ForgedBudgetRow(IXLWorksheet ws, KomakiFactory app)
    {
        var other = app.WithDb(db =>
        {
            var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
            var roadUnits = db.OrgUnits.Where(u => u.Id == road || u.ParentId == road).Select(u => u.Id).ToList();
            return db.Projects.Where(p => !roadUnits.Contains(p.OwnerUnitId) && p.RetiredAt == null).OrderBy(p => p.Code).Select(p => p.Code).First();
        });
        var r = BudgetSheetsWebTests.DataRows(ws)[0];
        ws.Cell(r, BudgetSheetsWebTests.Code).SetValue(other);
        ws.Cell(r, BudgetSheetsWebTests.Kind).SetValue("継続");
        ws.Cell(r, BudgetSheetsWebTests.Expenditure).SetValue(500);
        foreach (var c in new[] { BudgetSheetsWebTests.National, BudgetSheetsWebTests.Prefectural, BudgetSheetsWebTests.Bonds, BudgetSheetsWebTests.Other })
            ws.Cell(r, c).SetValue(0);
        ws.Cell(r, BudgetSheetsWebTests.General).SetValue(500);
        ws.Cell(r, BudgetSheetsWebTests.Reason).SetValue("ほかの課の事業の要求");
        return $"A{r}";
    }

    /// Every import kind and every role that imports its own unit's part of it.
    public static TheoryData<string, string> KindsAndRoles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in SheetKinds.All.Values.Where(k => k.Import is not null))
            {
                foreach (var role in kind.Access.UnitRoles) data.Add(kind.Name, role);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndRoles))]
    public async Task A_row_the_roles_form_refuses_is_refused_naming_its_cell_and_nothing_is_written(string kind, string role)
    {
        Assert.True(Cases.TryGetValue((kind, role), out var c), $"{kind} に {role} が取り込める: フォームが断る変更の例をこのテストに加えてください。");
        var client = await app.SignedInAsync(c.Email);
        var export = await client.GetByteArrayAsync($"/Imports/{kind}/{c.Year}/Export");
        var cell = "";
        var changed = CitySheets.Edit(export, ws => cell = c.Change(ws, app));
        var before = app.WithDb(db => db.AuditEntries.Count());

        var html = await (await UploadAsync(client, kind, c.Year, changed)).Content.ReadAsStringAsync();

        Assert.Equal("1", BudgetSheetsWebTests.Count(html, "refused-count"));
        Assert.Equal("0", BudgetSheetsWebTests.Count(html, "updated-count"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(c.Reason), html);
        Assert.Matches($@"\b{cell}\b", RefusedSection(html));
        Assert.Equal(before, app.WithDb(db => db.AuditEntries.Count()));
    }

    /// The same roles' forms allow their own part: a 担当職員 reports progress by the sheet, and a 所属長 changes the
    /// latest edition — so the refusals above are the rule's, not a blanket one.
    [Fact]
    public async Task What_the_form_allows_goes_in()
    {
        var staff = await app.SignedInAsync(RoadStaff);
        var export = await staff.GetByteArrayAsync($"/Imports/{SheetKind.ExecutionPlan}/2026/Export");
        var progress = CitySheets.Edit(export, ws => ws.Cell(5, 20).SetValue("上半期は予定どおり発注を終えた。"));
        var html = await (await UploadAsync(staff, SheetKind.ExecutionPlan, 2026, progress)).Content.ReadAsStringAsync();
        Assert.Equal("0", BudgetSheetsWebTests.Count(html, "refused-count"));
        Assert.Equal("1", BudgetSheetsWebTests.Count(html, "updated-count"));

        var head = await app.SignedInAsync(RoadHead);
        var plan = await head.GetByteArrayAsync($"/Imports/{SheetKind.ImplementationPlan}/2026/Export");
        var cost = CitySheets.Edit(plan, ws =>
        {
            var r = ws.RowsUsed().First(x => Regex.IsMatch(x.Cell(1).GetString(), @"^\d+-\d+-\d+$") && x.Cell(5).GetString() == "令和8年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 100);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 100);
        });
        html = await (await UploadAsync(head, SheetKind.ImplementationPlan, 2026, cost)).Content.ReadAsStringAsync();
        Assert.Equal("0", BudgetSheetsWebTests.Count(html, "refused-count"));
        Assert.Equal("1", BudgetSheetsWebTests.Count(html, "updated-count"));
    }

    private static string RefusedSection(string html)
    {
        var start = html.IndexOf("取り込めない行", StringComparison.Ordinal);
        return start < 0 ? html : html[start..];
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, int year, byte[] file)
    {
        var token = await KomakiFactory.TokenAsync(client, $"/Imports/{kind}/{year}/Upload");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year" },
            { content, "file", "所属.xlsx" },
        };
        return await client.PostAsync($"/Imports/{kind}/Preview", form);
    }
}
