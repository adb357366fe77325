using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Goals;

/// An organisational goal with its links, indicators and steps (filed under the goal), read as the goal is (GoalWorkflow).
public sealed class GoalHistory(AppDbContext db) : HistoryKind<OrganizationalGoal>(typeof(GoalLink), typeof(GoalIndicator), typeof(GoalStep))
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var g = await db.OrganizationalGoals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (g is null) return HistoryOpening.Read(recordId);
        return GoalWorkflow.CanRead(reader.Actor(), g, reader.Org) ? HistoryOpening.Read(g.Title, new("Goals", "Details", new { id })) : HistoryOpening.Refused;
    }
}
