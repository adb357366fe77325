using System.Net;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Staffing;

namespace Komaki.Management.IntegrationTests.Control;

/// A line's state is what its stored figures say (StaffingLine.StateOfFigures), whatever was saved how: a request makes
/// it 要求済, a 査定数 査定済, and a 査定数 cleared by the personnel division takes the assessment back — the line is
/// 要求済 again (the change recorded), and the division head may change the request once more.
public sealed class StaffingStateTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    private List<StaffingLine> Lines(int unit) => app.WithDb(db => db.StaffingLines.Where(l => l.FiscalYear == 2026 && l.OrgUnitId == unit).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToList());

    /// Every stored line, of every year and unit: its state agrees with its figures.
    private void EveryLineAgreesWithItsFigures()
    {
        var wrong = app.WithDb(db => db.StaffingLines.ToList()).Where(l => l.State != l.StateOfFigures)
            .Select(l => $"{l.FiscalYear} unit {l.OrgUnitId} {l.JobType}/{l.Employment}: {l.State} with 要求 {l.Requested} 査定 {l.Assessed}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static (string, string)[] Personnel(List<StaffingLine> lines, Func<int, string?> assessed, Func<int, string?> reason) =>
        [.. lines.SelectMany((l, n) => new[]
        {
            ($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()), ($"Lines[{n}].Allocated", NumberText.Format(l.Allocated)),
            ($"Lines[{n}].ActualApril1", NumberText.Format(l.ActualApril1)), ($"Lines[{n}].Assessed", assessed(n) ?? ""), ($"Lines[{n}].AssessmentReason", reason(n) ?? ""),
        })];

    [Fact]
    public async Task Clearing_the_assessed_number_returns_the_line_to_requested_and_the_head_may_request_again()
    {
        EveryLineAgreesWithItsFigures();
        var road = app.WithDb(db => db.OrgUnits.Single(u => u.Name == "道路課").Id);
        var url = $"/Staffing/2026/{road}/Edit";
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var personnel = await app.SignedInAsync("jinji@komaki.example");

        var lines = Lines(road);
        var request = lines.SelectMany((l, n) => new[]
        {
            ($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()), ($"Lines[{n}].Requested", NumberText.Format(l.Allocated + 1)),
            ($"Lines[{n}].RequestReason", "通学路の工事が増えるため"),
        }).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, url, request)).StatusCode);
        Assert.All(Lines(road), l => Assert.Equal(StaffingState.Requested, l.State));

        lines = Lines(road);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(personnel, url, Personnel(lines, n => n == 0 ? "3" : null, n => n == 0 ? "委託で対応する" : null))).StatusCode);
        Assert.Equal(StaffingState.Assessed, Lines(road)[0].State);
        EveryLineAgreesWithItsFigures();

        // A reason without a number is no assessment: refused beside the number, nothing saved.
        lines = Lines(road);
        var reasonOnly = await PostAsync(personnel, url, Personnel(lines, _ => null, n => n == 0 ? "委託で対応する" : null));
        Assert.NotEqual(HttpStatusCode.Redirect, reasonOnly.StatusCode);
        Assert.Contains("査定の理由だけでは査定になりません。査定数を入力してください。", await reasonOnly.Content.ReadAsStringAsync());
        Assert.Equal(3m, Lines(road)[0].Assessed);

        // Both cleared: the assessment is taken back, the line is 要求済 with its request, and the change is recorded.
        var lastAudit = app.WithDb(db => db.AuditEntries.Max(a => a.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(personnel, url, Personnel(lines, _ => null, _ => null))).StatusCode);
        var taken = Lines(road)[0];
        Assert.Null(taken.Assessed);
        Assert.Equal(StaffingState.Requested, taken.State);
        Assert.NotNull(taken.Requested);
        var changes = app.WithDb(db => db.AuditEntries.Where(a => a.Id > lastAudit && a.EntityType == nameof(StaffingLine)).ToList()).SelectMany(a => a.Changes).ToList();
        Assert.Contains(changes, c => c.Field == nameof(StaffingLine.Assessed) && decimal.Parse(c.Old!, System.Globalization.CultureInfo.InvariantCulture) == 3 && string.IsNullOrEmpty(c.New));
        Assert.Contains(changes, c => c.Field == nameof(StaffingLine.State));
        EveryLineAgreesWithItsFigures();

        var list = await personnel.GetStringAsync($"/Staffing?year=2026&unitId={road}");
        Assert.DoesNotContain(StaffingState.Assessed.Label(), list.Split("<tbody>").Skip(1).FirstOrDefault() ?? list);
        var form = await head.GetStringAsync(url);
        Assert.Contains("class=\"form-control form-control-sm\" name=\"Lines[0].Requested\"", form);
        lines = Lines(road);
        var again = lines.SelectMany((l, n) => new[]
        {
            ($"Lines[{n}].Id", l.Id.ToString()), ($"Lines[{n}].Version", l.Version.ToString()), ($"Lines[{n}].Requested", NumberText.Format(l.Allocated + 2)),
            ($"Lines[{n}].RequestReason", "通学路の工事がさらに増えるため"),
        }).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, url, again)).StatusCode);
        Assert.Equal(lines[0].Allocated + 2, Lines(road)[0].Requested);
        EveryLineAgreesWithItsFigures();
    }
}
