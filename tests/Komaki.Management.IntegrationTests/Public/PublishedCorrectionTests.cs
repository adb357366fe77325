using System.Net;
using Microsoft.EntityFrameworkCore;
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
        var correctable = typeof(IPublishedByYear).Assembly.GetTypes().Where(t => t.IsClass && typeof(IPublishedByYear).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();
        Assert.Equal(correctable, PublishedCorrections.KindOf.Keys.OrderBy(t => t.Name));
        Assert.All(typeof(ICorrectable).Assembly.GetTypes().Where(t => t.IsClass && typeof(ICorrectable).IsAssignableFrom(t)),
            t => Assert.True(typeof(IPublishedByYear).IsAssignableFrom(t) ^ typeof(IPublishedOnItsOwn).IsAssignableFrom(t), $"{t.Name} is published either by year or on its own"));
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

    /// A record the public site shows once it carries a publication mark of its own. Each such kind is either an
    /// ICorrectable (what citizens see changes only as a 訂正) or keeps what it published in a snapshot the public site reads.
    private static readonly Dictionary<string, string> KeptAsPublished = new()
    {
        // The publication decisions themselves: a row per year and kind, withdrawn by deletion (audited).
        ["Publication"] = "",
        // 評価の効き目: each edition is its own frozen figures; a later edition never rewrites an earlier one.
        ["EffectPublication"] = "",
        // 事務事業評価: the public sheet is the sheet as it read on the day of publication.
        ["ProjectEvaluation"] = "PublishedSheet",
        // 内部統制 report: the figures are fixed at the report, the council or the publication.
        ["ControlYear"] = "ReportSnapshot",
        // 事務処理ミス: recorded once and published once; no step edits one (ControlCommands has only Record and Publish).
        ["ProcessingError"] = "",
        // 市民公開フォーラム: a closed session is not reopened and no step edits its name, date or venue; its verdicts are
        // final at closing (SaveVerdicts refuses). What planning writes after closing is ExternalReviewProject's, an ICorrectable.
        ["ExternalReview"] = "",
        // Who sat on a session: not on the public page, and not changed once the session is registered.
        ["ExternalReviewer"] = "",
        // 評価の効き目: an edition's rows are frozen with it.
        ["EffectPublicationRow"] = "",
    };

    /// The marks that put a record on the public site: a publication of its own, or — the forum's — a session closed,
    /// after which its results are public.
    private static readonly string[] PublicationMarks = ["IsPublished", "PublishedAt", "PublishedOn", "IsClosed"];

    [Fact]
    public void Every_record_kind_with_a_publication_mark_is_corrected_openly_or_kept_as_published()
    {
        var (kinds, held) = app.WithDb(db =>
        {
            var marked = db.Model.GetEntityTypes().Where(t => t.GetProperties().Any(p => PublicationMarks.Contains(p.Name))).ToList();
            // A kind whose mark publishes no snapshot publishes what it holds as it reads now: each record it holds is on
            // the site with it (the forum's session publishes each project's 市の対応方針).
            var holds = marked.Where(t => !typeof(ICorrectable).IsAssignableFrom(t.ClrType) && KeptAsPublished.GetValueOrDefault(t.ClrType.Name) is null or "")
                .SelectMany(t => t.GetNavigations().Where(n => n.IsCollection).Select(n => (Holder: t.ClrType.Name, Held: n.TargetEntityType.ClrType))).ToList();
            return (marked.Select(t => t.ClrType).ToList(), holds);
        });
        Assert.Contains(typeof(Komaki.Management.Core.CitizenVoice.CitizenInput), kinds);
        Assert.Contains(typeof(ExternalReview), kinds);
        Assert.Contains((nameof(ExternalReview), typeof(ExternalReviewProject)), held);
        foreach (var type in kinds)
        {
            if (typeof(ICorrectable).IsAssignableFrom(type)) continue;
            Assert.True(KeptAsPublished.TryGetValue(type.Name, out var snapshot),
                $"{type.Name} is published: make it an ICorrectable, or keep what it published in a snapshot and say so here.");
            if (snapshot != "") Assert.NotNull(type.GetProperty(snapshot));
        }
        foreach (var (holder, type) in held)
            Assert.True(typeof(ICorrectable).IsAssignableFrom(type) || KeptAsPublished.ContainsKey(type.Name),
                $"{type.Name} is published with its {holder}: make it an ICorrectable (IPublishedOnItsOwn), or say here why what the site shows of it cannot change.");
    }

    [Fact]
    public async Task A_published_citizen_input_is_changed_only_as_a_correction_on_the_site_and_in_open_data()
    {
        var input = app.WithDb(db => db.CitizenInputs.Include(c => c.Links).ThenInclude(l => l.Measure).Include(c => c.Links).ThenInclude(l => l.Project)
            .Where(c => c.IsPublished && c.CorrectedAt == null).OrderBy(c => c.Id).First());
        var form = Komaki.Management.Core.CitizenVoice.CitizenInputCommands.FormOf(input);
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var url = $"/CitizenInputs/{input.Id}/Edit";
        var page = await planning.GetStringAsync(url);
        Assert.Contains("id=\"CorrectionReason\"", page);
        var token = KomakiFactory.TokenIn(page);
        string Version() => app.WithDb(db => db.CitizenInputs.Single(c => c.Id == input.Id).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string, string)[] Fields(string? answer, string? reason = null) =>
        [
            ("Version", Version()), ("Channel", form.Channel.ToString()), ("ReceivedOn", form.ReceivedOn!), ("Status", form.Status.ToString()), ("Summary", form.Summary!),
            ("Answer", answer ?? ""), ("MeasureCodes", form.MeasureCodes ?? ""), ("ProjectCodes", form.ProjectCodes ?? ""), ("CorrectionReason", reason ?? ""),
        ];

        // Posting it back unchanged needs no reason and changes nothing.
        var version = Version();
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(token, Fields(form.Answer)))).StatusCode);
        Assert.Equal(version, Version());

        var refused = await planning.PostAsync(url, KomakiFactory.Form(token, Fields("公開後に書き換えた市の考え方")));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PublishedCorrections.ReasonRequired("公開サイトに載せている市民の声"), html);
        Assert.Contains("is-invalid\" id=\"CorrectionReason\"", html);
        Assert.Equal(input.Answer, app.WithDb(db => db.CitizenInputs.Single(c => c.Id == input.Id).Answer));
        // Emptying the answer would take the voice off the site without a word: refused beside the field.
        var emptied = await planning.PostAsync(url, KomakiFactory.Form(token, Fields("", "消したい").Select(f => f.Item1 == "Status" ? ("Status", "Considering") : f).ToArray()));
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Komaki.Management.Core.CitizenVoice.CitizenInputCommands.PublishedWithoutAnswer), await emptied.Content.ReadAsStringAsync());
        Assert.Equal(input.Answer, app.WithDb(db => db.CitizenInputs.Single(c => c.Id == input.Id).Answer));

        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(token, Fields("公開後に書き換えた市の考え方", "担当課の回答を取り違えていたため")))).StatusCode);
        var site = string.Concat(await Task.WhenAll(Enumerable.Range(1, 3).Select(p => app.NewClient().GetStringAsync($"/public/voices?page={p}"))));
        Assert.Contains("公開後に書き換えた市の考え方", site);
        Assert.Contains("担当課の回答を取り違えていたため", site);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(input.Answer!), site);
        var json = await app.NewClient().GetStringAsync("/api/v1/citizen-inputs");
        Assert.Contains("担当課の回答を取り違えていたため", json);
        Assert.Contains("\"asPublished\"", json);
        Assert.Contains("公表時の内容", await app.NewClient().GetStringAsync("/api/v1/citizen-inputs.csv"));

        // A door that skips the rule cannot rewrite it either.
        var ex = Assert.Throws<PublishedChangeException>(() => app.WithDb(db =>
        {
            db.CitizenInputs.Single(c => c.Id == input.Id).Summary += "（こっそり）";
            return db.SaveChanges();
        }));
        Assert.Contains("公開サイトに載せている市民の声", ex.Message);
    }

    [Fact]
    public async Task A_promise_on_the_public_site_is_reworded_only_as_a_correction()
    {
        var item = app.WithDb(db => db.ManifestoItems.Where(i => i.MayorTermId == db.MayorTerms.OrderByDescending(t => t.StartDate).First().Id && i.CorrectedAt == null).OrderByDescending(i => i.Id).First());
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var url = $"/Manifesto/Items/{item.Id}/Edit";
        var token = KomakiFactory.TokenIn(await planning.GetStringAsync(url));
        string Version() => app.WithDb(db => db.ManifestoItems.Single(i => i.Id == item.Id).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string, string)[] Fields(string title, string? reason = null, string? description = null) =>
        [
            ("Version", Version()), ("MayorTermId", item.MayorTermId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Number", item.Number), ("Area", item.Area),
            ("Title", title), ("Description", description ?? item.Description), ("NumericTarget", item.NumericTarget ?? ""), ("CorrectionReason", reason ?? ""),
        ];
        // What citizens do not read (the description) changes without a reason.
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(token, Fields(item.Title, description: item.Description + "（補足）")))).StatusCode);

        var refused = await planning.PostAsync(url, KomakiFactory.Form(token, Fields(item.Title + "の縮小")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PublishedCorrections.ReasonRequired("公開サイトに載っている公約"), await refused.Content.ReadAsStringAsync());
        Assert.Equal(item.Title, app.WithDb(db => db.ManifestoItems.Single(i => i.Id == item.Id).Title));

        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url, KomakiFactory.Form(token, Fields(item.Title + "（改）", "誤字を直したため")))).StatusCode);
        var site = await app.NewClient().GetStringAsync("/public/manifesto");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(item.Title + "（改）"), site);
        Assert.Contains("誤字を直したため", site);
        Assert.Contains(System.Net.WebUtility.HtmlEncode($"公表時：{item.Number}（{item.Area}）{item.Title}"), site);
        var json = await app.NewClient().GetStringAsync("/api/v1/manifesto");
        Assert.Contains("\"itemCorrectionReason\":\"誤字を直したため\"", json);
    }

    private void Publish(PublicationKind kind, int year) => app.WithDb(db =>
    {
        db.Publications.Add(new Publication { Kind = kind, FiscalYear = year, PublishedAt = DateTime.UtcNow, PublishedBy = "企画 太郎" });
        return db.SaveChanges();
    });

    [Fact]
    public async Task A_published_forum_response_is_changed_only_as_a_correction_on_the_site_and_in_open_data()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var reviewerId = app.WithDb(db => db.Users.Single(u => u.Email == "hyoka@komaki.example").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync("/Forum/Create", KomakiFactory.Form(await KomakiFactory.TokenAsync(planning, "/Forum/Create"),
            ("FiscalYear", "2025"), ("Title", "訂正を確かめる公開フォーラム"), ("HeldOn", "2026-12-13"), ("Venue", "市役所"), ("ProjectCodes", "6-2-01"), ("Reviewers[0].UserId", reviewerId), ("Reviewers[0].Kind", "市民委員")))).StatusCode);
        var sessionId = app.WithDb(db => db.ExternalReviews.Single(s => s.Title == "訂正を確かめる公開フォーラム").Id);
        var itemId = app.WithDb(db => db.ExternalReviewProjects.Single(p => p.ExternalReviewId == sessionId).Id);
        var url = $"/Forum/{sessionId}";
        var reviewer = await app.SignedInAsync("hyoka@komaki.example");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(url + "/Verdicts", KomakiFactory.Form(KomakiFactory.TokenIn(await reviewer.GetStringAsync(url)),
            ("rows[0].ExternalReviewProjectId", itemId.ToString()), ("rows[0].Verdict", "Improve"), ("rows[0].Comment", "利用者の声を聞くべき。")))).StatusCode);
        var version = app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).Version).ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await planning.PostAsync(url + "/Close", KomakiFactory.Form(KomakiFactory.TokenIn(await planning.GetStringAsync(url + "/Close")), ("version", version)))).StatusCode);
        Assert.True(app.WithDb(db => db.ExternalReviews.Single(s => s.Id == sessionId).IsClosed));

        // The first response after closing is what the site publishes, not a 訂正.
        var token = KomakiFactory.TokenIn(await planning.GetStringAsync(url));
        Task<HttpResponseMessage> Respond(string response, string? reason = null) => planning.PostAsync(url + "/Response",
            KomakiFactory.Form(token, ("ExternalReviewProjectId", itemId.ToString()), ("Response", response), ("CorrectionReason", reason ?? "")));
        Assert.Equal(HttpStatusCode.Redirect, (await Respond("路線ごとの利用者調査を行う。")).StatusCode);
        var first = app.WithDb(db => db.ExternalReviewProjects.Single(p => p.Id == itemId));
        Assert.NotNull(first.ResponsePublishedAt);
        Assert.Null(first.CorrectedAt);
        var site = await app.NewClient().GetStringAsync("/public/forum");
        Assert.Contains("路線ごとの利用者調査を行う。", site);

        // A change of the published words without a reason is refused beside the project's reason field.
        var page = await planning.GetStringAsync(url);
        Assert.Contains($"id=\"{ResponseForm.ReasonField(itemId)}\"", page);
        var refused = await Respond("路線を廃止する。");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PublishedCorrections.ReasonRequired("公開サイトに載せている市の対応方針"), html);
        Assert.Contains($"is-invalid\" id=\"{ResponseForm.ReasonField(itemId)}\"", html);
        Assert.Equal("路線ごとの利用者調査を行う。", app.WithDb(db => db.ExternalReviewProjects.Single(p => p.Id == itemId).CityResponse));
        var emptied = await Respond("", "取り下げる");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(ExternalReviewCommands.PublishedWithoutResponse), await emptied.Content.ReadAsStringAsync());
        Assert.Equal("路線ごとの利用者調査を行う。", app.WithDb(db => db.ExternalReviewProjects.Single(p => p.Id == itemId).CityResponse));

        // With its reason it is a 訂正: the site and open data show it with its date, reason and the words published first.
        Assert.Equal(HttpStatusCode.Redirect, (await Respond("路線を再編し、利用の少ない区間は予約制にする。", "担当課の方針決定を反映するため")).StatusCode);
        site = await app.NewClient().GetStringAsync("/public/forum");
        Assert.Contains("路線を再編し、利用の少ない区間は予約制にする。", site);
        Assert.Contains("訂正 ", site);
        Assert.Contains("担当課の方針決定を反映するため", site);
        Assert.Contains("公表時：路線ごとの利用者調査を行う。", site);
        var json = await app.NewClient().GetStringAsync("/api/v1/forum");
        Assert.Matches("\"correctionReason\":\\s*\"担当課の方針決定を反映するため\"", json);
        Assert.Matches("\"asPublished\":\\s*\"路線ごとの利用者調査を行う。\"", json);
        var csv = await app.NewClient().GetStringAsync("/api/v1/forum.csv");
        Assert.Contains("公表時の対応方針", csv);
        Assert.Contains("担当課の方針決定を反映するため", csv);
        Assert.Contains("路線ごとの利用者調査を行う。", csv);

        // A door that skips the rule cannot rewrite it either.
        var ex = Assert.Throws<PublishedChangeException>(() => app.WithDb(db =>
        {
            db.ExternalReviewProjects.Single(p => p.Id == itemId).CityResponse += "（こっそり）";
            return db.SaveChanges();
        }));
        Assert.Contains("公開サイトに載せている市の対応方針", ex.Message);
    }
}
