namespace Komaki.Management.Core;

/// What ties a measure or project to citizens and the top: the promises it carries, what citizens said about it,
/// how they rated it, and the unit goals that serve it.
public sealed record Connections(
    IReadOnlyList<(int Id, string Number, string Title, string Term, string? Via)> Promises,
    IReadOnlyList<CitizenInput> Voices, int VoiceCount,
    IReadOnlyList<SurveyResult> Survey,
    IReadOnlyList<(int Id, string Title, int Year, int UnitId, GoalState State)> Goals);

/// What other features say about a measure or project, for its page. It reads Manifesto, CitizenVoice and Goals, so it
/// sits above the features rather than in Plans.
public sealed class ElementConnections(AppDbContext db) : IUseCase
{
    public async Task<Connections> OfAsync(PlanElement element)
    {
        var (measureId, policyId, projectId) = element switch
        {
            Project p => (p.MeasureId, await db.Measures.Where(m => m.Id == p.MeasureId).Select(m => m.PolicyId).FirstAsync(), (int?)p.Id),
            Measure m => (m.Id, m.PolicyId, (int?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(element)),
        };
        var links = await db.ManifestoLinks.AsNoTracking().Include(l => l.ManifestoItem).ThenInclude(i => i!.MayorTerm)
            .Where(l => l.ProjectId != null && l.ProjectId == projectId || l.MeasureId == measureId || l.PolicyId == policyId).ToListAsync();
        var promises = links
            .Select(l => (l.ManifestoItem!.Id, l.ManifestoItem.Number, l.ManifestoItem.Title, l.ManifestoItem.MayorTerm!.Title,
                Via: l.ProjectId is not null || (projectId is null && l.MeasureId is not null) ? null : l.MeasureId is not null ? "施策を通じて" : "政策を通じて"))
            .OrderBy(x => x.Via is not null).ThenBy(x => x.Number, StringComparer.Ordinal)
            .DistinctBy(x => x.Id).ToList();
        var voices = db.CitizenInputs.AsNoTracking().Where(c => c.Links.Any(l => projectId != null
            ? l.ProjectId == projectId
            : l.MeasureId == measureId || l.Project!.MeasureId == measureId));
        var survey = projectId is null
            ? await db.SurveyResults.AsNoTracking().Where(r => r.MeasureId == measureId).OrderByDescending(r => r.FiscalYear).Take(5).ToListAsync()
            : [];
        var goals = await db.OrganizationalGoals.AsNoTracking()
            .Where(g => g.Links.Any(l => projectId != null ? l.ProjectId == projectId : l.MeasureId == measureId))
            .OrderByDescending(g => g.FiscalYear).Take(10)
            .Select(g => new { g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State }).ToListAsync();
        return new Connections(promises, await voices.OrderByDescending(c => c.ReceivedOn).Take(10).ToListAsync(), await voices.CountAsync(), survey,
            goals.Select(g => (g.Id, g.Title, g.FiscalYear, g.OrgUnitId, g.State)).ToList());
    }
}
