using Komaki.Management.UnitTests.Builders;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Staffing;

namespace Komaki.Management.UnitTests.InternalControl;

public class ControlRulesTests
{
    private static readonly ControlPolicy Policy = new() { PromotionUnitId = TestCity.Parks, EvaluationUnitId = TestCity.OtherDepartment };

    [Theory]
    [InlineData(3, 3, RiskPriority.High)]
    [InlineData(2, 3, RiskPriority.High)]
    [InlineData(2, 2, RiskPriority.Medium)]
    [InlineData(1, 3, RiskPriority.Medium)]
    [InlineData(1, 2, RiskPriority.Low)]
    [InlineData(1, 1, RiskPriority.Low)]
    public void Priority_is_likelihood_times_impact_and_says_so(int likelihood, int impact, RiskPriority expected)
    {
        Assert.Equal(expected, RiskPriorities.Of(likelihood, impact));
        Assert.StartsWith($"発生可能性 {likelihood} × 影響度 {impact} = {likelihood * impact}", RiskPriorities.Explain(likelihood, impact));
    }

    [Fact]
    public void A_division_sees_its_own_risks_the_bodies_and_executives_see_all()
    {
        var risk = new ControlRisk { OrgUnitId = TestCity.RoadMaintenance, State = RiskState.Draft };
        Assert.True(ControlAccess.CanRead(TestCity.As(Roles.DepartmentStaff, TestCity.Roads), risk, Policy, TestCity.Org));
        Assert.True(ControlAccess.CanRead(TestCity.As(Roles.DepartmentStaff, TestCity.Parks), risk, Policy, TestCity.Org));
        Assert.True(ControlAccess.CanRead(TestCity.As(Roles.Executive), risk, Policy, TestCity.Org));
        Assert.False(ControlAccess.CanRead(TestCity.As(Roles.Planning, TestCity.Roads + 100), risk, Policy, TestCity.Org));
        Assert.False(ControlAccess.CanRead(TestCity.As(Roles.Administrator), risk, Policy, TestCity.Org));
        Assert.False(ControlAccess.CanRead(TestCity.As(Roles.Auditor), risk, Policy, TestCity.Org));
        Assert.True(ControlAccess.CanReadReport(TestCity.As(Roles.Auditor), Policy, TestCity.Org));
        Assert.Null(ControlAccess.CheckEdit(TestCity.As(Roles.DepartmentStaff, TestCity.Roads), risk, TestCity.Org));
        Assert.NotNull(ControlAccess.CheckSubmit(TestCity.As(Roles.DepartmentStaff, TestCity.Roads), risk, TestCity.Org));
        Assert.Null(ControlAccess.CheckSubmit(TestCity.As(Roles.DepartmentHead, TestCity.Roads), risk, TestCity.Org));
        risk.State = RiskState.Submitted;
        Assert.NotNull(ControlAccess.CheckEdit(TestCity.As(Roles.DepartmentStaff, TestCity.Roads), risk, TestCity.Org));
        Assert.Null(ControlAccess.CheckEvaluate(TestCity.As(Roles.DepartmentStaff, TestCity.OtherDepartment), risk, Policy, new ControlYear(), TestCity.Org));
        Assert.NotNull(ControlAccess.CheckEvaluate(TestCity.As(Roles.DepartmentStaff, TestCity.OtherDepartment), risk, Policy, new ControlYear { ReportedOn = new DateOnly(2026, 5, 1) }, TestCity.Org));
    }

    [Fact]
    public void The_evaluation_body_does_not_evaluate_its_own_risks_the_promotion_body_does()
    {
        // 評価部局 is 道路課 here: its staff evaluate 公園緑地課's risks but not 道路課's or 道路維持係's; the 推進部局 does.
        var policy = new ControlPolicy { PromotionUnitId = TestCity.OtherDepartment, EvaluationUnitId = TestCity.Roads };
        foreach (var unit in new[] { TestCity.Roads, TestCity.RoadMaintenance })
        {
            var own = new ControlRisk { OrgUnitId = unit, State = RiskState.Submitted };
            foreach (var role in new[] { Roles.DepartmentStaff, Roles.DepartmentHead })
            {
                Assert.NotNull(ControlAccess.CheckEvaluate(TestCity.As(role, TestCity.Roads), own, policy, new ControlYear(), TestCity.Org));
                Assert.NotNull(ControlAccess.CheckEvaluate(TestCity.As(role, TestCity.RoadMaintenance), own, policy, new ControlYear(), TestCity.Org));
            }
            Assert.Null(ControlAccess.CheckEvaluate(TestCity.As(Roles.DepartmentStaff, TestCity.OtherDepartment), own, policy, new ControlYear(), TestCity.Org));
        }
        var other = new ControlRisk { OrgUnitId = TestCity.Parks, State = RiskState.Submitted };
        Assert.Null(ControlAccess.CheckEvaluate(TestCity.As(Roles.DepartmentStaff, TestCity.Roads), other, policy, new ControlYear(), TestCity.Org));
        Assert.NotNull(ControlAccess.CheckEvaluate(TestCity.As(Roles.DepartmentStaff, TestCity.OtherDepartment), other, policy, new ControlYear(), TestCity.Org));
    }

