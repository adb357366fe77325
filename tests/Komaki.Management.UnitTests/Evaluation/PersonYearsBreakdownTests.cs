using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.UnitTests.Evaluation;

public class PersonYearsBreakdownTests
{
    private static List<string> Errors(string total, string? reappointed, string? fiscal) =>
        new EvaluationFormValidator().Validate(new EvaluationForm { StaffPersonYears = total, ReappointedPersonYears = reappointed, FiscalYearPersonYears = fiscal })
            .Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void The_parts_of_the_person_years_may_not_exceed_the_whole_and_must_be_numbers()
    {
        Assert.Empty(Errors("1.5", null, null));
        Assert.Empty(Errors("1.5", "0.5", "１"));
        Assert.Equal(["うち再任用とうち会計年度任用の合計（1.6）が人工（1.5）を超えています。"], Errors("1.5", "0.6", "1"));
        Assert.Equal(["うち会計年度任用の人工は0〜100の数値（小数2桁まで）で入力してください。"], Errors("1.5", null, "半分"));
    }
}
