using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;
using Komaki.Management.Web.Features.History;

namespace Komaki.Management.IntegrationTests.History;

/// A history reads as staff speak: every field by its Japanese name, people by name, numbers and years as the rest
/// of the app shows them, and records referred to by their code and name rather than an id.
public class HistoryWordingTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// Read from [Display(Name = …)] on the entity's property (or [FieldLabel] for what it inherits), through the model:
    /// a field added without one fails here instead of showing as its property name.
    [Fact]
    public void Every_field_the_history_records_has_a_japanese_name()
    {
        var missing = app.WithDb(db => db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetFlattenedProperties().Where(p => !p.IsPrimaryKey() && !AppDbContext.NotAudited.Contains(p.Name))
                .Where(p => FieldLabels.Find(t.ClrType, p.Name) is null).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList());
        Assert.True(missing.Count == 0, "no Japanese name for: " + string.Join(", ", missing));
    }

    /// A recorded choice reads by the [Display] name of its enum member (the 方向性 in the city's own words): a member
    /// added without one fails here instead of showing as 「Deficient」 in a history.
    [Fact]
    public void Every_choice_the_history_records_reads_in_japanese()
    {
        var missing = app.WithDb(db => db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType))
            .Where(t => t.IsEnum && t != typeof(Core.Evaluation.Direction)).Distinct()
            .SelectMany(t => Enum.GetNames(t).Where(n => Core.Common.DisplayLabels.LabelOf(t, n) is not { } label || label.All(char.IsAscii)).Select(n => $"{t.Name}.{n}"))
            .Order(StringComparer.Ordinal).ToList());
        Assert.True(missing.Count == 0, "no Japanese [Display] name for: " + string.Join(", ", missing));
    }

    /// The same property name reads as what it is on each record.
    [Fact]
    public void A_field_name_can_read_differently_per_record()
    {
        Assert.Equal("対応状況", FieldLabels.Of(nameof(Core.CitizenVoice.CitizenInput), "Status"));
        Assert.Equal("区分", FieldLabels.Of(nameof(Core.Implementation.ImplementationPlanLine), "Status"));
        Assert.Equal("今後の方向性", FieldLabels.Of(nameof(Core.Evaluation.ImprovementAction), "Direction"));
        Assert.Equal("方向", FieldLabels.Of(nameof(Core.Plans.Indicator), "Direction"));
        Assert.Equal("メールアドレス", FieldLabels.Of(nameof(Core.Identity.AppUser), "Email"));
    }

    [Fact]
    public async Task A_change_reads_with_the_persons_name_japanese_field_names_plain_numbers_and_named_records()
    {
        var planning = await app.SignedInAsync("kikaku@komaki.example");
        var (indicator, measureLabel) = app.WithDb(db => db.Indicators.Where(i => i.MeasureId != null).Select(i => new { i.Id, Label = i.Measure!.Code + " " + i.Measure.Name }).AsEnumerable()
            .Select(i => (i.Id, i.Label)).First());
        var url = $"/Indicators/{indicator}/Edit";
        var form = await planning.GetStringAsync(url);
        var fields = HtmlForms.Fields(form, url);
        fields["Weight"] = "2.5";
        fields["BaselineValue"] = "1234.5";
        var saved = await planning.PostAsync(url, KomakiFactory.Form(KomakiFactory.TokenIn(form), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var history = await planning.GetStringAsync($"/History/Indicator/{indicator}");
        Assert.Contains("企画 花子", history);
        Assert.DoesNotContain("kikaku@komaki.example", history);
        Assert.Contains("判定での重み", history);
        Assert.DoesNotContain(">Weight<", history);
        Assert.Matches(@"diff-old"">1</td>\s*<td class=""small diff-new"">2.5</td>", history);
        Assert.Contains("1,234.5", history);

        // The indicator's creation, recorded by the seeding, names its measure rather than an id, and the system.
        var all = string.Concat(await Task.WhenAll(Enumerable.Range(1, 3).Select(p => planning.GetStringAsync($"/History/Indicator/{indicator}?page={p}"))));
        Assert.Contains(HistoryWording.System, all);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(measureLabel), all);
        Assert.DoesNotMatch(@">system<", all);
        Assert.DoesNotMatch(@"diff-new"">\d+\.0</td>", all);
    }
}
