using System.Reflection;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.IntegrationTests.Shared;

/// 対応待ち and the PDCA board are built of what each feature contributes (IWaitingContribution, IBoardContribution),
/// found by scan. Every workflow of Core, every entity with a due date and every entity with a state in which it waits
/// for someone (a state labelled 「…待ち」) must be covered by a contribution, so an area added with steps that wait for
/// someone cannot be left off the two pages that ask people to act.
public class WorkContributionTests(KomakiFactory app) : IClassFixture<KomakiFactory>
{
    /// A Workflow class (the steps of a record kind), or an entity (it declares its data area) with a due date.
    private static readonly Type[] Waiting = typeof(IUseCase).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Workflow", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true } || Dated(t))
        .Where(t => t != typeof(Reminder)) // a reminder repeats the due date of a CycleDeadline's stage; it waits for nobody itself
        .ToArray();

    /// An entity with a state labelled 「…待ち」 (反映案の確認待ち, 承認待ち, …): someone is to act on it. It is covered by
    /// a contribution that names it, or names the Workflow whose steps take it; a workflow of another kind of the same
    /// feature does not cover it (the 改善 were missed that way: EvaluationWorkflow is the evaluations').
    private static readonly Type[] Awaiting = typeof(IUseCase).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DataAreaAttribute>() is not null && t.GetProperties().Any(p => p.PropertyType == typeof(bool) ? Waits(p) : Waits(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)))
        .ToArray();

    /// A state with a member labelled 「…待ち」, or a flag so labelled (ControlPolicy's 承認待ち).
    private static bool Waits(Type state) =>
        state.IsEnum && state.GetFields(BindingFlags.Public | BindingFlags.Static).Any(Waits);

    private static bool Waits(MemberInfo member) =>
        member.GetCustomAttribute<System.ComponentModel.DataAnnotations.DisplayAttribute>()?.Name?.Contains("待ち", StringComparison.Ordinal) == true;

    private static bool CoveredThroughItsWorkflow(Type entity, IEnumerable<Type> covers) =>
        covers.Any(c => c == entity || c.Name.EndsWith("Workflow", StringComparison.Ordinal)
            && c.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.GetParameters().Any(p => p.ParameterType == entity)));

    private static bool Dated(Type t) =>
        t.GetCustomAttribute<DataAreaAttribute>() is not null
        && t.GetProperties().Any(p => (p.PropertyType == typeof(DateOnly) || p.PropertyType == typeof(DateOnly?)) && (p.Name.EndsWith("Due", StringComparison.Ordinal) || p.Name == "DueOn"));

    [Fact]
    public void Every_workflow_and_dated_entity_is_covered_by_a_feature_that_contributes_to_the_waiting_list_and_the_board()
    {
        using var scope = app.Services.CreateScope();
        var waiting = scope.ServiceProvider.GetServices<IWaitingContribution>().ToList();
        var board = scope.ServiceProvider.GetServices<IBoardContribution>().ToList();
        // The features known today, so the scan itself cannot silently find nothing.
        Assert.Superset(new HashSet<string>(["Cycle", "InternalControl", "Staffing", "BudgetFormulation", "Personnel"]), waiting.Select(Feature).ToHashSet());
        Assert.Contains(typeof(Core.Goals.GoalWorkflow), Waiting);
        Assert.Contains(typeof(Core.Staffing.StaffingYear), Waiting);

        Assert.Contains(typeof(Core.Evaluation.ImprovementAction), Awaiting);
        Assert.Contains(typeof(Core.InternalControl.ControlPolicy), Awaiting);
        var unlisted = Awaiting.Where(t => !CoveredThroughItsWorkflow(t, waiting.SelectMany(c => c.Covers))).Select(t => t.FullName).ToList();
        Assert.True(unlisted.Count == 0, $"no IWaitingContribution lists the records waiting for someone of: {string.Join(", ", unlisted)} — name the kind (or its Workflow) in a contribution's Covers");

        var notWaiting = Waiting.Where(t => !waiting.Any(c => c.Covers.Contains(t))).Select(t => t.FullName).ToList();
        Assert.True(notWaiting.Count == 0, $"no IWaitingContribution covers: {string.Join(", ", notWaiting)} — add one in the feature's folder (docs/architecture.md)");
        // On the board the cycle's own stages (CycleDeadline) are its table of divisions; every other dated area adds its counts.
        var notCounted = Waiting.Where(t => Dated(t) && t != typeof(CycleDeadline) && !board.Any(c => c.Covers.Contains(t))).Select(t => t.FullName).ToList();
        Assert.True(notCounted.Count == 0, $"no IBoardContribution covers: {string.Join(", ", notCounted)}");
    }

    [Fact]
    public void Each_contribution_lives_in_its_own_feature_and_only_the_cycle_speaks_for_others()
    {
        using var scope = app.Services.CreateScope();
        foreach (var c in scope.ServiceProvider.GetServices<IWaitingContribution>().Cast<object>().Concat(scope.ServiceProvider.GetServices<IBoardContribution>()))
        {
            var covers = c is IWaitingContribution w ? w.Covers : ((IBoardContribution)c).Covers;
            Assert.NotEmpty(covers);
            // The cycle lists the steps of the features whose due dates are its calendar's stages (goals, evaluations).
            if (Feature(c) == "Cycle") continue;
            Assert.All(covers, t => Assert.Equal(Feature(c), t.Namespace!.Split('.')[3]));
        }
    }

    /// A contribution kept per person and day (AreasFor not null) is built again only when one of the areas it names
    /// changes: every table its code reads (a DbSet of AppDbContext, or Set&lt;T&gt;, in its methods, closures and async
    /// steps, and in the Core use cases it calls) must be under one of them, or 対応待ち would show stale work silently.
    [Fact]
    public void A_kept_contribution_names_the_data_area_of_every_table_it_reads()
    {
        using var scope = app.Services.CreateScope();
        var actor = new Core.Identity.Actor("someone", new HashSet<string>(Core.Identity.Roles.All), 1);
        var kept = scope.ServiceProvider.GetServices<IWaitingContribution>().Select(c => (Type: c.GetType(), Areas: c.AreasFor(actor), Method: nameof(IWaitingContribution.ForAsync)))
            .Concat(scope.ServiceProvider.GetServices<IBoardContribution>().Select(c => (Type: c.GetType(), c.Areas, Method: nameof(IBoardContribution.StagesAsync))))
            .Where(c => c.Areas is not null).ToList();
        Assert.NotEmpty(kept);
        foreach (var (type, areas, method) in kept)
        {
            var (read, metInterface) = TableReads.Of(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name == method));
            Assert.True(read.Count > 0 || metInterface, $"{type.Name}.{method}: no table found — the walk no longer sees its reads");
            var unnamed = TableReads.Unnamed(read, areas!);
            Assert.True(unnamed.Count == 0, $"{type.Name}.{method} is kept under {string.Join(", ", areas!)} but reads {string.Join(", ", unnamed)}");
        }
    }

    private static string Feature(object contribution) => contribution.GetType().Namespace!.Split('.')[3];
}
