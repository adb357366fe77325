using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Reports;
using Komaki.Management.Core.Staffing;
using Komaki.Management.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Security;

/// The one door for "may this person do this with this record, and why not?" (IRecordRule, ADR 0017): every record
/// kind whose editing depends on who asks has a rule, each rule answers through the one handler for a person of the
/// demo city who may and one who may not, and a refusal says why in Japanese.
public class RecordRuleTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// The properties that tie a record to the unit, project, measure or person it belongs to: who may change such a
    /// record depends on who asks, so its kind needs a rule.
    private static readonly string[] OwnedBy = ["OwnerUnitId", "OrgUnitId", "ProjectId", "MeasureId", "StaffMemberId"];

    /// Kinds still decided by their pages alone: none left; a new versioned kind owned by a unit, project, measure or
    /// person needs a rule (a list that may only stay empty).
    private static readonly string[] NotYet = [];

    private static List<Type> RuleKinds() => typeof(IRecordRule<>).Assembly.GetTypes().Where(t => !t.IsAbstract)
        .SelectMany(t => t.GetInterfaces()).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecordRule<>))
        .Select(i => i.GetGenericArguments()[0]).ToList();

    [Fact]
    public void Every_versioned_record_that_belongs_to_a_unit_project_measure_or_person_has_one_rule_or_is_part_of_a_record_that_has()
    {
        var kinds = RuleKinds();
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        bool HasRule(Type t) => kinds.Any(k => k.IsAssignableFrom(t));
        var missing = app.WithDb(db => db.Model.GetEntityTypes()
            .Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType) && typeof(IAudited).IsAssignableFrom(e.ClrType) && !e.ClrType.IsAbstract)
            .Where(e => e.GetProperties().Any(p => OwnedBy.Contains(p.Name)))
            .Where(e => !HasRule(e.ClrType) && !NotYet.Contains(e.ClrType.Name))
            // A part edited on its whole's page (a risk's deficiency, an evaluation's goal) is asked about as the whole.
            .Where(e => !e.GetForeignKeys().Any(fk => fk.IsRequired && fk.DeleteBehavior == DeleteBehavior.Cascade && HasRule(fk.PrincipalEntityType.ClrType)))
            .Select(e => e.ClrType.Name).ToList());
        Assert.True(missing.Count == 0, "No IRecordRule for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_is_adapted_by_the_one_handler()
    {
        using var scope = app.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetServices<IAuthorizationHandler>().Select(h => h.GetType()).ToList();
        foreach (var kind in RuleKinds())
        {
            Assert.Contains(typeof(RecordRuleHandler<>).MakeGenericType(kind), handlers);
            Assert.NotNull(scope.ServiceProvider.GetService(typeof(IRecordRule<>).MakeGenericType(kind)));
        }
        Assert.DoesNotContain(handlers, h => h.Namespace == typeof(RecordRuleHandler<>).Namespace && !h.IsGenericType);
    }

    /// One record of the demo city, an operation, someone who may and someone who may not.
    private sealed record Case(string Name, Func<AppDbContext, Task<object>> Record, string Operation, string Allowed, string Refused);

    private const string RoadsHead = "doro-kacho@komaki.example";
    private const string RoadsStaff = "doro-tanto@komaki.example";
    private const string OtherHead = "kankyo-kacho@komaki.example";
    private const string Planning = "kikaku@komaki.example";
    private const string Personnel = "jinji@komaki.example";
    private const string Finance = "zaisei@komaki.example";
    private const string Mayor = "shicho@komaki.example";
    private const string Promotion = "gyosei@komaki.example";
    private const string Evaluation = "somu@komaki.example";
    private const string Auditor = "kansa@komaki.example";

    private static async Task<int> UnitOf(AppDbContext db, string email) => (await db.Users.SingleAsync(u => u.Email == email)).OrgUnitId!.Value;

    private static async Task<int> RoadsDepartmentOf(AppDbContext db) { var u = await UnitOf(db, RoadsHead); return (await db.OrgUnits.SingleAsync(x => x.Id == u)).ParentId!.Value; }

    private static async Task<int> RoadsProjectOf(AppDbContext db) { var u = await UnitOf(db, RoadsHead); return (await db.Projects.FirstAsync(p => p.OwnerUnitId == u)).Id; }

    /// Records read from the demo city where it has them; where a rule reads nothing beyond the record, a record of
    /// the roads division in the state the case needs.
    private static List<Case> Cases() =>
    [
        new("事務事業", async db => { var u = await UnitOf(db, RoadsHead); return await db.Projects.FirstAsync(p => p.OwnerUnitId == u); }, RecordOperation.Edit, RoadsHead, OtherHead),
        new("事務事業の廃止・体系の変更", async db => { var u = await UnitOf(db, RoadsHead); return await db.Projects.FirstAsync(p => p.OwnerUnitId == u); }, PlanElementRule.EditStructure, Planning, RoadsHead),
        new("施策の追加", async db => PlanElementCommands.New(PlanLevel.Measure, (await db.Policies.FirstAsync()).Id), PlanElementRule.EditStructure, Planning, OtherHead),
        new("事務事業の閲覧", async db => await db.Projects.FirstAsync(), RecordOperation.Read, OtherHead, "nobody"),
        new("指標の定義", async db => new Indicator { ProjectId = await RoadsProjectOf(db) }, RecordOperation.Edit, RoadsHead, RoadsStaff),
        new("施策の指標の定義", async db => new Indicator { MeasureId = (await db.Measures.FirstAsync()).Id }, RecordOperation.Edit, Planning, RoadsHead),
        new("指標の目標値・実績値", async db => new Indicator { ProjectId = await RoadsProjectOf(db) }, IndicatorRule.EnterValues, RoadsStaff, OtherHead),
        new("公表前の事務事業評価", async db => new ProjectEvaluation { OwnerUnitId = await UnitOf(db, RoadsHead), State = EvaluationState.FirstReviewed }, RecordOperation.Read, RoadsStaff, OtherHead),
        new("作成中の事務事業評価", async db => new ProjectEvaluation { OwnerUnitId = await UnitOf(db, RoadsHead), State = EvaluationState.Draft }, RecordOperation.Edit, RoadsStaff, OtherHead),
        new("公表した事務事業評価", async db => new ProjectEvaluation { OwnerUnitId = await UnitOf(db, RoadsHead), State = EvaluationState.Published }, RecordOperation.Edit, "nobody", Planning),
        new("事務事業評価シートの作成", async db => new ProjectEvaluation { ProjectId = await RoadsProjectOf(db), FiscalYear = 2025, OwnerUnitId = await UnitOf(db, RoadsHead) },
            ProjectEvaluationRule.Start, RoadsStaff, OtherHead),
        new("事務事業評価の手続き", async db => new ProjectEvaluation { OwnerUnitId = await UnitOf(db, RoadsHead), State = EvaluationState.Draft }, ProjectEvaluationRule.TakeStep, RoadsHead, OtherHead),
        new("改善", async db => new ImprovementAction { OwnerUnitId = await UnitOf(db, RoadsHead) }, RecordOperation.Edit, RoadsHead, OtherHead),
        new("改善の再開", async db => new ImprovementAction { OwnerUnitId = await UnitOf(db, RoadsHead) }, ImprovementActionRule.Reopen, Planning, RoadsHead),
        new("改善の反映案の確認", async db => new ImprovementAction { OwnerUnitId = await UnitOf(db, RoadsHead), State = ImprovementState.Proposed, ProposedByUser = RoadsHead },
            ImprovementActionRule.Confirm, Planning, RoadsHead),
        new("施策評価", async db => new MeasureEvaluation { MeasureId = (await db.Measures.FirstAsync()).Id, FiscalYear = 2026 }, RecordOperation.Edit, Planning, OtherHead),
        new("作成中の組織目標", async db => new OrganizationalGoal { OrgUnitId = await UnitOf(db, RoadsHead), State = GoalState.Draft }, RecordOperation.Read, RoadsHead, OtherHead),
        new("組織目標の内容", async db => new OrganizationalGoal { OrgUnitId = await UnitOf(db, RoadsHead), State = GoalState.Draft }, RecordOperation.Edit, RoadsHead, RoadsStaff),
        new("予算", async db => new BudgetLine { ProjectId = await RoadsProjectOf(db), FiscalYear = 2026 }, RecordOperation.Edit, Planning, OtherHead),
        new("決算済の予算", async db => new BudgetLine { ProjectId = await RoadsProjectOf(db), FiscalYear = 2026, Settled = 1_000_000 }, RecordOperation.Edit, Planning, RoadsHead),
        new("予算の査定額・当初・補正・決算", async db => new BudgetLine { ProjectId = await RoadsProjectOf(db), FiscalYear = 2027 }, BudgetLineRule.EnterLaterStages, Planning, RoadsHead),
        new("ほかの課の予算の査定額", async db => new BudgetLine { ProjectId = await RoadsProjectOf(db), FiscalYear = 2027 }, BudgetLineRule.EnterLaterStages, "admin@komaki.example", OtherHead),
        new("実施計画", async db => new ImplementationPlanLine { ProjectId = await RoadsProjectOf(db), ImplementationPlanId = (await db.ImplementationPlans.OrderByDescending(p => p.FiscalYear).FirstAsync()).Id },
            RecordOperation.Edit, RoadsHead, OtherHead),
        new("実行計画", async db => new ExecutionPlan { OwnerUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, RecordOperation.Edit, RoadsHead, RoadsStaff),
        new("実行計画の進捗", async db => new ExecutionPlan { OwnerUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, ExecutionPlanRule.ReportProgress, RoadsStaff, OtherHead),
        new("市民の声", async db => await db.CitizenInputs.FirstAsync(), RecordOperation.Edit, Planning, RoadsHead),
        new("定員", async db => new StaffingLine { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, RecordOperation.Edit, RoadsHead, OtherHead),
        new("定員（人事担当）", async db => new StaffingLine { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, RecordOperation.Edit, Personnel, RoadsStaff),
        new("予算要求の閲覧", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead) }, RecordOperation.Read, RoadsStaff, OtherHead),
        new("予算要求の入力", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead) }, RecordOperation.Edit, RoadsStaff, OtherHead),
        new("予算要求の提出（自分の入力は不可）", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead), EnteredBy = RoadsStaff }, BudgetRequestRule.Submit, RoadsHead, RoadsStaff),
        new("予算要求の提出（入力した所属長）", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead), EnteredBy = RoadsHead }, BudgetRequestRule.Submit, "nobody", RoadsHead),
        new("復活要求", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead) }, BudgetRequestRule.Restore, RoadsHead, RoadsStaff),
        new("予算要求の財政課査定", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead) }, BudgetRequestRule.Assess(BudgetStage.FinanceAssessment), Finance, RoadsHead),
        new("予算要求の市長査定", async db => new BudgetRequest { OrgUnitId = await UnitOf(db, RoadsHead) }, BudgetRequestRule.Assess(BudgetStage.MayorAssessment), Mayor, Planning),
        new("予算編成方針", db => Task.FromResult<object>(BudgetRound.Defaults(2027)), RecordOperation.Edit, Finance, Planning),
        new("全庁の予算要求", db => Task.FromResult<object>(BudgetRound.Defaults(2027)), BudgetRoundRule.ReadCity, Planning, RoadsHead),
        new("部の予算要求", async db => new BudgetDepartment(2027, await RoadsDepartmentOf(db)), RecordOperation.Read, RoadsStaff, OtherHead),
        new("部の段階の確定", async db => new BudgetDepartment(2027, await RoadsDepartmentOf(db)), BudgetDepartmentRule.Commit(BudgetStage.FinanceAssessment), Finance, RoadsHead),
        new("部の市長査定の確定", async db => new BudgetDepartment(2027, await RoadsDepartmentOf(db)), BudgetDepartmentRule.Commit(BudgetStage.MayorAssessment), Mayor, Planning),
        new("査定調書の出力", async db => new BudgetDepartment(2027, await RoadsDepartmentOf(db)), BudgetDepartmentRule.ExportChousho, Finance, Planning),
        new("内部統制のリスク", async db => new ControlRisk { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026, State = RiskState.Draft }, RecordOperation.Read, RoadsStaff, OtherHead),
        new("作成中の内部統制のリスク", async db => new ControlRisk { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026, State = RiskState.Draft }, RecordOperation.Edit, RoadsStaff, OtherHead),
        new("内部統制のリスクの提出", async db => new ControlRisk { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026, State = RiskState.Draft }, ControlRiskRule.Submit, RoadsHead, RoadsStaff),
        new("内部統制のリスク登録簿の提出", async db => new ControlRisk { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, ControlRiskRule.SubmitRegister, RoadsHead, RoadsStaff),
        new("内部統制のリスクの評価", async db => new ControlRisk { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026, State = RiskState.Submitted }, ControlRiskRule.Evaluate, Evaluation, RoadsHead),
        new("報告書の前の年度のリスク一覧", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), RecordOperation.Read, RoadsStaff, Auditor),
        new("報告書を作成した年度のリスク一覧", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2025), RecordOperation.Read, Auditor, "nobody"),
        new("市全体のリスク一覧", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), ControlYearRule.ReadCity, Mayor, RoadsHead),
        new("内部統制の日程・督促・定義", _ => Task.FromResult<object>(new ControlYear { FiscalYear = 2027 }), ControlYearRule.Promote, Promotion, Planning),
        new("内部統制の年度の評価", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), ControlYearRule.Evaluate, Evaluation, Promotion),
        new("内部統制評価報告書", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2025), ControlYearRule.ReadReport, Planning, RoadsHead),
        new("内部統制の報告書の作成の記録", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), ControlYearRule.Record(ControlYearStep.Report), Promotion, Planning),
        new("内部統制の監査委員の審査の記録", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), ControlYearRule.Record(ControlYearStep.AuditReview), Auditor, Promotion),
        new("内部統制の公表の記録", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2026), ControlYearRule.Record(ControlYearStep.Publish), Planning, Promotion),
        new("内部統制の基本方針の改定", async db => await db.ControlPolicies.OrderByDescending(p => p.Edition).FirstAsync(p => !p.AwaitingConfirmation), RecordOperation.Edit, Promotion, Planning),
        new("最初の内部統制の基本方針", _ => Task.FromResult<object>(new ControlPolicy()), RecordOperation.Edit, Planning, RoadsHead),
        new("人事評価", async db => await db.PersonnelEvaluations.FirstAsync(), RecordOperation.Read, Personnel, Planning),
        new("実施計画の版", _ => Task.FromResult<object>(new ImplementationPlan { FiscalYear = 2027 }), RecordOperation.Edit, Planning, RoadsHead),
        new("定員の要求", async db => new StaffingLine { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, StaffingLineRule.Request, RoadsHead, Personnel),
        new("定員の査定", async db => new StaffingLine { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, StaffingLineRule.Assess, Personnel, RoadsHead),
        new("市民意識調査の結果", async db => new SurveyResult { MeasureId = (await db.Measures.FirstAsync()).Id, FiscalYear = 2026 }, RecordOperation.Edit, Planning, RoadsHead),
        new("読み替え表", _ => Task.FromResult<object>(new LabelMapping { Kind = LabelKind.Direction, Label = "継続" }), RecordOperation.Edit, Planning, RoadsHead),
        new("部課名の対応", async db => new UnitNameMapping { OrgUnitId = await UnitOf(db, RoadsHead), Name = "建設部道路課", Key = "建設部道路課" }, RecordOperation.Edit, Planning, RoadsHead),
        new("事務処理ミスの閲覧", async db => new ProcessingError { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, RecordOperation.Read, RoadsStaff, OtherHead),
        new("事務処理ミスの報告", async db => new ProcessingError { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, RecordOperation.Edit, RoadsStaff, OtherHead),
        new("事務処理ミスの公表", async db => new ProcessingError { OrgUnitId = await UnitOf(db, RoadsHead), FiscalYear = 2026 }, ProcessingErrorRule.Publish, Planning, RoadsHead),
        new("人事評価の評価者の変更", async db => await db.PersonnelEvaluations.FirstAsync(), PersonnelEvaluationRule.Reassign, Personnel, Planning),
        new("自分の人事評価の評価者の変更", async db => new PersonnelEvaluation { StaffMemberId = (await db.StaffMembers.SingleAsync(s => s.Email == RoadsHead)).Id },
            PersonnelEvaluationRule.Reassign, "nobody", RoadsHead),
        new("人事評価の業績目標", async db => new PerformanceGoal { PersonnelEvaluationId = (await db.PersonnelEvaluations.FirstAsync()).Id }, RecordOperation.Read, Personnel, Planning),
        new("評価の開始前に書いた業績目標", async db => new PerformanceGoal { OwnerUserId = (await db.Users.SingleAsync(u => u.Email == RoadsHead)).Id, FiscalYear = 2027 },
            RecordOperation.Edit, RoadsHead, Personnel),
        new("退職日", async db => await db.StaffMembers.FirstAsync(s => s.UserId != null && s.Email != Personnel), StaffMemberRule.SetLeaving, Personnel, RoadsHead),
        new("達成度の判定基準", _ => Task.FromResult<object>(new JudgmentBand()), RecordOperation.Edit, Planning, RoadsHead),
        new("主要施策成果説明書の議会提出", _ => Task.FromResult<object>(new ResultsSubmission { FiscalYear = 2025 }), RecordOperation.Edit, Planning, RoadsHead),
        new("外部評価の会の登録", _ => Task.FromResult<object>(new ExternalReview()), RecordOperation.Edit, Planning, RoadsHead),
        new("委員でない外部評価の会の閲覧", _ => Task.FromResult<object>(new ExternalReview()), RecordOperation.Read, RoadsHead, "hyoka@komaki.example"),
        new("報告書を作成した年度の市全体のリスク一覧を開く", async db => await db.ControlYears.SingleAsync(y => y.FiscalYear == 2025), ControlYearRule.OpenCity, Auditor, RoadsHead),
        new("自分の退職日", async db => new StaffMember { UserId = (await db.Users.SingleAsync(u => u.Email == Personnel)).Id }, StaffMemberRule.SetLeaving, "admin@komaki.example", Personnel),
    ];

    [Fact]
    public async Task Each_rule_through_the_one_handler_allows_who_may_and_refuses_who_may_not_saying_why_in_Japanese()
    {
        var cases = Cases();
        var problems = new List<string>();
        foreach (var kind in RuleKinds())
        {
            if (!await AnyCaseOfAsync(cases, kind)) problems.Add($"{kind.Name}: no case drives its rule");
        }
        foreach (var c in cases)
        {
            if (c.Allowed != "nobody" && await RefusalAsync(c, c.Allowed) is { } refused) problems.Add($"{c.Name} {c.Operation}: {c.Allowed} refused ({refused})");
            if (c.Refused == "nobody") continue;
            var reason = await RefusalAsync(c, c.Refused);
            if (reason is null) problems.Add($"{c.Name} {c.Operation}: {c.Refused} allowed");
            else if (!reason.Any(ch => ch > 0x3000)) problems.Add($"{c.Name} {c.Operation}: the reason is not Japanese ({reason})");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_operation_a_rule_does_not_know_and_a_record_kind_without_a_rule_are_refused()
    {
        var project = new Case("事務事業", async db => await db.Projects.FirstAsync(), "Delete", Planning, Planning);
        Assert.NotNull(await RefusalAsync(project, Planning));
        var noRule = new Case("組織", async db => await db.OrgUnits.FirstAsync(), RecordOperation.Edit, Planning, Planning);
        Assert.NotNull(await RefusalAsync(noRule, "admin@komaki.example"));
    }

    private async Task<bool> AnyCaseOfAsync(List<Case> cases, Type kind)
    {
        foreach (var c in cases)
        {
            using var scope = app.Services.CreateScope();
            if (kind.IsInstanceOfType(await c.Record(scope.ServiceProvider.GetRequiredService<AppDbContext>()))) return true;
        }
        return false;
    }

    /// Asks IAuthorizationService as a page does, for the person signed in with the email: null when allowed.
    private async Task<string?> RefusalAsync(Case c, string email)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            var record = await c.Record(services.GetRequiredService<AppDbContext>());
            var result = await services.GetRequiredService<IAuthorizationService>()
                .AuthorizeAsync(principal, record, new OperationAuthorizationRequirement { Name = c.Operation });
            return result.Succeeded ? null : result.Failure?.FailureReasons.Select(r => r.Message).FirstOrDefault() ?? "(no reason)";
        }
        finally
        {
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        }
    }
}
