using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Importing;

/// The import pipeline names no feature (issue 28): each feature tells what the labels of its kind may mean. A kind no
/// feature tells would read no label at all and offer nothing to choose, so every kind is told, by exactly one feature.
public class LabelMeaningsTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    [Fact]
    public async Task Every_label_kind_is_told_by_exactly_one_feature_with_values_to_choose_from()
    {
        Assert.Equal(Enum.GetValues<LabelKind>(), LabelBook.KindsTold);
        using var scope = app.Services.CreateScope();
        var book = await LabelBook.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ImportChoices.None);
        foreach (var kind in Enum.GetValues<LabelKind>()) Assert.True(book.Options(kind).Count >= 2, $"{kind}: {book.Options(kind).Count} values");
    }

    [Theory]
    [InlineData(LabelKind.Direction, "拡大")]
    [InlineData(LabelKind.ImplementationStatus, "拡充")]
    [InlineData(LabelKind.ProgressStatus, "遅れ")]
    [InlineData(LabelKind.Rating, "B")]
    [InlineData(LabelKind.JobLevel, "課長")]
    [InlineData(LabelKind.Employment, "会計年度任用職員")]
    public async Task A_value_s_name_and_a_feature_s_everyday_word_read_without_the_label_table(LabelKind kind, string label)
    {
        using var scope = app.Services.CreateScope();
        var book = await LabelBook.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ImportChoices.None);
        Assert.True(book.TryRead(kind, label, out var value), $"{kind}「{label}」");
        Assert.Contains(book.Options(kind), o => o.Value == value);
    }
}
