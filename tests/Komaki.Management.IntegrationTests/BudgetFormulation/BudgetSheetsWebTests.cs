using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.TestSheets;
using static Komaki.Management.TestSheets.RawXlsx;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// 予算編成 in Excel over HTTP: a 課's 予算要求書 goes out and comes back through the one import pipeline (preview, all or
/// nothing, its own unsubmitted requests only, read as Excel shows it), and the 財政課's 査定調書, stage comparison and
/// 評価の効き目 come out with the screen's totals to the yen.
public sealed class BudgetSheetsWebTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Staff = "doro-tanto@komaki.example";
    private const string Finance = "zaisei@komaki.example";

    // The exported sheet: headers on rows 3–4, data from row 5; these columns.
    internal const int Code = 1, Kind = 4, Expenditure = 5, National = 6, Prefectural = 7, Bonds = 8, Other = 9, General = 10, Reason = 11, State = 14;

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, byte[] file)
    {
        var token = await KomakiFactory.TokenAsync(client, $"/Imports/{BudgetRequestImport.Kind}/{year}/Upload");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(BudgetSheets.ContentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "year" },
            { content, "file", "予算要求書_道路課.xlsx" },
        };
        return await client.PostAsync($"/Imports/{BudgetRequestImport.Kind}/Preview", form);
    }

    internal static string Count(string html, string id) => Regex.Match(html, $"<span id=\"{id}\">([0-9,]+)</span>").Groups[1].Value;

    /// The city's 予算要求書 is kept between downloads under the budget and the plan it shows: an indicator value or an
    /// evaluation saved (all through the busy season) leaves the kept file as it is, while a request changed shows in
    /// the next download (what it reads is held by SheetKindConventionTests).
    [Fact]
    public async Task The_kept_request_sheet_outlives_an_indicator_or_evaluation_saved_and_shows_a_request_changed()
    {
        var finance = await app.SignedInAsync(Finance);
        const string url = "/Imports/budget-request/2027/Export";
        await finance.GetByteArrayAsync(url);
        var before = app.Queries.Count;
        await finance.GetByteArrayAsync(url);
        var kept = app.Queries.Count - before;
        app.WithDb(db =>
        {
            var value = db.IndicatorValues.OrderByDescending(v => v.FiscalYear).ThenBy(v => v.Id).First();
            value.Target = (value.Target ?? 0) + 1;
            var evaluation = db.ProjectEvaluations.OrderBy(e => e.Id).First();
            evaluation.Improvement += "（追記）";
            return db.SaveChanges();
        });
        before = app.Queries.Count;
        await finance.GetByteArrayAsync(url);
        Assert.Equal(kept, app.Queries.Count - before);

        var reason = app.WithDb(db =>
        {
            var request = db.BudgetRequests.Where(r => r.FiscalYear == 2027).OrderBy(r => r.Id).First();
            request.Reason = "要求理由の書き直し（改訂）";
            db.SaveChanges();
            return request.Reason;
        });
        using var book = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync(url)));
        Assert.Contains(book.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString() == reason);
    }

    private HashSet<string> RoadCodes() => app.WithDb(db =>
    {
        var road = db.OrgUnits.Single(u => u.Name == "道路課").Id;
        var units = db.OrgUnits.Where(u => u.Id == road || u.ParentId == road).Select(u => u.Id).ToList();
        return db.Projects.Where(p => units.Contains(p.OwnerUnitId)).Select(p => p.Code).ToHashSet();
    });

    internal static List<int> DataRows(IXLWorksheet ws) =>
        ws.Column(Code).CellsUsed().Where(c => c.Address.RowNumber >= 5 && Regex.IsMatch(c.GetString(), @"^\d")).Select(c => c.Address.RowNumber).ToList();

    [Fact]
    public async Task A_division_fills_its_request_sheet_in_excel_and_it_comes_back_as_its_requests_read_as_excel_shows_them()
    {
        const int year = 2028;
        var staff = await app.SignedInAsync(Staff);
        var roadCodes = RoadCodes();
        var export = await staff.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/{year}/Export");
        string first = "", second = "";
        var filled = CitySheets.Edit(export, ws =>
        {
            var rows = DataRows(ws);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Contains(ws.Cell(r, Code).GetString(), roadCodes));
            Assert.All(rows, r => Assert.Equal("未入力", ws.Cell(r, State).GetString()));
            first = ws.Cell(rows[0], Code).GetString();
            second = ws.Cell(rows[1], Code).GetString();
            // Numbers typed as text with full-width digits and a comma, blanks for nothing, a renamed sheet.
            ws.Name = "道路課（提出用）";
            ws.Cell(rows[0], Kind).SetValue("継続");
            ws.Cell(rows[0], Expenditure).SetValue("１,２００");
            ws.Cell(rows[0], National).SetValue("６００");
            ws.Cell(rows[0], General).SetValue(600);
            ws.Cell(rows[0], Reason).SetValue("幹線市道の舗装の補修を計画どおり進める。");
            ws.Cell(rows[1], Expenditure).SetValue(500);
            foreach (var c in new[] { National, Prefectural, Bonds, Other }) ws.Cell(rows[1], c).SetValue(0);
            ws.Cell(rows[1], General).SetValue(500);
            ws.Cell(rows[1], Reason).SetValue("橋りょう点検の委託を続ける。");
            // A hidden row is still a row of the sheet; the 要求理由 column moved to the far right keeps its heading.
            ws.Row(rows[1]).Hide();
            var last = ws.LastRowUsed()!.RowNumber();
            for (var r = 3; r <= last; r++)
            {
                ws.Cell(r, 20).Value = ws.Cell(r, Reason).Value;
                ws.Cell(r, Reason).Clear(XLClearOptions.Contents);
            }
            ws.Range(3, Reason, 4, Reason).Unmerge();
        });
        var preview = await UploadAsync(staff, year, filled);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.True(Count(html, "refused-count") == "0", html[..Math.Min(html.Length, 4000)]);
        Assert.Equal("2", Count(html, "created-count"));
        var token = Regex.Match(html, "name=\"token\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        var fingerprint = Regex.Match(html, "name=\"fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        var confirm = await staff.PostAsync($"/Imports/{BudgetRequestImport.Kind}/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html),
            ("year", year.ToString(CultureInfo.InvariantCulture)), ("token", token), ("fingerprint", fingerprint)));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal($"/BudgetFormulation?year={year}", confirm.Headers.Location!.OriginalString);

        var stored = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == year).Select(r => new { r.Project!.Code, r.Expenditure, r.Funding.National, r.Funding.General, r.IsNew, r.EnteredBy, r.SubmittedAt, r.Reason }).ToList());
        var a = Assert.Single(stored, r => r.Code == first);
        Assert.Equal((1_200_000L, 600_000L, 600_000L, false, Staff), (a.Expenditure, a.National, a.General, a.IsNew, a.EnteredBy));
        Assert.Null(a.SubmittedAt);
        var b = Assert.Single(stored, r => r.Code == second);
        Assert.Equal((500_000L, 500_000L, "橋りょう点検の委託を続ける。"), (b.Expenditure, b.General, b.Reason));

        // Exported again and sent back as it is: nothing changes. Changed in Excel: the change, field by field.
        var again = await staff.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/{year}/Export");
        html = await (await UploadAsync(staff, year, again)).Content.ReadAsStringAsync();
        Assert.Equal(("0", "0", "0", "2"), (Count(html, "created-count"), Count(html, "updated-count"), Count(html, "refused-count"), Count(html, "unchanged-count")));
        var changed = CitySheets.Edit(again, ws =>
        {
            var r = DataRows(ws).Single(x => ws.Cell(x, Code).GetString() == second);
            ws.Cell(r, Expenditure).SetValue(450);
            ws.Cell(r, General).SetValue(450);
        });
        html = await (await UploadAsync(staff, year, changed)).Content.ReadAsStringAsync();
        Assert.Equal(("0", "1", "0"), (Count(html, "created-count"), Count(html, "updated-count"), Count(html, "refused-count")));
        Assert.Contains("要求額（歳出）（千円）", html);
    }

    [Fact]
    public async Task Rows_of_another_division_a_submitted_request_funding_that_does_not_add_up_and_an_unclear_kind_are_refused_naming_the_cell_and_nothing_is_written()
    {
        const int year = 2028;
        var staff = await app.SignedInAsync(Staff);
        var otherCode = app.WithDb(db => db.Projects.First(p => db.OrgUnits.Any(u => u.Id == p.OwnerUnitId && u.Name == "環境対策課") && p.RetiredAt == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year)).Code);
        var export = await staff.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/{year}/Export");
        int mismatchRow = 0, unclearRow = 0, forgedRow = 0;
        var forged = CitySheets.Edit(export, ws =>
        {
            var rows = DataRows(ws);
            void Fill(int r, long expenditure, long general, string kind = "継続")
            {
                ws.Cell(r, Kind).SetValue(kind);
                ws.Cell(r, Expenditure).SetValue(expenditure);
                foreach (var c in new[] { National, Prefectural, Bonds, Other }) ws.Cell(r, c).SetValue(0);
                ws.Cell(r, General).SetValue(general);
                ws.Cell(r, Reason).SetValue("事業を継続する。");
            }
            Fill(rows[0], 1_000, 1_000);
            mismatchRow = rows[1];
            Fill(mismatchRow, 1_000, 900);
            unclearRow = rows[2];
            Fill(unclearRow, 300, 300, "新規・継続");
            forgedRow = ws.LastRowUsed()!.RowNumber() + 1;
            ws.Row(rows[0]).CopyTo(ws.Row(forgedRow));
            ws.Cell(forgedRow, Code).SetValue(otherCode);
        });
        var before = app.WithDb(db => db.BudgetRequests.Count());
        var html = await (await UploadAsync(staff, year, forged)).Content.ReadAsStringAsync();
        Assert.True(Count(html, "refused-count") == "3", string.Join("\n", Regex.Matches(html, "<tr><td>[^<]*</td><td class=\"num\">\\d+</td><td>[^<]*</td></tr>").Select(m => m.Value)));
        Assert.Contains($"{mismatchRow}行目（E{mismatchRow}〜J{mismatchRow}）: 財源内訳の合計 900千円 が歳出 1,000千円 と合いません", html);
        Assert.Contains($"（D{unclearRow}）", html);
        Assert.Contains($"A{forgedRow}: 「{otherCode} ", html);
        Assert.Contains("所属で取り込めるのは、自分の所属とその下の係の事業の行だけです", html);
        // Confirming anyway writes nothing, not even the valid first row (a file with refused rows is not even kept).
        var confirm = await staff.PostAsync($"/Imports/{BudgetRequestImport.Kind}/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(html), ("year", year.ToString(CultureInfo.InvariantCulture)),
            ("token", Regex.Match(html, "name=\"token\" value=\"([0-9A-F]+)\"").Groups[1].Value), ("fingerprint", Regex.Match(html, "name=\"fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value)));
        Assert.Matches("何も書き込みませんでした|もう一度ファイルを選んでください", await confirm.Content.ReadAsStringAsync());
        Assert.Equal(before, app.WithDb(db => db.BudgetRequests.Count()));

        // 令和9年度's requests are submitted: the sheet shows them, an amount changed in Excel is refused naming its cell.
        var submitted = await staff.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Export");
        var row = 0;
        var edited = CitySheets.Edit(submitted, ws =>
        {
            row = DataRows(ws).First(r => ws.Cell(r, State).GetString() == "提出済");
            ws.Cell(row, Expenditure).SetValue(ws.Cell(row, Expenditure).GetValue<decimal>() + 100);
            ws.Cell(row, General).SetValue(ws.Cell(row, General).GetValue<decimal>() + 100);
        });
        html = await (await UploadAsync(staff, 2027, edited)).Content.ReadAsStringAsync();
        Assert.Equal("1", Count(html, "refused-count"));
        Assert.Contains($"E{row}・J{row}: {System.Net.WebUtility.HtmlEncode(BudgetAccess.SubmittedRefusal)}", html);
    }

    [Fact]
    public async Task A_formula_with_its_saved_value_is_read_as_that_value_and_one_saved_without_it_is_refused_naming_the_cell()
    {
        const int year = 2028;
        var staff = await app.SignedInAsync(Staff);
        var codes = app.WithDb(db => db.Projects.Where(p => db.OrgUnits.Any(u => u.Id == p.OwnerUnitId && u.Name == "道路課") && p.RetiredAt == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year))
            .OrderByDescending(p => p.Code).Select(p => p.Code).Take(2).ToList());
        var sheet = Build(Rows(
            [null, null, null, null, null, null, null, null, null, "（単位：千円）"],
            ["事業コード", "区分", "要求額", "国庫", "県費", "市債", "その他", "一財", "理由"],
            [codes[0], "継続", "2,000", 1500, 0, 0, 0, RawCell.Formula("C3-D3", "500"), "国庫補助を受けて続ける。"],
            [codes[1], "継続", 800, 0, 0, 0, 0, RawCell.Formula("C4-D4"), "続ける。"]), sheetName: "Sheet1");
        var html = await (await UploadAsync(staff, year, sheet)).Content.ReadAsStringAsync();
        Assert.Equal(("1", "1"), (Count(html, "created-count"), Count(html, "refused-count")));
        Assert.Contains("H4", html);
        Assert.Contains("要求額（歳出）（千円）: 2,000／国庫支出金（千円）: 1,500／県支出金（千円）: 0／地方債（千円）: 0／その他特定財源（千円）: 0／一般財源（千円）: 500／要求理由: 国庫補助を受けて続ける。", html);
    }

    [Fact]
    public async Task The_request_sheet_goes_to_the_division_the_city_to_those_who_read_all_and_to_nobody_else()
    {
        var other = await app.SignedInAsync("kankyo-kacho@komaki.example");
        var book = new XLWorkbook(new MemoryStream(await other.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Export")));
        var roadCodes = RoadCodes();
        Assert.DoesNotContain(DataRows(book.Worksheet(1)), r => roadCodes.Contains(book.Worksheet(1).Cell(r, Code).GetString()));
        var finance = await app.SignedInAsync(Finance);
        book = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Export")));
        Assert.Contains(DataRows(book.Worksheet(1)), r => roadCodes.Contains(book.Worksheet(1).Cell(r, Code).GetString()));
        // The 財政課 reads every request but enters none: no upload. Personnel neither reads nor enters them.
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Upload")).StatusCode);
        var personnel = await app.SignedInAsync("jinji@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await personnel.GetAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await personnel.GetAsync($"/Imports/{BudgetRequestImport.Kind}/2027/Upload")).StatusCode);
        // The links on the formulation page follow the same rules.
        var staff = await app.SignedInAsync(Staff);
        var index = await staff.GetStringAsync("/BudgetFormulation?year=2027");
        Assert.Contains("id=\"requests-import\"", index);
        Assert.DoesNotContain("id=\"requests-import\"", await finance.GetStringAsync("/BudgetFormulation?year=2027"));
    }

    /// A figure of the comparison as the screen shows it: in 千円 with separators, or 「－」 where there is none.
    private static string Shown(XLWorkbook book, string first, int column)
    {
        var cell = book.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == first).Cell(column);
        return cell.DataType == XLDataType.Text ? cell.GetString() : Yen(cell.GetValue<decimal>());
    }

    private static decimal Thousands(string shown) => decimal.Parse(shown.Replace(",", "", StringComparison.Ordinal).Replace("▲", "-", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static decimal Cell(XLWorkbook book, string first, int column, string? second = null)
    {
        var ws = book.Worksheet(1);
        var row = ws.RowsUsed().First(r => r.Cell(1).GetString() == first && (second is null || r.Cell(2).GetString() == second));
        return row.Cell(column).GetValue<decimal>();
    }

    private static string Yen(decimal thousands) => Core.Common.Amounts.Thousands((long)(thousands * 1000));

    [Fact]
    public async Task The_finance_divisions_sheets_total_to_the_yen_what_the_screens_total()
    {
        var finance = await app.SignedInAsync(Finance);
        var department = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "都市建設部").Id);

        // 査定調書: the 要求額 and 査定額 totals.
        var screen = await finance.GetStringAsync($"/BudgetFormulation/2027/Chousho/{department}");
        Assert.Contains("id=\"chousho-excel\"", screen);
        var totals = Regex.Match(screen, "<tfoot><tr class=\"fw-bold\"><th scope=\"row\">計</th><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>");
        using var chousho = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync($"/BudgetFormulation/2027/Chousho/{department}/Excel")));
        Assert.Equal((totals.Groups[1].Value, totals.Groups[2].Value), (Yen(Cell(chousho, "計", 4)), Yen(Cell(chousho, "計", 5))));
        Assert.NotEqual("0", totals.Groups[2].Value);
        var road = await app.SignedInAsync(Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await road.GetAsync($"/BudgetFormulation/2027/Chousho/{department}/Excel")).StatusCode);

        // The comparison, per 部 with the city's total and line by line for one 部.
        screen = await finance.GetStringAsync("/BudgetFormulation/2027/Compare?from=Request&to=FinanceAssessment");
        var city = Regex.Matches(Regex.Match(screen, "<tr class=\"fw-bold\" id=\"compare-total\">(.*?)</tr>").Groups[1].Value, "<td class=\"num\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        using (var compare = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync("/BudgetFormulation/2027/Compare/Excel?from=Request&to=FinanceAssessment"))))
            Assert.Equal(city, Enumerable.Range(3, 4).Select(c => Shown(compare, "全市", c)).ToList());
        Assert.Contains("id=\"compare-total\"><th scope=\"row\">全市</th>", screen);
        // A reader of one 部 gets that 部's total: never labelled as the city's, on the screen or in the file.
        var own = await road.GetStringAsync("/BudgetFormulation/2027/Compare?from=Request&to=FinanceAssessment");
        Assert.Contains("id=\"compare-total\"><th scope=\"row\">計</th>", own);
        using (var ownFile = new XLWorkbook(new MemoryStream(await road.GetByteArrayAsync("/BudgetFormulation/2027/Compare/Excel?from=Request&to=FinanceAssessment"))))
            Assert.DoesNotContain(ownFile.Worksheet(1).CellsUsed(), c => c.GetString() == "全市");
        screen = await finance.GetStringAsync($"/BudgetFormulation/2027/Compare?from=Request&to=MayorAssessment&departmentId={department}");
        var lines = Regex.Matches(Regex.Match(screen, "<tr class=\"fw-bold\" id=\"compare-total\">(.*?)</tr>").Groups[1].Value, "<td class=\"num\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        using (var compare = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync($"/BudgetFormulation/2027/Compare/Excel?from=Request&to=MayorAssessment&departmentId={department}"))))
            Assert.Equal(lines, Enumerable.Range(4, 4).Select(c => Shown(compare, "計", c)).ToList());

        // 市長査定 is under way: a 部 it has not reached shows no figure and no difference — not a cut to 0 — on the screen
        // and in the file, and the city's difference counts only the 部 that have both stages.
        screen = await finance.GetStringAsync("/BudgetFormulation/2027/Compare?from=Request&to=MayorAssessment");
        var departments = Regex.Matches(screen, "<tr data-department=\"\\d+\">(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => Regex.Matches(m.Groups[1].Value, "<td class=\"num\">([^<]*)</td>").Select(c => c.Groups[1].Value).ToList()).ToList();
        Assert.Contains(departments, d => d[1] == "－");
        Assert.All(departments.Where(d => d[1] == "－"), d => Assert.Equal(("－", "－"), (d[2], d[3])));
        var reached = departments.Where(d => d[1] != "－").ToList();
        var cityDifference = Regex.Matches(Regex.Match(screen, "id=\"compare-total\">(.*?)</tr>").Groups[1].Value, "<td class=\"num\">([^<]*)</td>")[2].Groups[1].Value;
        Assert.Equal(reached.Count == 0 ? "－" : Yen(reached.Sum(d => Thousands(d[2]))), cityDifference);

        // 評価の効き目: the city's total of each column, in yen.
        screen = await finance.GetStringAsync("/BudgetFormulation/Effect?year=2025");
        var total = Regex.Match(screen, "<tr class=\"fw-bold\" id=\"effect-total\">(.*?)</tr>").Groups[1].Value;
        long? Data(string name) => Regex.Match(total, $"data-{name}=\"(-?\\d*)\"").Groups[1].Value is { Length: > 0 } v ? long.Parse(v, CultureInfo.InvariantCulture) : null;
        using var effect = new XLWorkbook(new MemoryStream(await finance.GetByteArrayAsync("/BudgetFormulation/Effect/Excel?year=2025")));
        long? Excel(int column) => effect.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == "全市" && r.Cell(2).GetString() == "計").Cell(column) is { } c && !c.IsEmpty() ? (long)(c.GetValue<decimal>() * 1000) : null;
        Assert.Equal([Data("base"), Data("requested"), Data("assessed"), Data("initial"), Data("settled")], new[] { Excel(4), Excel(5), Excel(7), Excel(9), Excel(11) });
        Assert.NotNull(Data("base"));
    }
    /// The city's files are written once and kept (ReadCache): a write to what they read must show in the next download,
    /// as it does on the screen.
    [Fact]
    public async Task The_city_files_kept_between_downloads_show_a_write_made_after_the_first_download()
    {
        var finance = await app.SignedInAsync(Finance);
        const string effectUrl = "/BudgetFormulation/Effect/Excel?year=2025", compareUrl = "/BudgetFormulation/2027/Compare/Excel?from=Request&to=FinanceAssessment";
        static long BaseTotal(byte[] file)
        {
            using var book = new XLWorkbook(new MemoryStream(file));
            return (long)(book.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == "全市" && r.Cell(2).GetString() == "計").Cell(4).GetValue<decimal>() * 1000);
        }
        static bool Names(byte[] file, string name)
        {
            using var book = new XLWorkbook(new MemoryStream(file));
            return book.Worksheet(1).CellsUsed().Any(c => c.GetString() == name);
        }
        var before = BaseTotal(await finance.GetByteArrayAsync(effectUrl));
        Assert.Equal(before, BaseTotal(await finance.GetByteArrayAsync(effectUrl)));
        var departments = app.WithDb(db => db.OrgUnits.Where(u => u.Level == Core.Organization.OrgUnitLevel.Department && u.Name != "都市建設部").Select(u => u.Name).ToList());
        var first = await finance.GetByteArrayAsync(compareUrl);
        var old = departments.First(d => Names(first, d));

        app.WithDb(db =>
        {
            var line = db.BudgetLines.Where(b => b.FiscalYear == 2025 && b.Initial > 0).OrderBy(b => b.Id).First();
            line.Initial += 1_000_000;
            db.OrgUnits.Single(u => u.Name == old).Name = old + "（新）";
            return db.SaveChanges();
        });

        Assert.Equal(before + 1_000_000, BaseTotal(await finance.GetByteArrayAsync(effectUrl)));
        var compare = await finance.GetByteArrayAsync(compareUrl);
        Assert.True(Names(compare, old + "（新）"));
        Assert.False(Names(compare, old));
    }
}
