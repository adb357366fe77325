using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
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
}