    [Fact]
    public void The_cycle_goes_in_order_each_step_by_its_body()
    {
        var year = new ControlYear();
        Assert.Equal(ControlYearStep.Request, ControlYearSteps.Next(year));
        Assert.NotNull(ControlYearSteps.Order(ControlYearStep.Consolidate, year));
        Assert.NotNull(ControlYearSteps.Who(ControlYearStep.Request, TestCity.As(Roles.Planning, TestCity.Roads), Policy, TestCity.Org));
        Assert.Null(ControlYearSteps.Who(ControlYearStep.Request, TestCity.As(Roles.DepartmentStaff, TestCity.Parks), Policy, TestCity.Org));
        Assert.Null(ControlYearSteps.Who(ControlYearStep.AuditReview, TestCity.As(Roles.Auditor), Policy, TestCity.Org));
        Assert.Null(ControlYearSteps.Who(ControlYearStep.Publish, TestCity.As(Roles.Planning, TestCity.Roads), Policy, TestCity.Org));
        (year.RequestedOn, year.ConsolidatedOn, year.ReportedOn) = (new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1), new DateOnly(2027, 5, 1));
        Assert.Equal(ControlYearStep.AuditReview, ControlYearSteps.Next(year));
        Assert.NotNull(ControlYearSteps.Order(ControlYearStep.Council, year));
    }

    [Fact]
    public void A_material_weakness_left_uncorrected_makes_the_conclusion_not_effective()
    {
        var risk = new ControlRisk { State = RiskState.Evaluated, Deficiencies = [new ControlDeficiency { Kind = DeficiencyKind.Material, DueOn = new DateOnly(2026, 3, 31) }] };
        var report = new ControlReport(2025, null, null, [risk], [], new DateOnly(2026, 12, 1));
        Assert.Contains("有効に整備・運用されているとはいえません", report.Conclusion);
        Assert.Equal(1, report.Overdue);
        risk.Deficiencies[0].CorrectedOn = new DateOnly(2026, 3, 1);
        report = new ControlReport(2025, null, null, [risk], [], new DateOnly(2026, 12, 1));
        Assert.Contains("有効に整備・運用されていると判断します", report.Conclusion);
        Assert.DoesNotContain("または", report.Conclusion);
        Assert.Equal((0, 1), (report.Overdue, report.Corrected));
    }

    [Fact]
    public void A_report_with_unevaluated_risks_says_so_instead_of_concluding_effective()
    {
        var risks = new[] { new ControlRisk { State = RiskState.Evaluated }, new ControlRisk { State = RiskState.Submitted }, new ControlRisk { State = RiskState.Draft } };
        var figures = ControlFigures.Of(risks, [], new DateOnly(2027, 5, 1), null);
        Assert.Equal(2, figures.Unevaluated);
        Assert.Contains("3件のうち2件が評価されていない", figures.Conclusion);
        Assert.DoesNotContain("判断します", figures.Conclusion);
    }

    [Fact]
    public void Frozen_figures_keep_their_overdue_count_whatever_the_day_they_are_read()
    {
        var risk = new ControlRisk { State = RiskState.Evaluated, Deficiencies = [new ControlDeficiency { Kind = DeficiencyKind.Operation, DueOn = new DateOnly(2027, 6, 30) }] };
        var cycle = new ControlYear { ReportSnapshot = ControlFigures.Of([risk], [], new DateOnly(2027, 5, 1), "評価報告書の作成").ToJson() };
        var later = new ControlReport(2026, null, cycle, [risk, new ControlRisk()], [], new DateOnly(2027, 12, 1));
        Assert.Equal((0, 1, true), (later.Overdue, later.Figures.Risks, later.IsFrozen));
        Assert.Equal(1, new ControlReport(2026, null, null, [risk], [], new DateOnly(2027, 12, 1)).Overdue);
    }

    [Fact]
    public void A_division_is_flagged_beyond_the_tolerance_and_never_without_evaluations()
    {
        Reconciliation Row(decimal personYears, int evaluations, decimal staff) =>
            new(1, personYears, evaluations, staff, false, null, null, staff, new Dictionary<Direction, int>(), 0, 0, 0.5m);
        Assert.False(Row(4.6m, 3, 5).Flagged);
        Assert.True(Row(4.4m, 3, 5).Flagged);
        Assert.Contains("= +0.6", Row(4.4m, 3, 5).Explain());
        Assert.True(Row(6m, 3, 5).Flagged);
        Assert.False(Row(0, 0, 5).Flagged);
        Assert.Equal("この課の事務事業評価がないため、人工と突合できません。", Row(0, 0, 5).Explain());
    }
}
