using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// The year's round with the stages committed per 部, and a 課's own lines with the 事業 it has not requested yet.
public sealed record BudgetYear(BudgetRound? Round, IReadOnlyList<BudgetStageCommit> Commits);

public sealed record UnitRequests(IReadOnlyList<FormulationLine> Lines, IReadOnlyList<(int Id, string Code, string Name, int OwnerUnitId)> Unrequested);

/// What 予算編成's pages read first on every request, kept as read models under the areas they read (ADR 0008): the
/// year's round and commits change only with the budget, a 課's lines with the budget or its 事業 — not while
/// indicators and evaluations are saved all through the busy season. Shared between requests: read only.
public sealed class BudgetReads(BudgetFormulationPages pages, ReadCache cache) : IUseCase
{
    public Task<BudgetYear> YearAsync(int year) =>
        cache.GetAsync($"budget-year:{year}", BudgetFormulationPages.YearAreas, async () => new BudgetYear(await pages.RoundAsync(year), await pages.CommitsAsync(year)));

    /// The lines of the given units (amounts by stage, no 復活要求 or 節) and their 事業 without a request.
    public Task<UnitRequests> UnitsAsync(int year, OrgTree org, IReadOnlyCollection<int> units) =>
        cache.GetAsync($"budget-units:{year}:{string.Join(',', units.Order())}", BudgetFormulationPages.StandingAreas,
            async () => new UnitRequests(await pages.LinesAsync(year, org, units, details: false), await pages.UnrequestedAsync(year, units)));

    /// Every line of a 部 with its 復活要求 and 節 (the 部's page, its 査定調書 and their Excel): the same for every
    /// reader, who is then shown the lines they may read. Read in four statements per request before it was kept, which
    /// was half of each request's time on the large city.
    /// A project as its line is read beside it (the amounts, the verdict, its indicators judged): the line's page, its
    /// assessments and the request form. It reads the budget and the plan's rows (Do), the evaluations (Check) and the
    /// indicators up to the year evaluated, so values saved for later years all through the busy season leave it kept.
    public Task<ProjectBeside> BesideAsync(int year, int projectId) =>
        cache.GetAsync($"budget-beside:{year}:{projectId}", [DataArea.Do, DataArea.Check, DataArea.IndicatorsUpTo(EvaluationYears.Informing(year).Evaluated)],
            () => pages.BesideAsync(year, projectId));

    /// Everyone's name by their user name, for who entered, submitted, assessed and answered a line (a city has tens of
    /// accounts, not thousands).
    public Task<IReadOnlyDictionary<string, string>> NamesAsync() =>
        cache.GetAsync("budget-names", [DataArea.Organization], () => pages.NamesAsync(null));

    public Task<List<FormulationLine>> DepartmentAsync(int year, OrgTree org, int departmentId) =>
        cache.GetAsync($"budget-department:{year}:{departmentId}", BudgetFormulationPages.StandingAreas,
            () => pages.LinesAsync(year, org, org.SelfAndDescendants(departmentId).ToList()));
}
