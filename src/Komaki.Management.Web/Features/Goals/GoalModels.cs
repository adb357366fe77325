using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Web.Features.Goals;

public sealed record GoalRow(OrganizationalGoal Goal, string Unit, IReadOnlyList<GoalAction> MyActions);

public sealed record GoalListModel(int Year, int? UnitId, GoalState? State, Paged<GoalRow> Rows, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> MyUnits);

public sealed record BoardRow(int UnitId, string Department, string Unit, IReadOnlyDictionary<GoalState, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

public sealed record BoardModel(int Year, IReadOnlyList<BoardRow> Rows, IReadOnlyDictionary<GoalState, int> Totals);

public sealed record LinkLabel(string Kind, string Code, string Name, string? Url, string? Today = null)
{
    /// What a goal serves, each linking to its page when a URL helper is given: as agreed once the goal was agreed,
    /// with today's wording beside it when that record was renamed since (Today).
    public static List<LinkLabel> Of(OrganizationalGoal g, IUrlHelper? url) => g.Links.Select(l =>
    {
        var live = l.Measure is { } m ? new LinkLabel("施策", m.Code, m.Name, url?.Action("Details", "PlanElements", new { level = "Measure", id = m.Id }))
            : l.Project is { } p ? new LinkLabel("事務事業", p.Code, p.Name, url?.Action("Details", "PlanElements", new { level = "Project", id = p.Id }))
            : new LinkLabel("マニフェスト", l.ManifestoItem!.Number, l.ManifestoItem.Title, url?.Action("Item", "Manifesto", new { id = l.ManifestoItem.Id }));
        return l.AgreedName is null ? live : live with { Code = l.AgreedCode ?? "", Name = l.AgreedName, Today = l.ChangedSinceAgreed ? $"{l.CodeToday} {l.NameToday}" : null };
    }).ToList();

    public const string ChangedSinceAgreed = "合意後に変更されています";

    /// The line of the Excel sheet.
    public string Line => $"{Kind} {Code} {Name}" + (Today is null ? "" : $"（{ChangedSinceAgreed}。現在: {Today}）");
}

public sealed record GoalDetailsModel(
    OrganizationalGoal Goal, string Unit, IReadOnlyList<LinkLabel> Links, IReadOnlyList<GoalAction> Actions,
    bool CanEdit, bool CanComment, ActForm Act)
{
    public static GoalDetailsModel For(OrganizationalGoal goal, ActForm act, Actor actor, OrgTree org, IUrlHelper url)
    {
        if (act.Version == 0) act.Version = goal.Version;
        return new GoalDetailsModel(goal, org.PathName(goal.OrgUnitId), LinkLabel.Of(goal, url), GoalWorkflow.NextActions(actor, goal, org),
            GoalWorkflow.CanEditContent(actor, goal, org), GoalWorkflow.CanComment(actor, goal, org), act);
    }
}

public sealed record GoalFormModel(int? Id, GoalForm Form, IReadOnlyList<SelectListItem> Units, string? TermTitle)
{
    /// What 探す found for one field: (code, name), at most 20.
    public (string Field, IReadOnlyList<(string Code, string Name)> Found)? Lookup { get; init; }
}

/// 対応待ち: every feature's items for the person (IWaitingContribution), each section in its feature's order.
public sealed record WaitingModel(IReadOnlyList<WaitingItem> Items, DateOnly Today)
{
    public IReadOnlyList<WaitingItem> In(WaitingSection section) => Items.Where(i => i.Section == section).ToList();

    /// The person's own unit's records, one row per record (the goals waiting for them among them).
    public WorkListModel Work => new(In(WaitingSection.Unit), Today);

    /// Every row of every section, earliest due first: what the home page lists the start of.
    public IReadOnlyList<WaitingItem> Lines => Items.OrderBy(l => l.DueOn is null).ThenBy(l => l.DueOn).ToList();

    public int Count => Items.Count;
}

public sealed record SheetModel(int Year, string Unit, IReadOnlyList<GoalDetailsModel> Goals);
