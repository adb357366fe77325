using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using Komaki.Management.Core;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.IntegrationTests.BudgetFormulation;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Importing;

/// Permission is asked of the rows that write, and only of them (docs/excel.md「画面と同じ権限で取り込みます」): for every
/// import kind and every role that imports its own unit's part, the whole city's sheet — as someone who reads it all
/// exports it — sent back unchanged by the unit's user previews as 変更なし (no row refused), confirms without error and
/// writes nothing; with one cell of another unit's row changed, that row is refused naming the cell, and nothing is
/// written. A kind no unit imports is refused to the unit's users at the door.
public class OtherUnitsRowsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static readonly Dictionary<string, string> UnitUsers = new()
    {
        [Roles.DepartmentHead] = "doro-kacho@komaki.example",
        [Roles.DepartmentStaff] = "doro-tanto@komaki.example",
    };

    /// How each kind a unit imports gets its whole-city sheet (year, file), which free-text column a change is made in,
    /// and whose each row is (code → unit), read from the records the rows stand for.
    private sealed record Case(int Year, Func<KomakiFactory, Task<byte[]>> CitySheet, string Column, Func<AppDbContext, int, Dictionary<string, int>> Owners);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        [SheetKind.ImplementationPlan] = new(2026, a => a.ExportAsync(SheetKind.ImplementationPlan, 2026), "事業内容",
            (db, _) => db.Projects.ToDictionary(p => p.Code, p => p.OwnerUnitId)),
        [SheetKind.ExecutionPlan] = new(2026, a => a.ExportAsync(SheetKind.ExecutionPlan, 2026), "中間進捗",
            (db, year) => db.ExecutionPlans.Where(e => e.FiscalYear == year).Select(e => new { e.Project!.Code, e.OwnerUnitId }).ToDictionary(e => e.Code, e => e.OwnerUnitId)),
        [BudgetRequestImport.Kind] = new(2028, a => BudgetCitySheetAsync(a, 2028), "要求理由",
            (db, year) => db.BudgetRequests.Where(r => r.FiscalYear == year).Select(r => new { r.Project!.Code, r.OrgUnitId }).ToDictionary(r => r.Code, r => r.OrgUnitId)),
    };

    private static readonly string[] Sources = ["国庫支出金", "県支出金", "地方債", "その他特定財源"];

    public static TheoryData<string> Kinds => [.. SheetKinds.ForOperators.Keys.Order()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Another_units_rows_go_back_unchanged_and_a_change_to_one_is_refused_naming_its_cell(string kindName)
    {
        var kind = SheetKinds.ForOperators[kindName];
        if (kind.Access.UnitRoles.Count == 0)
        {
            foreach (var email in UnitUsers.Values) await NoUnitImportsAsync(kind, email);
            return;
        }
        Assert.True(Cases.TryGetValue(kindName, out var c), $"{kindName} は所属で取り込めます: 全庁のシートの作り方と、変える列をこのテストに加えてください。");
        var city = await c.CitySheet(app);
        foreach (var role in kind.Access.UnitRoles)
        {
            var email = UnitUsers[role];
            var client = await app.SignedInAsync(email);
            var own = OwnUnits(email);
            var owners = app.WithDb(db => c.Owners(db, c.Year));
            var before = Written();

            // Unchanged: the other units' rows are 変更なし, none refused, and confirming writes nothing.
            var html = await (await UploadAsync(client, kindName, c.Year, city)).Content.ReadAsStringAsync();
            Assert.True(BudgetSheetsWebTests.Count(html, "refused-count") == "0", $"{kindName} / {role}: {Refusals(html)}");
            Assert.Equal("0", BudgetSheetsWebTests.Count(html, "created-count"));
            Assert.Equal("0", BudgetSheetsWebTests.Count(html, "updated-count"));
            var others = OtherRows(city, owners, own).Count;
            Assert.True(others > 0, $"{kindName}: the city's sheet has no row of another unit");
            Assert.True(int.Parse(BudgetSheetsWebTests.Count(html, "unchanged-count").Replace(",", ""), CultureInfo.InvariantCulture) >= others,
                $"{kindName} / {role}: {BudgetSheetsWebTests.Count(html, "unchanged-count")} unchanged of {others} other units' rows");
            var confirmed = await ConfirmAsync(kind, c.Year, city, email, own);
            Assert.True(confirmed.FileError is null && confirmed.Refused.Count == 0, $"{kindName} / {role}: {confirmed.FileError} {string.Join(" / ", confirmed.Refused.Select(r => r.Reason))}");
            Assert.False(confirmed.HasChanges);
            Assert.Equal(before, Written());

            // One cell of another unit's row changed: that row is refused naming the cell, nothing is written.
            var cell = "";
            var changed = CitySheets.Edit(city, ws =>
            {
                var t = new Table(ws);
                var row = OtherRows(ws, t, owners, own).First();
                var at = ws.Cell(row, t.Column(c.Column));
                at.SetValue(at.GetString() + "（ほかの課の行を書き換え）");
                cell = at.Address.ToString()!;
            });
            html = await (await UploadAsync(client, kindName, c.Year, changed)).Content.ReadAsStringAsync();
            Assert.True(BudgetSheetsWebTests.Count(html, "refused-count") == "1", $"{kindName} / {role}: {Refusals(html)}");
            Assert.Matches($@"\b{cell}\b", Refusals(html));
            confirmed = await ConfirmAsync(kind, c.Year, changed, email, own);
            Assert.Single(confirmed.Refused);
            Assert.Contains(cell, confirmed.Refused[0].Reason, StringComparison.Ordinal);
            Assert.False(confirmed.Applied);
            Assert.Equal(before, Written());
        }
    }

    /// A kind no unit imports is refused to the unit's users before a file is asked for (403), or not offered on the
    /// import screen at all (404: the staff register is the operator's).
    private async Task NoUnitImportsAsync(SheetKind kind, string email)
    {
        var client = await app.SignedInAsync(email);
        var scope = kind.Scope == SheetScope.MayorTerm ? app.WithDb(db => db.MayorTerms.OrderBy(t => t.Id).Select(t => t.Id).First()) : 2026;
        var response = await client.GetAsync($"/Imports/{kind.Name}/{scope}/Upload");
        var expected = SheetKinds.All.ContainsKey(kind.Name) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        Assert.True(response.StatusCode == expected, $"{kind.Name} / {email}: {(int)response.StatusCode}");
    }

    /// The 課's 予算要求書 for a year with every 課's requests entered (the planning side fills the city's empty rows,
    /// as the 課 would), exported as someone who reads the whole city.
    private static async Task<byte[]> BudgetCitySheetAsync(KomakiFactory app, int year)
    {
        var filled = CitySheets.Edit(await app.ExportAsync(BudgetRequestImport.Kind, year), ws =>
        {
            var t = new Table(ws);
            foreach (var r in t.Rows.Where(r => ws.Cell(r, t.Column("状態")).GetString() == "未入力"))
            {
                ws.Cell(r, t.Column("新規・継続")).SetValue("継続");
                ws.Cell(r, t.Column("要求額（歳出）")).SetValue(500);
                foreach (var h in Sources) ws.Cell(r, t.Column(h)).SetValue(0);
                ws.Cell(r, t.Column("一般財源")).SetValue(500);
                ws.Cell(r, t.Column("要求理由")).SetValue("事業の継続に要する経費を要求する。");
            }
        });
        var report = await app.ImportAsync(BudgetRequestImport.Kind, filled, year, apply: true);
        Assert.True(report.Applied, string.Join(" / ", report.Refused.Select(r => r.Reason)) + report.FileError);
        return await app.ExportAsync(BudgetRequestImport.Kind, year);
    }

    private HashSet<int> OwnUnits(string email) => app.WithDb(db =>
    {
        var unit = db.Users.Single(u => u.Email == email).OrgUnitId!.Value;
        return new OrgTree(db.OrgUnits.AsNoTracking().ToList()).SelfAndDescendants(unit).ToHashSet();
    });

    private static List<int> OtherRows(byte[] file, Dictionary<string, int> owners, IReadOnlySet<int> own)
    {
        using var wb = new XLWorkbook(new MemoryStream(file));
        var ws = wb.Worksheet(1);
        return OtherRows(ws, new Table(ws), owners, own);
    }

    private static List<int> OtherRows(IXLWorksheet ws, Table t, Dictionary<string, int> owners, IReadOnlySet<int> own) =>
        t.Rows.Where(r => owners.TryGetValue(ws.Cell(r, t.Column("事業コード")).GetString().Trim(), out var unit) && !own.Contains(unit)).ToList();

    /// Runs the import as the confirmation does for the unit's user (its units, the record rules asked as that person).
    private async Task<ImportReport> ConfirmAsync(SheetKind kind, int year, byte[] file, string email, IReadOnlySet<int> own)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync());
        var asker = new RuleAsker(new Actor(user.UserName!, roles.ToHashSet(), user.OrgUnitId), user.Id, org);
        return await sp.GetRequiredService<ImportRuns>().RunAsync(kind,
            new ImportRequest(new MemoryStream(file), "全庁.xlsx", year, Apply: true) { Choices = ImportChoices.None, OwnUnits = own, Asker = asker },
            user.UserName!, user.OrgUnitId, DateTime.UtcNow);
    }

    private (int Audit, int Logs) Written() => app.WithDb(db => (db.AuditEntries.Count(), db.ImportLogs.Count()));

    private static string Refusals(string html)
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
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "year" },
            { content, "file", "全庁.xlsx" },
        };
        var response = await client.PostAsync($"/Imports/{kind}/Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// The table of an exported sheet: its header row (one or two rows), its columns by header and its data rows.
    private sealed class Table
    {
        private readonly IXLWorksheet _ws;
        private readonly int _last;

        public Table(IXLWorksheet ws)
        {
            _ws = ws;
            _last = ws.LastColumnUsed()!.ColumnNumber();
            HeaderRow = Enumerable.Range(1, 15).First(r => ws.Row(r).CellsUsed().Any(c => c.GetString().Trim() == "事業コード"));
            var code = Column("事業コード");
            Rows = Enumerable.Range(HeaderRow + 1, ws.LastRowUsed()!.RowNumber() - HeaderRow)
                .Where(r => System.Text.RegularExpressions.Regex.IsMatch(ws.Cell(r, code).GetString(), "^[0-9A-Za-z]")).ToList();
        }

        public int HeaderRow { get; }

        public List<int> Rows { get; }

        public int Column(string header) =>
            Enumerable.Range(1, _last).FirstOrDefault(c => _ws.Cell(HeaderRow, c).GetString().Trim() == header || _ws.Cell(HeaderRow + 1, c).GetString().Trim() == header) is int c and > 0
                ? c : throw new InvalidOperationException($"見出し「{header}」の列がありません。");
    }
}
