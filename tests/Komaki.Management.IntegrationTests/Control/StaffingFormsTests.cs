using System.Net;
using AngleSharp.Html.Parser;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Staffing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Control;

/// The personnel division's forms of 定員管理 bind a validated form each: what is wrong is said beside the field it is
/// about, what was typed is shown back, and nothing is stored until all of it reads.
public sealed class StaffingFormsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Personnel = "jinji@komaki.example";

    /// The unit costs bind a list of rows that carry their 職種 and 任用形態: a kind sent twice is refused, not decided by
    /// whichever row came last, and nothing is stored.
    [Fact]
    public async Task A_unit_cost_sent_twice_is_refused_and_nothing_is_stored()
    {
        var before = app.WithDb(db => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).Single(y => y.FiscalYear == 2026));
        var client = await app.SignedInAsync(Personnel);
        var page = await client.GetStringAsync("/Staffing/Year/2026");
        var fields = History.AuditedEntitiesTests.PolicyFields(page);
        // The second row says it is the first row's kind again, with another cost.
        fields["Costs[1].Job"] = fields["Costs[0].Job"];
        fields["Costs[1].Employment"] = fields["Costs[0].Employment"];
        fields["Costs[1].Cost"] = "9999999";
        var response = await client.PostAsync("/Staffing/Year/2026", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("の人件費単価が二つ送られました。", await response.Content.ReadAsStringAsync());
        var after = app.WithDb(db => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).Single(y => y.FiscalYear == 2026));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UnitCosts.Select(c => (c.JobType, c.Employment, c.CostPerPersonYear)).Order(), after.UnitCosts.Select(c => (c.JobType, c.Employment, c.CostPerPersonYear)).Order());
    }

    [Fact]
    public async Task The_year_settings_refused_say_why_beside_each_field_keep_what_was_typed_and_store_nothing()
    {
        var before = app.WithDb(db => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).Single(y => y.FiscalYear == 2026));
        var client = await app.SignedInAsync(Personnel);
        var page = await client.GetStringAsync("/Staffing/Year/2026");
        var cost = StaffingYearForm.CostField(JobType.Administrative, EmploymentType.Reappointed);
        var fields = History.AuditedEntitiesTests.PolicyFields(page);
        foreach (var (name, value) in new[] { ("OrdinanceQuota", "八百"), ("PlanTarget", "-3"), ("RequestDue", "2026-11-30"), ("AssessmentDue", "2026-10-01"), ("Tolerance", "0.5"), (cost, "12.5") })
            fields[name] = value;
        var response = await client.PostAsync("/Staffing/Year/2026", KomakiFactory.Form(KomakiFactory.TokenIn(page), [.. fields.Select(f => (f.Key, f.Value))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        string Beside(string name) => html.QuerySelector($"#year-form [name='{name}']")!.ParentElement!.TextContent;
        Assert.Contains("条例定数を1以上の整数（人）で入力してください。", Beside("OrdinanceQuota"));
        Assert.Equal("八百", html.QuerySelector("#year-form [name='OrdinanceQuota']")!.GetAttribute("value"));
        Assert.Contains("定員適正化計画の目標は0以上の整数（人）で入力してください。", Beside("PlanTarget"));
        Assert.Contains("査定の期限は要求の期限より後にしてください。", Beside("AssessmentDue"));
        Assert.Contains("一般事務（再任用）の人件費単価は円の整数で入力してください。", Beside(cost));
        Assert.Equal("12.5", html.QuerySelector($"#year-form [name='{cost}']")!.GetAttribute("value"));
        Assert.DoesNotContain("人件費単価", Beside(StaffingYearForm.CostField(JobType.Technical, null)));

        var after = app.WithDb(db => db.StaffingYears.AsNoTracking().Include(y => y.UnitCosts).Single(y => y.FiscalYear == 2026));
        Assert.Equal((before.OrdinanceQuota, before.PlanTarget, before.AssessmentDue, before.Version), (after.OrdinanceQuota, after.PlanTarget, after.AssessmentDue, after.Version));
        Assert.Equal(before.UnitCosts.Select(c => (c.JobType, c.Employment, c.CostPerPersonYear)).Order(), after.UnitCosts.Select(c => (c.JobType, c.Employment, c.CostPerPersonYear)).Order());
    }

    [Fact]
    public async Task A_reason_for_the_allocation_longer_than_the_note_keeps_is_refused_beside_it_and_nothing_is_allocated()
    {
        var client = await app.SignedInAsync(Personnel);
        var page = await client.GetStringAsync("/Staffing/Year/2026/Allocate");
        var response = await client.PostAsync("/Staffing/Year/2026/Allocate", KomakiFactory.Form(KomakiFactory.TokenIn(page), ("Comment", new string('理', 2001))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("理由は2000文字以内で入力してください。", html.QuerySelector("[name='Comment']")!.ParentElement!.TextContent);
        Assert.False(app.WithDb(db => db.StaffingLines.Any(l => l.FiscalYear == 2027)));
    }

    /// The reported case: 人事担当 typed a request (the division head's field) and was told 「定員を保存しました」 while it
    /// was dropped. A request from someone who may not make it is refused beside the field and nothing is stored.
    [Fact]
    public async Task A_request_typed_by_the_personnel_division_is_refused_beside_the_field_not_reported_saved()
    {
        var unit = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "公園緑地課").Id);
        var line = app.WithDb(db => db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == 2026 && l.OrgUnitId == unit && l.State != StaffingState.Assessed).OrderBy(l => l.JobType).ThenBy(l => l.Employment).First());
        var client = await app.SignedInAsync(Personnel);
        var url = $"/Staffing/2026/{unit}/Edit";
        var page = await client.GetStringAsync(url);
        var response = await client.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(page),
            ("Lines[0].Id", line.Id.ToString()), ("Lines[0].Version", line.Version.ToString()), ("Lines[0].Allocated", NumberText.Format(line.Allocated)),
            ("Lines[0].ActualApril1", NumberText.Format(line.ActualApril1)), ("Lines[0].Requested", "4"), ("Lines[0].RequestReason", "業務量の増加")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("要求数と要求の理由は、その課の所属長が入力します", html.QuerySelector("[name='Lines[0].Requested']")!.ParentElement!.TextContent);
        Assert.DoesNotContain("定員を保存しました", html.Body!.TextContent);
        var after = app.WithDb(db => db.StaffingLines.AsNoTracking().Single(l => l.Id == line.Id));
        Assert.Equal((line.Requested, line.RequestReason, line.Version), (after.Requested, after.RequestReason, after.Version));
    }
}
