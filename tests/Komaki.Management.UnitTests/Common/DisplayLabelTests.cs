using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.UnitTests.Common;

public class DisplayLabelTests
{
    [Fact]
    public void A_label_is_read_from_the_member_it_names()
    {
        Assert.Equal("公表済", EvaluationState.Published.Label());
        Assert.Equal("課", OrgUnitLevel.Division.Label());
    }

    [Fact]
    public void A_value_no_member_names_reads_as_its_number_rather_than_as_another_members_label()
    {
        Assert.Equal("99", ((Rating)99).Label());
    }

    [Fact]
    public void Every_member_of_a_labelled_enum_has_its_Japanese_label_so_none_shows_in_English()
    {
        var unlabelled = typeof(ProjectEvaluation).Assembly.GetTypes()
            .Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (t, f)))
            .GroupBy(x => x.t)
            .Where(g => g.Any(x => x.f.GetCustomAttribute<DisplayAttribute>() is not null))
            .SelectMany(g => g.Where(x => string.IsNullOrWhiteSpace(x.f.GetCustomAttribute<DisplayAttribute>()?.Name)))
            .Select(x => $"{x.t.Name}.{x.f.Name}")
            .ToList();
        Assert.Empty(unlabelled);
    }
}
