using Komaki.Management.Core.Plans;

namespace Komaki.Management.UnitTests.Plans;

/// The published-actual rule on the indicator itself, which every door (the values form, the evaluation import, the
/// command line's import) calls: a published actual changes only as a correction with a reason, and the value as
/// published is kept beside it.
public class IndicatorEntryTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Indicator With(decimal? target, decimal? actual)
    {
        var indicator = new Indicator { Id = 7, Name = "啓発看板の設置基数", Unit = "基" };
        indicator.SetValue(2024, target, actual);
        return indicator;
    }

    [Fact]
    public void A_published_actual_changes_only_with_a_reason_and_keeps_the_value_as_published()
    {
        var indicator = With(100, 80);
        Assert.Equal(ValueEntry.NeedsReason, indicator.Enter(2024, 100, 85, actualPublished: true, correctionReason: null, Now));
        Assert.Equal(ValueEntry.NeedsReason, indicator.Enter(2024, 100, null, actualPublished: true, correctionReason: "  ", Now));
        var value = Assert.Single(indicator.Values);
        Assert.Equal((80m, null, null, null), (value.Actual!.Value, value.PublishedActual, value.CorrectedAt, value.CorrectionReason));

        Assert.Equal(ValueEntry.Corrected, indicator.Enter(2024, 100, 85, actualPublished: true, " 集計の誤り ", Now));
        Assert.Equal((85m, 80m, Now, "集計の誤り"), (value.Actual!.Value, value.PublishedActual!.Value, value.CorrectedAt!.Value, value.CorrectionReason));
        // A second correction keeps the value as first published.
        Assert.Equal(ValueEntry.Corrected, indicator.Enter(2024, 100, 86, actualPublished: true, "再集計", Now.AddDays(1)));
        Assert.Equal((86m, 80m), (value.Actual!.Value, value.PublishedActual!.Value));
        // Emptied, a corrected year keeps its row and the correction with it.
        Assert.Equal(ValueEntry.Corrected, indicator.Enter(2024, null, null, actualPublished: true, "調査中止", Now));
        Assert.Equal((null, 80m), (value.Actual, value.PublishedActual!.Value));
    }

    [Fact]
    public void What_is_not_a_correction_needs_no_reason()
    {
        // A year published before its actual was entered: the first entry is not a correction.
        var first = With(100, null);
        Assert.Equal(ValueEntry.Set, first.Enter(2024, 100, 70, actualPublished: true, correctionReason: null, Now));
        Assert.Null(first.Values[0].CorrectedAt);
        // The target of a published year, and anything of a year not published, change freely.
        Assert.Equal(ValueEntry.Set, first.Enter(2024, 110, 70, actualPublished: true, correctionReason: null, Now));
        var open = With(100, 80);
        Assert.Equal(ValueEntry.Set, open.Enter(2024, 100, 81, actualPublished: false, correctionReason: null, Now));
        Assert.Equal(ValueEntry.Unchanged, open.Enter(2024, 100, 81, actualPublished: true, correctionReason: null, Now));
        Assert.Equal(ValueEntry.Unchanged, open.Enter(2030, null, null, actualPublished: false, correctionReason: null, Now));
        Assert.Equal(ValueEntry.Removed, open.Enter(2024, null, null, actualPublished: false, correctionReason: null, Now));
        Assert.Empty(open.Values);
    }
}
