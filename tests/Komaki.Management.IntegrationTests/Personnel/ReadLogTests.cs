using System.Net;
using System.Reflection;
using Komaki.Management.Web.Features.Personnel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Komaki.Management.IntegrationTests.Personnel;

/// The read log is written where a sheet's data is read: every path that renders an evaluation — the screen, a
/// refused step shown again, the print, Excel, the goals, the distribution, the payroll file — writes its row, with
/// the reader's id, and a refused read writes 「拒否（…）」.
public sealed class ReadLogTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private const string Person = "doro-tanto@komaki.example";
    private const string Division = "jinji@komaki.example";
    private const string DepartmentHead = "toshi-bucho@komaki.example";

    private int Evaluation(int year) => app.WithDb(db => db.PersonnelEvaluations.Single(e => e.FiscalYear == year && e.StaffMember!.StaffNumber == "10103").Id);

    private string Version(int id) => app.WithDb(db => db.PersonnelEvaluations.Single(e => e.Id == id).Version.ToString());

    private long LastRead => app.WithDb(db => db.PersonnelReads.Select(r => (long?)r.Id).Max() ?? 0);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Account/ChangePassword");
        return await client.PostAsync(url, KomakiFactory.Form(token, fields));
    }

    /// Every action that renders a sheet, how it is reached, and what the log calls it.
    private (string Action, string Who, Func<Task<HttpResponseMessage>> Request, string What)[] Paths(HttpClient person, HttpClient division, HttpClient head, int id, int confirmedYearId) =>
    [
        (nameof(PersonnelController.Details), Person, () => person.GetAsync($"/Personnel/{id}"), "画面"),
        (nameof(PersonnelController.Print), Person, () => person.GetAsync($"/Personnel/{id}/Print"), "印刷"),
        (nameof(PersonnelController.Excel), Person, () => person.GetAsync($"/Personnel/{id}/Excel"), "Excel"),
        (nameof(PersonnelController.Goals) + " GET", Person, () => person.GetAsync($"/Personnel/{id}/Goals"), "目標の編集"),
        (nameof(PersonnelController.Goals) + " POST", Person, () => PostAsync(person, $"/Personnel/{id}/Goals", ("Version", "0")), "目標の保存"),
        (nameof(PersonnelStepsController.Act), Person, () => PostAsync(person, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "99")), "操作"),
        (nameof(PersonnelStepsController.Reassign), Division, () => PostAsync(division, $"/Personnel/{id}/Reassign", ("version", Version(id)), ("firstEvaluatorId", "abc")), "評価者の変更"),
        (nameof(PersonnelDivisionController.Distribution), Division, () => division.GetAsync($"/Personnel/Division/Distribution?year=2025&departmentId={Department(confirmedYearId)}"), "分布"),
        (nameof(PersonnelController.Distribution) + " 部長", DepartmentHead, () => head.GetAsync($"/Personnel/Distribution?year=2025"), "分布"),
        (nameof(PersonnelDivisionController.Payroll), Division, () => division.GetAsync("/Personnel/Division/Payroll/2025"), "給与連携CSV"),
    ];

    /// Actions that read no evaluation's content (lists show only where each stands; the staff register and its 退職日).
    private static readonly string[] ReadNoSheet =
    [
        nameof(PersonnelDivisionController.Index), nameof(PersonnelYearController.Design), nameof(PersonnelYearController.Open),
        nameof(PersonnelYearController.OpenConfirmed), nameof(PersonnelYearController.Disclose), nameof(PersonnelYearController.DiscloseConfirmed),
        nameof(PersonnelDivisionController.Reads), nameof(PersonnelDivisionController.Staff), nameof(PersonnelController.Index),
        nameof(PersonnelYearController.CopyPrevious), nameof(PersonnelDivisionController.Special), nameof(PersonnelDivisionController.NameForChiefs),
        nameof(StaffLeavingController.Index),
    ];

    private int Department(int evaluationId) => app.WithDb(db =>
    {
        var unit = db.OrgUnits.Single(u => u.Id == db.PersonnelEvaluations.Single(x => x.Id == evaluationId).OrgUnitId);
        while (unit.Level != Core.Organization.OrgUnitLevel.Department) unit = db.OrgUnits.Single(u => u.Id == unit.ParentId);
        return unit.Id;
    });

    [Fact]
    public async Task Every_path_that_renders_a_sheet_writes_the_read_log_with_the_readers_id()
    {
        var id = Evaluation(2026);
        var lastYear = Evaluation(2025);
        // While the goals are set the person may open and save them.
        app.WithDb(db =>
        {
            db.PersonnelEvaluations.Single(e => e.Id == id).State = Core.Personnel.PersonnelState.GoalSetting;
            return db.SaveChanges();
        });
        var person = await app.SignedInAsync(Person);
        var division = await app.SignedInAsync(Division);
        var paths = Paths(person, division, await app.SignedInAsync(DepartmentHead), id, lastYear);

        // Every action of the feature's controllers, however they are split, is either a path above or named as reading no sheet.
        var actions = typeof(PersonnelController).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(PersonnelController).Namespace && typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<HttpMethodAttribute>().Any())
            .Select(m => m.Name + (m.Name == nameof(PersonnelController.Goals) ? m.GetCustomAttribute<HttpPostAttribute>() is null ? " GET" : " POST" : ""))
            .Distinct().Order().ToList();
        Assert.Equal(actions, paths.Select(p => p.Action.Replace(" 部長", "", StringComparison.Ordinal)).Concat(ReadNoSheet).Distinct().Order().ToList());

        var users = app.WithDb(db => db.Users.Where(u => u.Email == Person || u.Email == Division || u.Email == DepartmentHead).ToDictionary(u => u.Email!, u => u.Id));
        foreach (var (action, who, request, what) in paths)
        {
            var before = LastRead;
            var response = await request();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{action}: {response.StatusCode}");
            var rows = app.WithDb(db => db.PersonnelReads.Where(r => r.Id > before).ToList());
            Assert.True(rows.Count > 0, $"{action} wrote no read-log row");
            Assert.All(rows, r => Assert.Equal((who, users[who], what), (r.UserName, r.UserId, r.What)));
        }
    }

    [Fact]
    public async Task A_refused_step_and_a_refused_read_write_a_read_log_row()
    {
        var id = Evaluation(2026);
        var person = await app.SignedInAsync(Person);
        var before = LastRead;
        var refused = await PostAsync(person, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "99"));
        Assert.Contains("この操作はできません。", await refused.Content.ReadAsStringAsync());
        Assert.Contains(app.WithDb(db => db.PersonnelReads.Where(r => r.Id > before).ToList()), r => r.PersonnelEvaluationId == id && r.UserName == Person && r.What == "操作");

        // A step whose form is refused before the workflow is asked (a comment longer than its column) shows the sheet
        // again beside the field: a read, logged.
        before = LastRead;
        var tooLong = await PostAsync(person, $"/Personnel/{id}/Act", ("Version", Version(id)), ("Step", "ReturnGoals"), ("Comment", new string('長', 2501)));
        Assert.Contains("コメントは2500文字以内で入力してください。", await tooLong.Content.ReadAsStringAsync());
        Assert.Contains(app.WithDb(db => db.PersonnelReads.Where(r => r.Id > before).ToList()), r => r.PersonnelEvaluationId == id && r.UserName == Person && r.What == "操作");

        var outsider = await app.SignedInAsync("kankyo-kacho@komaki.example");
        before = LastRead;
        foreach (var url in new[] { $"/Personnel/{id}", $"/Personnel/{id}/Print", $"/Personnel/{id}/Excel" })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        var rows = app.WithDb(db => db.PersonnelReads.Where(r => r.Id > before).ToList());
        Assert.Equal(["拒否（画面）", "拒否（印刷）", "拒否（Excel）"], rows.Select(r => r.What).ToArray());
        Assert.All(rows, r => Assert.Equal(("kankyo-kacho@komaki.example", id), (r.UserName, r.PersonnelEvaluationId)));
    }
}
