using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Data;
using Komaki.Management.IntegrationTests.Shared;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// The 財政課's workbooks are written once and kept (ReadCache.FileAsync) until a write to what they show: every such
/// write shows in the next download, an unchanged download is the same file, whoever may not export one is refused
/// before anything kept is looked up, and what is kept is bounded in size.
public sealed class KeptWorkbookTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Finance = "zaisei@komaki.example";

    // The 査定調書's columns (BudgetSheets.WriteChousho): data from row 4.
    private const int Unit = 1, Code = 2, Name = 3, Requested = 4, Assessed = 5, Reason = 7, Assessor = 8, CheckReason = 9;

    private int Department() => app.WithDb(db => db.OrgUnits.Single(u => u.Name == "都市建設部").Id);

    private static XLWorkbook Book(byte[] file) => new(new MemoryStream(file));

    private static IXLRow Row(XLWorkbook book, string code) => book.Worksheet(1).RowsUsed().First(r => r.RowNumber() >= 4 && r.Cell(Code).GetString() == code);

    private static decimal Thousands(XLWorkbook book, string code, int column) => Row(book, code).Cell(column).GetValue<decimal>();

    /// Each thing the 査定調書 shows — a line's 要求額 and 査定額, a stage committed for a line, 査定理由, the reason given
    /// against the evaluation, the 事業's name, the 課's and the 部's names, who assessed — changed in turn: the next
    /// download is another file and shows the change, while a second download with nothing written is the same file.
    [Fact]
    public async Task The_kept_chousho_shows_every_write_to_what_it_shows_and_is_the_same_file_until_then()
    {
        var finance = await app.SignedInAsync(Finance);
        var department = Department();
        var units = app.WithDb(db => db.OrgUnits.Where(u => u.Id == department || u.ParentId == department || db.OrgUnits.Any(p => p.Id == u.ParentId && p.ParentId == department)).Select(u => u.Id).ToList());
        // A line of the 部 with its 要求 and 財政課査定 committed, and one whose 市長査定 is not committed yet.
        var line = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && units.Contains(r.OrgUnitId)
                && r.Entries.Any(e => e.Stage == BudgetStage.Request && e.Committed) && r.Entries.Any(e => e.Stage == BudgetStage.FinanceAssessment && e.Committed))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Project!.Code }).First());
        var later = app.WithDb(db => db.BudgetRequests.Where(r => r.FiscalYear == 2027 && units.Contains(r.OrgUnitId) && !r.Entries.Any(e => e.Stage == BudgetStage.MayorAssessment && e.Committed))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Project!.Code }).First());
        var (requestId, code, laterId, laterCode) = (line.Id, line.Code, later.Id, later.Code);
        var url = $"/BudgetFormulation/2027/Chousho/{department}/Excel";
        var mayorUrl = url + "?assessment=MayorAssessment";

        var previous = await finance.GetByteArrayAsync(url);
        Assert.Equal(previous, await finance.GetByteArrayAsync(url));
        var previousMayor = await finance.GetByteArrayAsync(mayorUrl);
        Assert.Equal(previousMayor, await finance.GetByteArrayAsync(mayorUrl));

        async Task ShowsAsync(string what, Action<AppDbContext> write, Func<XLWorkbook, bool> shown, bool mayor = false)
        {
            app.WithDb(db =>
            {
                write(db);
                return db.SaveChanges();
            });
            var file = await finance.GetByteArrayAsync(mayor ? mayorUrl : url);
            Assert.False(file.SequenceEqual(mayor ? previousMayor : previous), $"{what}: the file kept before the write was served");
            using (var book = Book(file)) Assert.True(shown(book), $"{what}: not shown in the file");
            Assert.Equal(file, await finance.GetByteArrayAsync(mayor ? mayorUrl : url));
            if (mayor) previousMayor = file;
            else previous = file;
        }

        BudgetStageEntry Entry(AppDbContext db, BudgetStage stage) => db.BudgetStageEntries.Single(e => e.BudgetRequestId == requestId && e.Stage == stage && e.Committed);
        using (var book = Book(previous))
        {
            var requested = Thousands(book, code, Requested);
            var assessed = Thousands(book, code, Assessed);
            await ShowsAsync("要求額", db =>
            {
                var e = Entry(db, BudgetStage.Request);
                (e.Expenditure, e.Funding) = (e.Expenditure + 1_000_000, e.Funding with { General = e.Funding.General + 1_000_000 });
            }, b => Thousands(b, code, Requested) == requested + 1_000);
            await ShowsAsync("査定額", db =>
            {
                var e = Entry(db, BudgetStage.FinanceAssessment);
                (e.Expenditure, e.Funding) = (e.Expenditure + 2_000_000, e.Funding with { General = e.Funding.General + 2_000_000 });
            }, b => Thousands(b, code, Assessed) == assessed + 2_000);
        }
        await ShowsAsync("査定理由", db => Entry(db, BudgetStage.FinanceAssessment).Reason = "査定理由の書き直し（保持の確認）",
            b => Row(b, code).Cell(Reason).GetString() == "査定理由の書き直し（保持の確認）");
        await ShowsAsync("評価・実施計画と食い違う理由", db => Entry(db, BudgetStage.FinanceAssessment).CheckReason = "評価と食い違うが継続する理由（保持の確認）",
            b => Row(b, code).Cell(CheckReason).GetString().Contains("評価と食い違うが継続する理由（保持の確認）", StringComparison.Ordinal));
        await ShowsAsync("事務事業名", db => db.Projects.Single(p => p.Code == code).Name += "（改称）",
            b => Row(b, code).Cell(Name).GetString().EndsWith("（改称）", StringComparison.Ordinal));
        await ShowsAsync("課の名前", db => db.OrgUnits.Single(u => db.BudgetRequests.Any(r => r.Id == requestId && r.OrgUnitId == u.Id)).Name += "（改編）",
            b => Row(b, code).Cell(Unit).GetString().EndsWith("（改編）", StringComparison.Ordinal));
        await ShowsAsync("部の名前", db => db.OrgUnits.Single(u => u.Id == department).Name += "（改編）",
            b => b.Worksheet(1).Cell(1, 1).GetString().Contains("都市建設部（改編）", StringComparison.Ordinal));
        var assessor = app.WithDb(db => db.BudgetStageEntries.Single(e => e.BudgetRequestId == requestId && e.Stage == BudgetStage.FinanceAssessment && e.Committed).RecordedBy);
        await ShowsAsync("査定した人の氏名", db => db.Users.Single(u => u.UserName == assessor).DisplayName = "財政 査定（改姓）",
            b => Row(b, code).Cell(Assessor).GetString() == "財政 査定（改姓）");

        // A stage committed for a line: 市長査定 of a line that had none shows its amount where 「－」 stood.
        previousMayor = await finance.GetByteArrayAsync(mayorUrl);
        using (var book = Book(previousMayor)) Assert.Equal("－", Row(book, laterCode).Cell(Assessed).GetString());
        await ShowsAsync("市長査定の確定", db =>
        {
            var draft = db.BudgetStageEntries.FirstOrDefault(e => e.BudgetRequestId == laterId && e.Stage == BudgetStage.MayorAssessment);
            if (draft is null)
            {
                var request = db.BudgetRequests.Single(r => r.Id == laterId);
                db.BudgetStageEntries.Add(draft = new BudgetStageEntry
                {
                    BudgetRequestId = laterId, Stage = BudgetStage.MayorAssessment, Expenditure = request.Expenditure, Funding = request.Funding,
                    RecordedBy = Finance, RecordedAt = new DateTime(2027, 1, 20, 0, 0, 0, DateTimeKind.Utc),
                });
            }
            draft.Committed = true;
        }, b => Row(b, laterCode).Cell(Assessed).DataType == XLDataType.Number, mayor: true);
    }

    /// Every workbook and sheet of the 財政課's menu in bench/load/pages.txt, downloaded twice with nothing written in
    /// between, is the same file: it was kept, not written again.
    [Fact]
    public async Task Every_finance_workbook_downloaded_again_unchanged_is_the_same_file()
    {
        var finance = await app.SignedInAsync(Finance);
        var files = LoadPages.Read()["zaisei"].Where(p => Regex.IsMatch(p.Split("->")[^1], "/Excel|/Export")).ToList();
        Assert.True(files.Count >= 4, string.Join(", ", files));
        foreach (var page in files)
        {
            var url = await QueryCountTests.ResolveAsync(finance, page, "1");
            var first = await finance.GetByteArrayAsync(url);
            var second = await finance.GetByteArrayAsync(url);
            Assert.True(first.SequenceEqual(second), $"{url}: written again");
        }
    }

    /// Who may not export the 査定調書 is refused on every request, also once the 財政課 has had it written and kept:
    /// the 部's own head and staff, another 部's head, planning and the mayor's office read its lines on screen, never
    /// the kept file.
    [Fact]
    public async Task The_kept_chousho_is_refused_to_everyone_but_finance_after_finance_has_downloaded_it()
    {
        var finance = await app.SignedInAsync(Finance);
        var department = Department();
        var url = $"/BudgetFormulation/2027/Chousho/{department}/Excel";
        var kept = await finance.GetByteArrayAsync(url);
        Assert.Equal(kept, await finance.GetByteArrayAsync(url));
        foreach (var account in new[] { "toshi-bucho@komaki.example", "doro-kacho@komaki.example", "doro-tanto@komaki.example", "kankyo-kacho@komaki.example", "shimin-bucho@komaki.example", "kikaku@komaki.example" })
        {
            var other = await app.SignedInAsync(account);
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{account}: {response.StatusCode}");
            Assert.NotEqual(BudgetSheets.ContentType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// The store of kept files never holds more than its capacity: files beyond it are dropped (or never kept).
    [Fact]
    public void Kept_files_stay_within_the_stores_capacity()
    {
        const int capacity = 10_000;
        using var files = new KeptFiles(capacity);
        var keys = Enumerable.Range(0, 50).Select(i => $"file:{i}").ToList();
        foreach (var key in keys) files.Keep(key, new byte[1_000]);
        var held = keys.Count(k => files.TryGet(k) is not null);
        Assert.InRange(held * (1_000 + "file:00".Length * sizeof(char)), 1, capacity);
        // A file larger than the whole store is not kept at all.
        files.Keep("large", new byte[capacity + 1]);
        Assert.Null(files.TryGet("large"));
    }
}
