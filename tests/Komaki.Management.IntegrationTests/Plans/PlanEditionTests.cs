using Komaki.Management.Core.Manifesto;
using System.Net;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Plans;

/// The plan redrawn after an election: a copy of the last edition, compared with it, and the manifesto's landing in it.
public class PlanEditionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task A_new_edition_starts_as_a_copy_is_compared_and_shows_how_each_promise_landed()
    {
        var client = await app.SignedInAsync("kikaku@komaki.example");
        var current = app.WithDb(db => db.BasicPlans.Single(b => b.StartYear == 2024));
        var token = await KomakiFactory.TokenAsync(client, $"/Plans/CopyBasicPlan/{current.Id}");
        var early = await client.PostAsync($"/Plans/CopyBasicPlan/{current.Id}", KomakiFactory.Form(token, ("Name", "改定版"), ("StartYear", "2023"), ("EndYear", "2030")));
        Assert.Contains("写し元（令和6年度開始）より後に始まる年度にしてください。", await early.Content.ReadAsStringAsync());

        var copied = await client.PostAsync($"/Plans/CopyBasicPlan/{current.Id}", KomakiFactory.Form(token, ("Name", "分野別計画編（令和9年度改定）"), ("StartYear", "2027"), ("EndYear", "2030")));
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var newer = app.WithDb(db => db.BasicPlans.Single(b => b.StartYear == 2027));
        Assert.Equal(current.Id, newer.CopiedFromId);
        Assert.Equal(2026, app.WithDb(db => db.BasicPlans.Single(b => b.Id == current.Id).EndYear));
        Assert.Equal(30, app.WithDb(db => db.Measures.Count(m => m.Policy!.BasicPlanId == newer.Id)));
        // The work stays in the edition in force until the new one takes effect.
        Assert.Equal(0, app.WithDb(db => db.Projects.Count(p => p.Measure!.Policy!.BasicPlanId == newer.Id)));

        // Redraw: rewrite one measure, add one, and give an unlinked promise a home in the new measure.
        app.WithDb(db =>
        {
            var m = db.Measures.Single(x => x.Policy!.BasicPlanId == newer.Id && x.Code == "2-3");
            m.Name = "高齢者福祉とフレイル予防の充実";
            var policy = db.Policies.Single(p => p.BasicPlanId == newer.Id && p.Code == "5");
            var added = new Measure { Policy = policy, Code = "5-6", Name = "行政のデジタル化", SortOrder = 6 };
            db.Measures.Add(added);
            db.SaveChanges();
            db.ManifestoLinks.Add(new Core.Manifesto.ManifestoLink { ManifestoItemId = db.ManifestoItems.Single(i => i.Number == "5-4").Id, MeasureId = added.Id });
            db.ManifestoLinks.Add(new Core.Manifesto.ManifestoLink { ManifestoItemId = db.ManifestoItems.Single(i => i.Number == "2-5").Id, MeasureId = m.Id });
            return db.SaveChanges();
        });

        var compare = await client.GetStringAsync($"/Plans/CompareBasicPlan/{newer.Id}");
        Assert.Contains("新規 1件", compare);
        Assert.Contains("修正 1件", compare);
        Assert.Contains("高齢者福祉とフレイル予防の充実", compare);

        var landing = app.WithDb(db => ManifestoLanding.OfTermAsync(db, db.MayorTerms.Single().Id, current.Id, newer.Id).GetAwaiter().GetResult());
        int Item(string n) => app.WithDb(db => db.ManifestoItems.Single(i => i.Number == n).Id);
        Assert.Equal(Landing.New, landing[Item("5-4")]);
        Assert.Equal(Landing.Modified, landing[Item("2-5")]);
        Assert.Equal(Landing.Modified, landing[Item("2-2")]); // carried by the rewritten 2-3, copied from the last edition
        Assert.Equal(Landing.Continued, landing[Item("3-1")]);
        Assert.Equal(Landing.Continued, landing[Item("4-2")]); // a project link lands through its measure's code
        Assert.Equal(Landing.NotReflected, landing[Item("1-6")]);
        var matrix = await client.GetStringAsync("/Manifesto");
        Assert.Contains("新計画への反映", matrix);
        Assert.Contains("「分野別計画編（令和6年度改定）」から「分野別計画編（令和9年度改定）」への見直し", matrix);

        var moveToken = KomakiFactory.TokenIn(compare);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Plans/MoveWork/{newer.Id}", KomakiFactory.Form(moveToken))).StatusCode);
        Assert.Equal(app.WithDb(db => db.Projects.Count(p => p.RetiredAt == null)), app.WithDb(db => db.Projects.Count(p => p.RetiredAt == null && p.Measure!.Policy!.BasicPlanId == newer.Id)));
        Assert.Equal(0, app.WithDb(db => db.Indicators.Count(i => i.Measure!.Policy!.BasicPlanId == current.Id && i.RetiredAt == null)));

        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/Plans/CopyBasicPlan/{current.Id}")).StatusCode);
    }
}
