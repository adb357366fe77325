using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Evaluations;

/// A published actual changes only as a correction with its reason, whichever door the change comes through: the
/// evaluation-history import refuses the row and names the value, and the rule on the record itself refuses a save
/// that does not carry a reason (the screen's and the command line's saves go through it too).
public class PublishedActualCorrectionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task An_import_or_any_save_cannot_change_a_published_actual_without_a_correction_reason()
    {
        var file = LegacyEvaluationImportTests.Fixture();
        var preview = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: false, LegacyEvaluationImportTests.InThousands);
        var register = LegacyEvaluationImportTests.InThousands with { Units = preview.UnmappedUnits.ToDictionary(u => u.ChoiceKey, _ => UnitChoice.Create) };
        Assert.True((await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, register)).Applied);

        // Planning publishes 令和2年度 after the value was entered as 10 (the sheet says 11).
        var valueId = app.WithDb(db =>
        {
            var value = db.IndicatorValues.Single(v => v.FiscalYear == 2020 && v.Indicator!.Name == "啓発看板の設置基数" && v.Indicator.Project!.Code == "0086");
            value.Actual = 10;
            db.Publications.Add(new Publication { Kind = PublicationKind.IndicatorActuals, FiscalYear = 2020, PublishedAt = DateTime.UtcNow, PublishedBy = "kikaku@komaki.example" });
            db.SaveChanges();
            return value.Id;
        });

        var again = await app.ImportAsync(SheetKind.Evaluations, file, 2025, apply: true, LegacyEvaluationImportTests.InThousands);
        Assert.False(again.Applied);
        var refused = Assert.Single(again.Refused, r => r.Reason.Contains("啓発看板の設置基数", StringComparison.Ordinal));
        Assert.Contains("指標「啓発看板の設置基数」の令和2年度（10 → 11）の実績値は公表済みです", refused.Reason);
        Assert.Equal(10m, app.WithDb(db => db.IndicatorValues.Single(v => v.Id == valueId).Actual));

        // The rule on the record: no reason, no change — whoever saves.
        Assert.Throws<PublishedActualChangeException>(() => app.WithDb(db =>
        {
            db.IndicatorValues.Single(v => v.Id == valueId).Actual = 12;
            return db.SaveChanges();
        }));
        Assert.Throws<PublishedActualChangeException>(() => app.WithDb(db =>
        {
            db.IndicatorValues.Remove(db.IndicatorValues.Single(v => v.Id == valueId));
            return db.SaveChanges();
        }));
        app.WithDb(db =>
        {
            var value = db.IndicatorValues.Single(v => v.Id == valueId);
            (value.Actual, value.CorrectionReason, value.CorrectedAt) = (11, "集計の誤りを訂正", DateTime.UtcNow);
            return db.SaveChanges();
        });
        Assert.Equal(11m, app.WithDb(db => db.IndicatorValues.AsNoTracking().Single(v => v.Id == valueId).Actual));
    }
}
