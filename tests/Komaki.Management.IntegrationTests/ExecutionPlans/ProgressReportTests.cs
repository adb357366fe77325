using System.Net;
using Komaki.Management.Core.Execution;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.ExecutionPlans;

/// 主要事業 progress reported when it happens: a report at any date is kept beside the others (the latest first) and
/// never replaces the 9月末 report the cycle asks for; refusals stand beside their fields.
public sealed class ProgressReportTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    [Fact]
    public async Task A_report_at_any_date_is_kept_beside_the_others_and_the_mid_year_report_stays()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var (planId, projectId, midYear) = app.WithDb(db => db.ExecutionPlans.AsNoTracking().Where(p => p.FiscalYear == 2026 && p.OwnerUnitId == road && p.MidYearProgress != null)
            .Select(p => new { p.Id, p.ProjectId, p.MidYearProgress }).AsEnumerable().Select(p => (p.Id, p.ProjectId, p.MidYearProgress)).First());
        var url = $"/ExecutionPlans/2026/{projectId}/Report";
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var before = app.WithDb(db => db.ExecutionProgressReports.Count(r => r.ExecutionPlanId == planId));

        var refused = await (await PostAsync(staff, url, ("asOf", "2099-01-01"), ("reportStatus", "Delayed"), ("reportText", ""))).Content.ReadAsStringAsync();
        Assert.Contains("進捗の時点に先の日付は入れられません。", refused);
        Assert.Contains("「遅れ」のときは、理由と今後の見通しを書いてください。", refused);
        Assert.Equal(before, app.WithDb(db => db.ExecutionProgressReports.Count(r => r.ExecutionPlanId == planId)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, ("asOf", "2026-10-20"), ("reportStatus", "Delayed"), ("reportText", "用地の引渡しが遅れ、着工が2週間遅れる。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, ("asOf", "2026-12-01"), ("reportStatus", "OnTrack"), ("reportText", "作業班を増やし、遅れを取り戻した。"))).StatusCode);
        var reports = app.WithDb(db => db.ExecutionProgressReports.AsNoTracking().Where(r => r.ExecutionPlanId == planId).ToList());
        Assert.Equal(before + 2, reports.Count);
        Assert.Contains(reports, r => r.ReportStatus == ProgressStatus.Delayed && r.AsOf == new DateOnly(2026, 10, 20));
        Assert.Equal(midYear, app.WithDb(db => db.ExecutionPlans.Single(p => p.Id == planId).MidYearProgress));

        var page = await staff.GetStringAsync($"/ExecutionPlans/2026/{projectId}");
        var latest = page.IndexOf("data-latest=\"true\"", StringComparison.Ordinal);
        Assert.True(latest > 0);
        Assert.Contains("作業班を増やし、遅れを取り戻した。", page[latest..page.IndexOf("</tr>", latest, StringComparison.Ordinal)]);
        Assert.Contains("用地の引渡しが遅れ", page);
        Assert.Contains("中間（9月末）", page);

        // Another division's staff report nothing on it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignedInAsync("kankyo-kacho@komaki.example"), url, ("asOf", "2026-12-01"), ("reportStatus", "OnTrack"), ("reportText", "x"))).StatusCode);
    }

    [Fact]
    public async Task A_report_longer_than_its_column_is_refused_beside_the_field_and_kept_on_screen()
    {
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var (planId, projectId) = app.WithDb(db => db.ExecutionPlans.AsNoTracking().Where(p => p.FiscalYear == 2026 && p.OwnerUnitId == road)
            .Select(p => new { p.Id, p.ProjectId }).AsEnumerable().Select(p => (p.Id, p.ProjectId)).First());
        var staff = await app.SignedInAsync("doro-tanto@komaki.example");
        var before = app.WithDb(db => db.ExecutionProgressReports.Count(r => r.ExecutionPlanId == planId));
        var text = "長い報告" + new string('あ', 4000);
        var html = await (await PostAsync(staff, $"/ExecutionPlans/2026/{projectId}/Report", ("AsOf", "2026-10-20"), ("ReportStatus", "OnTrack"), ("ReportText", text)))
            .Content.ReadAsStringAsync();
        Assert.Contains("進捗の内容は4,000文字以内で入力してください。", html);
        Assert.Contains(text, html);
        Assert.Equal(before, app.WithDb(db => db.ExecutionProgressReports.Count(r => r.ExecutionPlanId == planId)));
    }
}
