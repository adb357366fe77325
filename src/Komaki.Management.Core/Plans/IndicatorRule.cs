using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Plans;

/// An indicator: every staff member reads it; its definition is the unit head's for a project's and planning's for a
/// measure's (IndicatorPages.CanEditDefinition); its yearly targets and actuals are entered by the unit's staff as
/// well (PlanAccess.CanEnterIndicatorValues). Adding one asks Edit of the new indicator with its project or measure set.
public sealed class IndicatorRule(IndicatorPages pages) : IRecordRule<Indicator>
{
    /// Entering the yearly targets and actuals.
    public const string EnterValues = nameof(EnterValues);

    // A page asks both operations of one indicator: its owner is read once per request.
    private readonly Dictionary<(int?, int?), IndicatorOwner> _owners = [];

    public async Task<string?> RefusalAsync(RuleAsker asker, Indicator record, string operation) => operation switch
    {
        RecordOperation.Read => null,
        RecordOperation.Edit => Definition(asker, await OwnerAsync(record)),
        EnterValues => EnterValuesRefusal(asker.Actor, (await OwnerAsync(record)).UnitId, asker.Org),
        _ => RecordOperation.Unknown(operation),
    };

    /// EnterValues for the indicators of one owning unit, for a page that decides them all at once (an element's page).
    public static string? EnterValuesRefusal(Actor actor, int? ownerUnitId, OrgTree org) =>
        PlanAccess.CanEnterIndicatorValues(actor, ownerUnitId, org) ? null : "目標値・実績値を入力できるのは、その指標の担当課の職員と企画課です。";

    private async Task<IndicatorOwner> OwnerAsync(Indicator record)
    {
        var key = (record.ProjectId, record.ProjectId is null ? record.MeasureId : null);
        if (!_owners.TryGetValue(key, out var owner)) _owners[key] = owner = await pages.OwnerOfAsync(record);
        return owner;
    }

    private static string? Definition(RuleAsker asker, IndicatorOwner owner) =>
        IndicatorPages.CanEditDefinition(asker.Actor, owner, asker.Org) ? null
            : owner.Level == PlanLevel.Project ? "事務事業の指標を定められるのは、その事業の担当部課の長と企画課です。" : "施策の指標を定められるのは企画課です。";
}
