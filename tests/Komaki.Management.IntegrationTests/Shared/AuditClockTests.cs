using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Komaki.Management.Core.Importing;
using Komaki.Management.TestSheets;

namespace Komaki.Management.IntegrationTests.Shared;

/// Writes read the injected clock, not the machine's: the audit trail is stamped with the city's time, and a staged
/// import (kept in the database so any server may confirm it) expires a day after its upload by that clock.
public class AuditClockTests(May2025Factory app) : IClassFixture<May2025Factory>
{
    private const string Planning = "kikaku@komaki.example";

    [Fact]
    public async Task The_audit_trail_is_stamped_with_the_injected_clock_on_every_door()
    {
        var at = new DateTimeOffset(2025, 6, 2, 1, 23, 45, TimeSpan.Zero);
        app.Time.SetUtcNow(at);
        var id = app.WithDb(db =>
        {
            var project = db.Projects.OrderBy(p => p.Id).First();
            project.Name += "（時刻の確認）";
            db.SaveChanges();
            return project.Id;
        });
        var entry = app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == "Project").OrderByDescending(a => a.Id).First());
        Assert.Equal(at.UtcDateTime, entry.At);

        // Through a form of the app too: the request's context is built with the same clock.
        app.Time.SetUtcNow(at.AddMinutes(7));
        var client = await app.SignedInAsync(Planning);
        var edit = await client.GetStringAsync($"/Plan/Project/{id}/Edit");
        var fields = HtmlForms.Fields(edit, $"/Plan/Project/{id}/Edit");
        fields["Name"] = "時刻の確認（フォーム）";
        var saved = await client.PostAsync($"/Plan/Project/{id}/Edit", KomakiFactory.Form(KomakiFactory.TokenIn(edit), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(at.AddMinutes(7).UtcDateTime, app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == "Project").OrderByDescending(a => a.Id).First()).At);
    }

    [Fact]
    public async Task A_staged_import_expires_a_day_after_its_upload_and_is_swept_at_the_next_upload()
    {
        var start = new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero);
        app.Time.SetUtcNow(start);
        // A file with one change, so the preview keeps it for the confirmation.
        var export = CitySheets.Edit(await app.ExportAsync(SheetKind.ImplementationPlan, 2026), ws =>
        {
            var r = ws.RowsUsed().First(x => x.Cell(1).GetString() == "2-1-01" && x.Cell(5).GetString() == "令和8年度").RowNumber();
            ws.Cell(r, 8).SetValue(ws.Cell(r, 8).GetValue<decimal>() + 250);
            ws.Cell(r, 13).SetValue(ws.Cell(r, 13).GetValue<decimal>() + 250);
        });
        var client = await app.SignedInAsync(Planning);
        var (html, token) = await UploadAsync(client, export);
        Assert.Equal(start.UtcDateTime.AddDays(1), app.WithDb(db => db.StagedImports.Single(s => s.Id == token).ExpiresAt));

        app.Time.SetUtcNow(start.AddDays(1).AddMinutes(1));
        client = await app.SignedInAsync(Planning);
        var upload = await client.GetStringAsync("/Imports/implementation-plan/2026/Upload");
        var confirm = await client.PostAsync("/Imports/implementation-plan/Confirm", KomakiFactory.Form(KomakiFactory.TokenIn(upload),
            ("year", "2026"), ("token", token), ("fingerprint", Regex.Match(html, "name=\"fingerprint\" value=\"([0-9A-F]+)\"").Groups[1].Value)));
        Assert.Contains("有効期限が切れたか、既に取り込み済み", await confirm.Content.ReadAsStringAsync());
        Assert.True(app.WithDb(db => db.StagedImports.Any(s => s.Id == token)), "an expired file stays until the next upload sweeps it");

        var (_, next) = await UploadAsync(client, export);
        Assert.Equal(new[] { next }, app.WithDb(db => db.StagedImports.Select(s => s.Id).ToList()));
    }

    private static async Task<(string Html, string Token)> UploadAsync(HttpClient client, byte[] file)
    {
        var token = await KomakiFactory.TokenAsync(client, "/Imports/implementation-plan/2026/Upload");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var response = await client.PostAsync("/Imports/implementation-plan/Preview", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2026"), "year" }, { content, "file", "実施計画.xlsx" },
        });
        var html = await response.Content.ReadAsStringAsync();
        var staged = Regex.Match(html, "name=\"token\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(staged), "the preview keeps the file");
        return (html, staged);
    }
}
