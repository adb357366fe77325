using System.Globalization;
using System.Net;
using Komaki.Management.Core.Personnel;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Personnel;

/// 一時保存 of a self-assessment: what the person did not send is not what they cleared. The sheet's form is saved as a
/// draft with every mark written, then sent again with only the first row (as a page cut short, without the list of
/// fields the page showed): the other rows keep what the draft held; a field sent empty is cleared.
public class DraftMarksTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_draft_sent_with_rows_missing_keeps_the_marks_it_held_for_them()
    {
        var (id, email, grade) = app.WithDb(db =>
        {
            var e = db.PersonnelEvaluations.Include(x => x.StaffMember).First(x => x.State == PersonnelState.MidYearReviewed && x.StaffMember!.UserId != null);
            var design = db.PersonnelDesigns.Include(d => d.Grades).Single(d => d.FiscalYear == e.FiscalYear);
            return (e.Id, db.Users.Single(u => u.Id == e.StaffMember!.UserId).Email!, design.Grades.OrderBy(g => g.SortOrder).First().Code);
        });
        var client = await app.SignedInAsync(email);
        var sheet = await client.GetStringAsync($"/Personnel/{id}");
        var token = KomakiFactory.TokenIn(sheet);
        var keys = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(sheet).QuerySelectorAll("input[name$='].Key']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.True(keys.Count >= 2, "the self-assessment form has at least two rows");
        string Version() => app.WithDb(db => db.PersonnelEvaluations.Single(x => x.Id == id).Version.ToString(CultureInfo.InvariantCulture));

        var all = new List<(string, string)> { ("Version", Version()), ("Step", nameof(PersonnelStep.SelfAssess)), ("draft", "true") };
        for (var n = 0; n < keys.Count; n++)
        {
            all.Add(($"Marks[{n}].Key", keys[n]));
            all.Add(($"Marks[{n}].Grade", grade));
            all.Add(($"Marks[{n}].Comment", $"所見{n}"));
            if (keys[n].StartsWith('G')) all.Add(($"Marks[{n}].Result", $"実績{n}"));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Personnel/{id}/Act", KomakiFactory.Form(token, [.. all]))).StatusCode);
        var held = Drafts(id);
        Assert.Equal(keys.Count, held.Count(m => m.Grade == grade));

        // Only the first row arrives, its comment cleared on purpose.
        var cut = await client.PostAsync($"/Personnel/{id}/Act", KomakiFactory.Form(token,
            ("Version", Version()), ("Step", nameof(PersonnelStep.SelfAssess)), ("draft", "true"), ("Marks[0].Key", keys[0]), ("Marks[0].Grade", grade), ("Marks[0].Comment", "")));
        Assert.Equal(HttpStatusCode.Redirect, cut.StatusCode);
        var now = Drafts(id);
        Assert.Equal(keys.Count, now.Count(m => m.Grade == grade));
        Assert.Equal(keys.Count - 1, now.Count(m => m.Comment is not null));
        Assert.Equal(held.Count(m => m.DraftResult is not null), now.Count(m => m.DraftResult is not null));
    }

    private List<EvaluationMark> Drafts(int id) => app.WithDb(db =>
        db.Set<EvaluationMark>().AsNoTracking().Where(m => m.PersonnelEvaluationId == id && m.Draft && m.Stage == MarkStage.Self).ToList());
}
