using System.Net;
using System.Text.Json;
using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.History;

/// The audit trail is never rewritten: entries written before an entity or property was renamed (the 外部評価's
/// ForumSession, ForumProject and ForumSessionId) still show in the record's history, under today's kind and names.
public class FormerNameHistoryTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task History_written_under_the_former_names_shows_under_the_external_review_kind_as_staff_read_it()
    {
        var (id, title, itemId) = app.WithDb(db => db.ExternalReviewProjects.OrderBy(p => p.Id).Select(p => new { p.ExternalReviewId, p.ExternalReview!.Title, p.Id })
            .AsEnumerable().Select(p => (p.ExternalReviewId, p.Title, p.Id)).First());
        app.WithDb(db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry
                {
                    At = new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc), UserName = "kikaku@komaki.example", RecordType = "ForumSession", RecordId = id.ToString(),
                    EntityType = "ForumSession", Action = AuditAction.Updated,
                    ChangesJson = JsonSerializer.Serialize(new[] { new FieldChange("Venue", "旧会場（改名前の記録）", "市役所本庁舎"), new FieldChange("HeldOn", "2025-08-16", "2025-08-23") }),
                },
                new AuditEntry
                {
                    At = new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc), UserName = "kikaku@komaki.example", RecordType = "ForumSession", RecordId = id.ToString(),
                    Detail = $"事業:{itemId}", EntityType = "ForumProject", Action = AuditAction.Updated,
                    ChangesJson = JsonSerializer.Serialize(new[] { new FieldChange("ForumSessionId", null, id.ToString()), new FieldChange("CityResponse", null, "改名前に記録した対応方針") }),
                });
            return db.SaveChanges();
        });

        using (var scope = app.Services.CreateScope())
            Assert.IsType<ExternalReviewHistory>(scope.ServiceProvider.GetRequiredService<HistoryPages>().KindOf("ForumSession"));
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        foreach (var url in new[] { $"/History/{nameof(ExternalReview)}/{id}", $"/History/ForumSession/{id}" })
        {
            var response = await planning.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("旧会場（改名前の記録）", page);
            Assert.Contains("改名前に記録した対応方針", page);
            // Fields by their Japanese names, the date as 和暦, the session named by its title — as for today's entries.
            Assert.Contains(">会場<", page);
            Assert.Contains(">市の対応方針<", page);
            Assert.Contains(">市民公開フォーラムの会<", page);
            Assert.Contains(Wareki.Date(new DateOnly(2025, 8, 16)), page);
            Assert.Contains(title, page);
            Assert.DoesNotContain("ForumSessionId", page);
            Assert.DoesNotContain("（削除された記録）", page);
        }
    }

    [Fact]
    public void A_former_name_names_no_class_of_today_and_is_read_as_its_entity()
    {
        Assert.Equal(nameof(ExternalReview), FormerNames.Current("ForumSession"));
        Assert.Equal(nameof(ExternalReviewProject), FormerNames.Current("ForumProject"));
        Assert.Equal(new[] { nameof(ExternalReview), "ForumSession" }, FormerNames.StoredAs(nameof(ExternalReview)));
        var today = typeof(IAudited).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var formers = typeof(IAudited).Assembly.GetTypes().SelectMany(t => t.GetCustomAttributes(typeof(FormerNameAttribute), false).Cast<FormerNameAttribute>()).Select(a => a.Name).ToList();
        Assert.NotEmpty(formers);
        Assert.DoesNotContain(formers, today.Contains);
    }
}
