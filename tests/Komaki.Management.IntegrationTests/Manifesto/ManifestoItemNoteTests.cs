using System.Net;

namespace Komaki.Management.IntegrationTests.Manifesto;

/// 備考 on a manifesto item, the field added by following docs/architecture.md's walk-through: refused beside the field
/// over the column's length, shown on the item's page and named in its history, and never published.
public class ManifestoItemNoteTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_note_over_its_length_is_refused_beside_the_field_and_a_valid_one_is_shown_kept_in_history_and_not_published()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var item = app.WithDb(db => db.ManifestoItems.Single(i => i.Number == "5-2"));
        var edit = $"/Manifesto/Items/{item.Id}/Edit";
        (string, string)[] Fields(string note) =>
        [
            ("Version", item.Version.ToString()), ("MayorTermId", item.MayorTermId.ToString()), ("Number", item.Number), ("Area", item.Area),
            ("Title", item.Title), ("Description", item.Description), ("NumericTarget", item.NumericTarget ?? ""), ("Note", note),
        ];

        var tooLong = await planning.PostAsync(edit, KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(edit)), Fields(new string('備', 1001))));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("<div class=\"invalid-feedback\">備考は1000文字以内で入力してください（現在 1001 文字）。</div>", await tooLong.Content.ReadAsStringAsync());
        Assert.Null(app.WithDb(db => db.ManifestoItems.Single(i => i.Id == item.Id).Note));

        const string note = "令和9年度当初予算で事業化の予定。福祉部と調整中。";
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(edit, KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(edit)), Fields(note)))).StatusCode);
        Assert.Contains(note, await planning.GetStringAsync($"/Manifesto/Items/{item.Id}"));
        Assert.Contains(note, await planning.GetStringAsync(edit));
        var history = await planning.GetStringAsync($"/History/ManifestoItem/{item.Id}");
        Assert.Contains("備考", history);
        Assert.Contains(note, history);

        var citizen = app.NewClient();
        Assert.DoesNotContain(note, await citizen.GetStringAsync("/public/manifesto"));
        Assert.DoesNotContain(note, await citizen.GetStringAsync("/api/v1/manifesto.csv"));
    }
}
