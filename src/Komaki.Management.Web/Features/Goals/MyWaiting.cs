using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Goals;

/// 対応待ち from one place: the full page and the home page read the same rows, so their counts cannot differ. Every
/// feature's contribution (found by scan) is asked in turn; what it reads from versioned data is kept per person and
/// day until that data changes, what it reads for the person alone (人事評価) is read on every request.
public sealed class MyWaiting(OrgTreeProvider orgTree, IEnumerable<IWaitingContribution> contributions, ReadCache cache, CurrentUser me) : IUseCase
{
    public async Task<WaitingModel> ForAsync(Actor actor, int year, DateOnly today)
    {
        var asker = new WorkAsker(actor, me.UserId, await orgTree.GetAsync(), year, today);
        var who = $"{actor.UserName}:{string.Join(',', actor.RoleNames.Order(StringComparer.Ordinal))}:{actor.UnitId}";
        var items = new List<WaitingItem>();
        foreach (var c in contributions.OrderBy(c => c.GetType().FullName, StringComparer.Ordinal))
        {
            var areas = c.AreasFor(actor);
            items.AddRange(areas is null ? await c.ForAsync(asker)
                : await cache.GetAsync($"waiting:{c.GetType().Name}:{who}:{year}:{today.DayNumber}", areas, () => c.ForAsync(asker)));
        }
        // Section by section, each in its feature's order; among features of one section, the earliest due first. The
        // unit's section comes from two parts kept apart (the cycle's steps and the indicator actuals): one order, by code.
        return new WaitingModel(items.OrderBy(i => i.Section).ThenBy(i => i.DueOn is null).ThenBy(i => i.DueOn)
            .ThenBy(i => i.Section == WaitingSection.Unit ? i.Code : "", CodeOrder.Instance).ThenBy(i => i.Section == WaitingSection.Unit ? i.Task : "").ToList(), today);
    }
}
