using System.Net;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.ExecutionPlans;

public class ExecutionPlanTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Kind = SheetKind.ExecutionPlan;

    [Fact]
    public async Task Another_divisions_execution_sheet_is_read_with_months_milestones_and_units()
    {
        var file = CitySheets.ExecutionPlan(2027,
        [
            new("1-1-01", "防災訓練推進事業", "防災危機管理課", "総合防災訓練を全小学校区で実施する。", "訓練の企画・実施",
                new() { [4] = "企画", [6] = "◆実施要領決定", [9] = "◆総合防災訓練", [3] = "検証" }, null),
            new("1-2-01", "消防車両整備事業", "警防課", "はしご車を更新する。", "仕様策定・入札・納車",
                new() { [5] = "仕様策定", [7] = "◆入札", [2] = "◆納車" }, "仕様策定を終え、入札準備中。"),
            new("1-1-02", "自主防災組織育成事業", null, "育成する。", "", new(), null),
            new("2-1-01", "", null, "", "", new(), null),
        ]);
        var before = app.Snapshot();
        var preview = await app.ImportAsync(Kind, file, 2027, apply: false);
        Assert.Null(preview.FileError);
        Assert.Equal(2, preview.Created.Count);
        var refused = Assert.Single(preview.Refused);
        Assert.Equal(6, refused.Row);
        Assert.Contains("主要事業に指定されていません", refused.Reason);
        Assert.Contains(preview.Skipped, s => s.Row == 7 && s.Reason.Contains("未記入"));
        Assert.Equal(before, app.Snapshot());

        var withoutTheBadRow = CitySheets.Edit(file, ws => ws.Row(6).Delete());
        var written = await app.ImportAsync(Kind, withoutTheBadRow, 2027, apply: true);
        Assert.True(written.Applied);
        var plan = app.WithDb(db => db.ExecutionPlans.Include(e => e.Schedule).Single(e => e.FiscalYear == 2027 && e.Project!.Code == "1-2-01"));
        Assert.Equal("はしご車を更新する。", plan.Goal);
        Assert.Equal(["◆入札", "◆納車"], plan.Schedule.Where(m => m.IsMilestone).OrderBy(m => (m.Month + 8) % 12).Select(m => m.Work));
        Assert.Equal("仕様策定を終え、入札準備中。", plan.MidYearProgress);
        Assert.Equal(app.WithDb(db => db.OrgUnits.Single(u => u.Name == "警防課").Id), plan.OwnerUnitId);

        Assert.Empty((await app.ImportAsync(Kind, withoutTheBadRow, 2027, apply: false)).Updated);
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_and_an_edit_comes_back_as_that_edit()
    {
        var export = await app.ExportAsync(Kind, 2026);
        var same = await app.ImportAsync(Kind, export, 2026, apply: false);
        Assert.Empty(same.Refused);
        Assert.Empty(same.Created);
        Assert.Empty(same.Updated);
        Assert.Equal(app.WithDb(db => db.ExecutionPlans.Count(e => e.FiscalYear == 2026)), same.Unchanged);

        var edited = CitySheets.Edit(export, ws =>
        {
            var r = CitySheets.RowOf(ws, 1, "1-3-01");
            ws.Cell(r, 6 + 7).SetValue("◆前倒しで完了"); // the 11月 column
            ws.Cell(r, 19).SetValue("前倒し"); // 中間進捗区分
        });
        var report = await app.ImportAsync(Kind, edited, 2026, apply: false);
        var change = Assert.Single(report.Updated);
        Assert.Equal("1-3-01", change.Key);
        Assert.Equal(["11月", "中間進捗区分"], change.Changes.Select(c => c.Field));
        Assert.Equal("前倒し", change.Changes[1].New);
    }

    [Fact]
    public async Task Department_staff_report_progress_on_their_own_unit_only()
    {
        var road = app.WithDb(db => db.ExecutionPlans.Include(e => e.Project)
            .First(e => e.FiscalYear == 2026 && e.OwnerUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id));
        var other = app.WithDb(db => db.ExecutionPlans.First(e => e.FiscalYear == 2026 && e.OwnerUnitId != road.OwnerUnitId));
        var client = await app.SignedInAsync("doro-tanto@komaki.example");

        var url = $"/ExecutionPlans/2026/{road.ProjectId}/Progress";
        var token = await KomakiFactory.TokenAsync(client, url);
        // 遅れ without saying why is not saved: the reason is what the mayor's view shows.
        var silent = await client.PostAsync(url, KomakiFactory.Form(token, ("Version", road.Version.ToString()), ("MidYearStatus", "Delayed"), ("MidYearProgress", " ")));
        Assert.Contains("中間の進捗が「遅れ」のときは、理由と今後の見通しを進捗の内容に書いてください。", await silent.Content.ReadAsStringAsync());
        Assert.Equal(road.MidYearStatus, app.WithDb(db => db.ExecutionPlans.Single(e => e.Id == road.Id).MidYearStatus));
        var saved = await client.PostAsync(url, KomakiFactory.Form(token, ("Version", road.Version.ToString()),
            ("MidYearStatus", "Delayed"), ("MidYearProgress", "用地交渉が長引いている。")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ProgressStatus.Delayed, app.WithDb(db => db.ExecutionPlans.Single(e => e.Id == road.Id).MidYearStatus));

        var missingStatus = await client.PostAsync(url, KomakiFactory.Form(token, ("Version", (road.Version + 1).ToString()), ("YearEndProgress", "区分なしの報告")));
        Assert.Contains("年度末の進捗区分を選んでください。", await missingStatus.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/ExecutionPlans/2026/{other.ProjectId}/Progress")).StatusCode);
        var forged = await client.PostAsync($"/ExecutionPlans/2026/{other.ProjectId}/Progress", KomakiFactory.Form(token, ("Version", other.Version.ToString()), ("MidYearStatus", "Completed")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // Staff report progress; changing the plan itself is for the head of the unit.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/ExecutionPlans/2026/{road.ProjectId}/Edit")).StatusCode);
    }
    /// The schedule binds a list of rows that carry their month: a month sent twice is refused beside its field, not
    /// decided by whichever row came last, and a month sent once is saved as typed.
    [Fact]
    public async Task A_month_sent_twice_is_refused_and_a_month_sent_once_is_saved()
    {
        var road = app.WithDb(db => db.ExecutionPlans.Include(e => e.Project)
            .First(e => e.FiscalYear == 2026 && e.OwnerUnitId == db.OrgUnits.Single(u => u.Name == "道路課").Id));
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var url = $"/ExecutionPlans/2026/{road.ProjectId}/Edit";
        var token = await KomakiFactory.TokenAsync(head, url);
        (string, string)[] Fields(params (string, string)[] rows) =>
            [("Version", road.Version.ToString()), ("OwnerUnitId", road.OwnerUnitId.ToString()), ("Goal", road.Goal), ("Content", road.Content), .. rows];
        var before = app.Snapshot();

        var twice = await head.PostAsync(url, KomakiFactory.Form(token, Fields(("Months[0].Month", "4"), ("Months[0].Work", "企画"), ("Months[1].Month", "4"), ("Months[1].Work", "◆着工"))));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("4月の予定が二つ送られました。一つの月に予定は一つです。", await twice.Content.ReadAsStringAsync());
        var strange = await head.PostAsync(url, KomakiFactory.Form(token, Fields(("Months[0].Month", "13"), ("Months[0].Work", "企画"))));
        Assert.Equal(HttpStatusCode.OK, strange.StatusCode);
        Assert.Contains("月が見つかりません。", await strange.Content.ReadAsStringAsync());
        Assert.Equal(before, app.Snapshot());

        var once = await head.PostAsync(url, KomakiFactory.Form(token, Fields(("Months[0].Month", "5"), ("Months[0].Work", "◆入札・契約"))));
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        var schedule = app.WithDb(db => db.ExecutionPlans.Include(e => e.Schedule).Single(e => e.Id == road.Id).Schedule.Select(s => $"{s.Month}:{s.Work}").ToList());
        Assert.Equal(["5:◆入札・契約"], schedule);
    }
}
