using Komaki.Management.Core;

namespace Komaki.Management.Web.Features.Goals;

/// The person's own unit's items as the full 対応待ち page lists them (_WorkList).
public sealed record WorkListModel(IReadOnlyList<WaitingItem> Rows, DateOnly Today);

public static class WorkLinks
{
    /// The page a work item names (controller, action, route values), with the part of it to open.
    public static string Href(this IUrlHelper url, WorkLink link) =>
        url.Action(link.Action, link.Controller, link.Values) + (link.Fragment is null ? "" : "#" + link.Fragment);
}
