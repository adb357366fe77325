using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Organization;
using Komaki.Management.TestSheets;
using static Komaki.Management.IntegrationTests.BudgetFormulation.BudgetSheetsWebTests;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// The 予算要求書 obeys the request screen's rules, not a looser set of its own: a 部 whose first stage is committed takes
/// no more requests (追加要求), and a 歳出 broken down by 節 changes only with its breakdown. Either is refused naming the
/// cell and nothing is written. (Its own city: it commits a stage the other sheet tests would meet.)
public sealed class BudgetSheetRulesTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Staff = "doro-tanto@komaki.example";
    private const int Year = 2028;

    [Fact]
    public async Task A_sheet_neither_changes_an_expenditure_broken_down_by_setsu_nor_adds_to_a_department_whose_stage_is_committed()
    {
        var staff = await app.SignedInAsync(Staff);
        var url = $"/Imports/{BudgetRequestImport.Kind}/{Year}/Export";
        var rows = new List<string>();
        CitySheets.Edit(await staff.GetByteArrayAsync(url), ws => rows.AddRange(DataRows(ws).Select(r => ws.Cell(r, Code).GetString())));
        var (withSetsu, fresh) = (rows[0], rows[1]);
        app.WithDb(db =>
        {
            var project = db.Projects.Single(p => p.Code == withSetsu);
            db.BudgetRequests.Add(new BudgetRequest
            {
                FiscalYear = Year, ProjectId = project.Id, OrgUnitId = project.OwnerUnitId, Expenditure = 1_000_000, Funding = Funding.None with { General = 1_000_000 },
                Reason = "点検の委託と補修工事を行う。", EnteredBy = Staff,
                Breakdown = [new BudgetRequestSetsu { Setsu = 13, Amount = 600_000 }, new BudgetRequestSetsu { Setsu = 14, Amount = 400_000 }],
            });
            return db.SaveChanges();
        });
        var export = await staff.GetByteArrayAsync(url);
        int Row(ClosedXML.Excel.IXLWorksheet ws, string code) => DataRows(ws).Single(r => ws.Cell(r, Code).GetString() == code);

        // The 歳出 of a request kept by 節 changed in Excel: refused at its cell. Its 要求理由 alone may change.
        var setsuRow = 0;
        var html = await (await UploadAsync(staff, Year, CitySheets.Edit(export, ws =>
        {
            setsuRow = Row(ws, withSetsu);
            ws.Cell(setsuRow, Expenditure).SetValue(1_200);
            ws.Cell(setsuRow, General).SetValue(1_200);
        }))).Content.ReadAsStringAsync();
        Assert.Equal(("1", "0"), (Count(html, "refused-count"), Count(html, "updated-count")));
        Assert.Contains($"E{setsuRow}: この要求は歳出を節に分けて入力しているため", html);
        html = await (await UploadAsync(staff, Year, CitySheets.Edit(export, ws => ws.Cell(Row(ws, withSetsu), Reason).SetValue("点検の委託と、傷んだ舗装の補修工事を行う。"))))
            .Content.ReadAsStringAsync();
        Assert.Equal(("0", "1"), (Count(html, "refused-count"), Count(html, "updated-count")));

        // 財政課査定 committed for the 部: a new row is refused as the screen refuses it; the rows sent back unchanged pass.
        app.WithDb(db =>
        {
            var unit = db.Projects.Where(p => p.Code == fresh).Select(p => p.OwnerUnitId).Single();
            var department = new OrgTree(db.OrgUnits.ToList()).DepartmentOf(unit)!.Id;
            db.BudgetStageCommits.Add(new BudgetStageCommit { FiscalYear = Year, Stage = BudgetStage.FinanceAssessment, DepartmentId = department, CommittedBy = "zaisei@komaki.example", CommittedAt = DateTime.UtcNow });
            return db.SaveChanges();
        });
        var before = app.WithDb(db => db.BudgetRequests.Count(r => r.FiscalYear == Year));
        var freshRow = 0;
        html = await (await UploadAsync(staff, Year, CitySheets.Edit(export, ws =>
        {
            freshRow = Row(ws, fresh);
            ws.Cell(freshRow, Kind).SetValue("継続");
            ws.Cell(freshRow, Expenditure).SetValue(500);
            foreach (var c in new[] { National, Prefectural, Bonds, Other }) ws.Cell(freshRow, c).SetValue(0);
            ws.Cell(freshRow, General).SetValue(500);
            ws.Cell(freshRow, Reason).SetValue("橋りょう点検の委託を続ける。");
        }))).Content.ReadAsStringAsync();
        Assert.Equal(("1", "0", "1"), (Count(html, "refused-count"), Count(html, "created-count"), Count(html, "unchanged-count")));
        Assert.Contains($"A{freshRow}: ", html);
        Assert.Contains("は確定済のため、この年度の要求はもう受け付けていません", html);
        Assert.Equal(before, app.WithDb(db => db.BudgetRequests.Count(r => r.FiscalYear == Year)));
    }
}
