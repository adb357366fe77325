using System.Net;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.IntegrationTests.Public;

/// What the public site shows of a published year changes only as a 訂正: with its reason, its date and what was
/// published beside it — never a silent rewrite, whichever door the change comes through.
public class PublishedCorrectionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public void Every_kind_planning_publishes_by_year_guards_its_records()
    {
        var correctable = typeof(ICorrectable).Assembly.GetTypes().Where(t => t.IsClass && typeof(ICorrectable).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();
        Assert.Equal(correctable, PublishedCorrections.KindOf.Keys.OrderBy(t => t.Name));
        // Indicator actuals keep their own correction on IndicatorValue (公表時 / 訂正); every other kind is an ICorrectable.
        Assert.Equal(PublicationKinds.All.Order(), PublishedCorrections.KindOf.Values.Append(PublicationKind.IndicatorActuals).Order());
    }

    [Fact]
    public async Task A_published_measure_evaluation_is_changed_only_as_a_correction_shown_beside_what_was_published()
    {
        var measureId = app.WithDb(db => db.Measures.Single(m => m.Code == "6-2" && m.RetiredAt == null).Id);
        var url = $"/MeasureEvaluations/2025/{measureId}";
        var head = await app.SignedInAsync("doro-kacho@komaki.example");
        var token = KomakiFactory.TokenIn(await head.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", "初版の評価：生活道路の改良は計画どおり。"), ("Direction", "Continue"), ("Version", "0")))).StatusCode);
        Publish(PublicationKind.MeasureEvaluations, 2025);
        var citizen = app.NewClient();
        Assert.Contains("初版の評価", await citizen.GetStringAsync($"/public/measures/{measureId}"));

        var page = await head.GetStringAsync(url);
        Assert.Contains("id=\"CorrectionReason\"", page);
        var version = app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var assessedAt = app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).AssessedAt);
        // Posting it back unchanged needs no reason and changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", "初版の評価：生活道路の改良は計画どおり。"), ("Direction", "Continue"), ("Version", version)))).StatusCode);
        Assert.Equal(assessedAt, app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).AssessedAt));

        var refused = await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", "書き換えた評価"), ("Direction", "Reduce"), ("Version", version)));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PublishedCorrections.ReasonRequired(PublicationKind.MeasureEvaluations), html);
        Assert.Contains("is-invalid\" id=\"CorrectionReason\"", html);
        Assert.Equal("初版の評価：生活道路の改良は計画どおり。", app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).Assessment));

        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", "書き換えた評価"), ("Direction", "Reduce"), ("Version", version), ("CorrectionReason", "橋梁点検の結果を取り違えていたため")))).StatusCode);
        var shown = await app.NewClient().GetStringAsync($"/public/measures/{measureId}");
        Assert.Contains("書き換えた評価", shown);
        Assert.Contains("橋梁点検の結果を取り違えていたため", shown);
        Assert.Contains("公表時：方向性：", shown);
        Assert.Contains("初版の評価：生活道路の改良は計画どおり。", shown);

        // A second correction keeps what was first published.
        version = app.WithDb(db => db.MeasureEvaluations.Single(e => e.MeasureId == measureId && e.FiscalYear == 2025).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync(url, KomakiFactory.Form(token, ("Assessment", "二度目の訂正"), ("Direction", "Reduce"), ("Version", version), ("CorrectionReason", "誤字")))).StatusCode);
        Assert.Equal<(string?, Direction?)>(("初版の評価：生活道路の改良は計画どおり。", Direction.Continue), app.WithDb(db => db.MeasureEvaluations.Where(e => e.MeasureId == measureId && e.FiscalYear == 2025).Select(e => new { e.AsPublished, e.AsPublishedDirection }).ToList().Select(e => (e.AsPublished, e.AsPublishedDirection)).Single()));
    }

    [Fact]
    public async Task Published_manifesto_progress_is_changed_only_as_a_correction_on_the_site_and_in_open_data()
    {
        var (itemId, status, commentary) = app.WithDb(db =>
        {
            var published = db.Publications.Where(p => p.Kind == PublicationKind.ManifestoProgress).Select(p => p.FiscalYear).ToList();
            Assert.Contains(2025, published);
            var p = db.ManifestoProgress.Where(p => p.FiscalYear == 2025 && !db.ManifestoProgress.Any(q => q.ManifestoItemId == p.ManifestoItemId && q.FiscalYear > 2025 && published.Contains(q.FiscalYear)))
                .OrderBy(p => p.Id).First();
            return (p.ManifestoItemId, p.Status, p.Commentary);
        });
        var other = status == ManifestoStatus.Achieved ? "Advancing" : "Achieved";
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var url = $"/Manifesto/Items/{itemId}/Progress";
        var token = KomakiFactory.TokenIn(await planning.GetStringAsync($"/Manifesto/Items/{itemId}"));
        string Version() => app.WithDb(db => db.ManifestoProgress.Single(p => p.ManifestoItemId == itemId && p.FiscalYear == 2025).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await planning.PostAsync(url, KomakiFactory.Form(token, ("FiscalYear", "2025"), ("Status", other), ("Commentary", "公表後に書き換えた説明"), ("Version", Version())));
        Assert.Contains(PublishedCorrections.ReasonRequired(PublicationKind.ManifestoProgress), await refused.Content.ReadAsStringAsync());
        Assert.Equal(commentary, app.WithDb(db => db.ManifestoProgress.Single(p => p.ManifestoItemId == itemId && p.FiscalYear == 2025).Commentary));
        Assert.DoesNotContain("公表後に書き換えた説明", await app.NewClient().GetStringAsync("/public/manifesto"));

        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(token, ("FiscalYear", "2025"), ("Status", other), ("Commentary", "公表後に書き換えた説明"), ("Version", Version()), ("CorrectionReason", "事業の完了を確認したため")))).StatusCode);
        var site = await app.NewClient().GetStringAsync("/public/manifesto");
        Assert.Contains("公表後に書き換えた説明", site);
        Assert.Contains("事業の完了を確認したため", site);
        Assert.Contains(System.Net.WebUtility.HtmlEncode($"公表時：{status.Label()}"), site);
        var json = await app.NewClient().GetStringAsync("/api/v1/manifesto");
        Assert.Contains("事業の完了を確認したため", json);
        Assert.Contains("\"asPublished\"", json);
        var csv = await app.NewClient().GetStringAsync("/api/v1/manifesto.csv");
        Assert.Contains("訂正の理由", csv);
    }

    [Fact]
    public void A_door_that_skips_the_rule_cannot_rewrite_a_published_year_silently()
    {
        var ex = Assert.Throws<PublishedChangeException>(() => app.WithDb(db =>
        {
            var published = db.Publications.Where(p => p.Kind == PublicationKind.ManifestoProgress).Select(p => p.FiscalYear).ToList();
            var p = db.ManifestoProgress.First(p => published.Contains(p.FiscalYear));
            p.Commentary += "（こっそり）";
            return db.SaveChanges();
        }));
        Assert.Contains("理由を添えた訂正", ex.Message);
        // What nobody sees publicly (the evidence) is not a correction.
        app.WithDb(db =>
        {
            var published = db.Publications.Where(p => p.Kind == PublicationKind.ManifestoProgress).Select(p => p.FiscalYear).ToList();
            var p = db.ManifestoProgress.First(p => published.Contains(p.FiscalYear));
            p.Evidence = "根拠を補った";
            return db.SaveChanges();
        });
    }

    private void Publish(PublicationKind kind, int year) => app.WithDb(db =>
    {
        db.Publications.Add(new Publication { Kind = kind, FiscalYear = year, PublishedAt = DateTime.UtcNow, PublishedBy = "企画 太郎" });
        return db.SaveChanges();
    });
}
