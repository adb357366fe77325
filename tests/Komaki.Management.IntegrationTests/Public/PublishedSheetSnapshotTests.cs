using System.Net;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Public;

/// What was published is a snapshot: a published 事務事業評価 reads, on the public sheet, in the public list and in open
/// data (JSON and CSV), what it read the day it was published — whatever later happens to the records it was read from.
/// Every text the database keeps of the project, its measure, its owner unit, its indicators and its budget lines is
/// changed (found from the model, so a field added later is changed too), with every budget amount and indicator
/// target; the citizens' outputs stay byte for byte the same.
public sealed class PublishedSheetSnapshotTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    private async Task<List<byte[]>> OutputsAsync(int id, int year)
    {
        var citizen = app.NewClient();
        var urls = new[] { $"/public/evaluations/{id}", $"/public/evaluations?year={year}", $"/api/v1/evaluations?year={year}", $"/api/v1/evaluations.csv?year={year}" };
        var bodies = new List<byte[]>();
        foreach (var url in urls)
        {
            var response = await citizen.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsByteArrayAsync());
        }
        return bodies;
    }

    private static void ChangeEveryText(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var p in entry.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey() && !p.Metadata.IsConcurrencyToken))
        {
            if (p.Metadata.ClrType == typeof(string)) p.CurrentValue = (p.CurrentValue as string) + "改";
            else if (p.Metadata.ClrType == typeof(decimal) || p.Metadata.ClrType == typeof(decimal?)) p.CurrentValue = ((decimal?)p.CurrentValue ?? 0) + 1000;
        }
    }

    [Fact]
    public async Task Changing_what_a_published_sheet_was_read_from_changes_nothing_citizens_see()
    {
        var (id, year, projectId) = app.WithDb(db => db.ProjectEvaluations.Where(e => e.State == EvaluationState.Published && e.PublishedSheet != null
                && db.Indicators.Any(i => i.ProjectId == e.ProjectId && i.RetiredAt == null) && db.BudgetLines.Any(b => b.ProjectId == e.ProjectId))
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.FiscalYear, e.ProjectId }).AsEnumerable().Select(e => (e.Id, e.FiscalYear, e.ProjectId)).First());
        var before = await OutputsAsync(id, year);

        app.WithDb(db =>
        {
            var project = db.Projects.Single(p => p.Id == projectId);
            var evaluation = db.ProjectEvaluations.Single(e => e.Id == id);
            ChangeEveryText(db.Entry(project));
            ChangeEveryText(db.Entry(db.Measures.Single(m => m.Id == project.MeasureId)));
            ChangeEveryText(db.Entry(db.OrgUnits.Single(u => u.Id == evaluation.OwnerUnitId)));
            foreach (var i in db.Indicators.Include(i => i.Values).Where(i => i.ProjectId == projectId).ToList())
            {
                var actuals = i.Values.ToDictionary(v => v, v => v.Actual);
                ChangeEveryText(db.Entry(i));
                foreach (var v in i.Values)
                {
                    ChangeEveryText(db.Entry(v));
                    // A changed actual is a 訂正, shown beside what was published (PublishedCorrectionTests); here it stays.
                    v.Actual = actuals[v];
                }
            }
            foreach (var b in db.BudgetLines.Where(b => b.ProjectId == projectId).ToList()) ChangeEveryText(db.Entry(b));
            return db.SaveChanges();
        });

        Assert.EndsWith("改", app.WithDb(db => db.Projects.Single(p => p.Id == projectId).Name));
        var after = await OutputsAsync(id, year);
        for (var n = 0; n < before.Count; n++) Assert.Equal(System.Text.Encoding.UTF8.GetString(before[n]), System.Text.Encoding.UTF8.GetString(after[n]));
    }
}
