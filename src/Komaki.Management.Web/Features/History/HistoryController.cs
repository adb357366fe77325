using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Features.History;

/// A record's history: who changed what, when, from which value to which. Which record kinds have one, and who reads
/// each, the features declare (IHistoryKind); a kind no feature declares is a 404.
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryController(HistoryPages pages, CurrentUser me, OrgTreeProvider orgTree, DirectionCatalog directions) : AppController
{
    [HttpGet("History/{recordType}/{recordId}")]
    [ReadLogAs("変更履歴")]
    public async Task<IActionResult> Index(string recordType, string recordId, int page = 1)
    {
        if (pages.KindOf(recordType) is not { } kind) return NotFound();
        var org = await orgTree.GetAsync();
        var opening = await kind.OpenAsync(new HistoryReader(Actor.UserName, me.UserId, Actor.RoleNames, Actor.UnitId, org), recordType, recordId);
        if (!opening.MayRead) return Forbidden();
        var history = await pages.PageAsync(recordType, recordId, HttpContext.PageFor(page), HttpContext.PageSizeFor(50), opening.Shows);
        var back = opening.Back is { } link ? Url.Action(link.Action, link.Controller, link.Values) : null;
        return View(new HistoryModel(recordType, recordId, opening.Title, back, new Paged<AuditEntry>(history.Entries, history.Page, history.PageSize, history.Total),
            new HistoryWording(history.Lookups, org, directions), history.DetailLabels));
    }
}
