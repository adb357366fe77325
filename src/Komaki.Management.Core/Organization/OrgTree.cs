namespace Komaki.Management.Core.Organization;

/// The unit tree held in memory: a city has a few hundred units at most, so questions such as
/// "is this unit under mine" are answered without a recursive query.
public sealed class OrgTree
{
    private readonly Dictionary<int, OrgUnit> _byId;
    private readonly ILookup<int?, OrgUnit> _children;

    public OrgTree(IEnumerable<OrgUnit> units)
    {
        var list = units.ToList();
        _byId = list.ToDictionary(u => u.Id);
        _children = list.OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToLookup(u => u.ParentId);
    }

    public IEnumerable<OrgUnit> Roots => _children[null];

    public IEnumerable<OrgUnit> ChildrenOf(int id) => _children[id];

    public OrgUnit? Find(int? id) => id is int i && _byId.TryGetValue(i, out var u) ? u : null;

    /// The 部 a unit belongs to (itself when it is one); null for an unknown unit.
    public OrgUnit? DepartmentOf(int? id)
    {
        var unit = Find(id);
        while (unit is not null && unit.Level != OrgUnitLevel.Department) unit = Find(unit.ParentId);
        return unit;
    }

    public bool IsSameOrUnder(int unitId, int ancestorId)
    {
        for (var u = Find(unitId); u is not null; u = Find(u.ParentId))
        {
            if (u.Id == ancestorId) return true;
        }
        return false;
    }

    public IReadOnlySet<int> SelfAndDescendants(int id)
    {
        var result = new HashSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!result.Add(current)) continue;
            foreach (var c in ChildrenOf(current)) stack.Push(c.Id);
        }
        return result;
    }

    /// 総務部 総務課: the unit with its department, as staff name it.
    public string PathName(int? id)
    {
        var names = new List<string>();
        for (var u = Find(id); u is not null; u = Find(u.ParentId)) names.Insert(0, u.Name);
        return string.Join(" ", names);
    }

    /// Depth-first order with depth, for indented lists and select boxes.
    public IEnumerable<(OrgUnit Unit, int Depth)> Flatten(Func<OrgUnit, bool>? include = null)
    {
        IEnumerable<(OrgUnit, int)> Walk(IEnumerable<OrgUnit> nodes, int depth)
        {
            foreach (var n in nodes)
            {
                if (include is not null && !include(n)) continue;
                yield return (n, depth);
                foreach (var c in Walk(ChildrenOf(n.Id), depth + 1)) yield return c;
            }
        }
        return Walk(Roots, 0);
    }
}
