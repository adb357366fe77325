namespace Komaki.Management.Core.Importing;

/// Finds the unit a 部課名 names: the user's choice in this import, the remembered mapping, or a registered unit
/// of exactly that name (部名＋課名, or a 課 name that only one unit has). Nothing else: a name found nowhere
/// refuses its rows and the preview asks which unit it is — or whether to register it, with the 部 and 課 shown.
/// A blank 部課名 is refused by the import. Units are created only when the user chose to register them.
public sealed class UnitBook
{
    private readonly List<OrgUnit> _units;
    private readonly Dictionary<string, int> _mapped;
    private readonly Dictionary<string, int> _chosen;
    private readonly Dictionary<string, OrgUnit> _toCreate = [];
    private readonly Dictionary<string, (string Name, int Count)> _unmapped = [];
    private readonly Dictionary<string, string> _used = [];

    private UnitBook(List<OrgUnit> units, List<UnitNameMapping> mappings, ImportChoices choices)
    {
        _units = units;
        _mapped = mappings.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().OrgUnitId);
        _chosen = choices.Units.Where(c => c.Value == UnitChoice.Create || units.Any(u => u.Id == c.Value)).ToDictionary(c => c.Key, c => c.Value);
    }

    public static async Task<UnitBook> LoadAsync(AppDbContext db, ImportChoices choices, CancellationToken ct = default) =>
        new(await db.OrgUnits.ToListAsync(ct), await db.UnitNameMappings.AsNoTracking().ToListAsync(ct), choices);

    /// Adds the units the user asked to register for these names (the 部課名 of the file) to the context, numbered
    /// IMP001 … after the highest such code; the caller saves them inside the import's transaction.
    public void RegisterChosen(IEnumerable<string> names, int validFromYear, AppDbContext db)
    {
        foreach (var name in names.Distinct())
        {
            var key = UnitNameMapping.KeyOf(name);
            if (_chosen.TryGetValue(key, out var c) && c == UnitChoice.Create) Create(name, key, validFromYear);
        }
        var next = _units.Select(u => u.Code).Where(code => code.StartsWith("IMP", StringComparison.Ordinal) && int.TryParse(code[3..], out _))
            .Select(code => int.Parse(code[3..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        foreach (var unit in _toCreate.Values.Distinct().OrderBy(u => u.Level))
        {
            unit.Code = $"IMP{next++:000}";
            db.OrgUnits.Add(unit);
        }
    }

    /// The unit, a unit to be registered with the import, or null (the name is noted as unmapped).
    public OrgUnit? Find(string name, int validFromYear)
    {
        var key = UnitNameMapping.KeyOf(name);
        if (_chosen.TryGetValue(key, out var chosen))
        {
            _used[key] = name.Trim();
            return chosen == UnitChoice.Create ? Create(name, key, validFromYear) : _units.First(u => u.Id == chosen);
        }
        if (_mapped.TryGetValue(key, out var id) && _units.FirstOrDefault(u => u.Id == id) is OrgUnit mapped) return mapped;
        if (ByName(key) is OrgUnit named) return named;
        var seen = _unmapped.GetValueOrDefault(key, (Name: name.Trim(), Count: 0));
        _unmapped[key] = (seen.Name, seen.Count + 1);
        return null;
    }

    public static string Unmapped(string name) =>
        $"部課名「{name}」に当たる組織が登録されていません（確認画面で組織を選ぶか、新しく登録するかを選ぶと、次からはその組織として読みます）。";

    public void Report(ImportReport report)
    {
        foreach (var (key, (name, count)) in _unmapped.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var (dept, division) = Split(name);
            var proposal = dept is null ? $"「{division}」を部と同じ階層に登録" : $"部「{dept}」の下に課「{division}」を登録";
            report.UnmappedUnits.Add(new UnmappedUnit(name, key, count, proposal));
        }
        foreach (var unit in _toCreate.Values.Distinct())
            report.UnitsToCreate.Add(unit.Parent is null ? unit.Name : $"{unit.Parent.Name} {unit.Name}");
    }

    /// Remembers each name the user mapped in this import, for the next.
    public void Remember(AppDbContext db)
    {
        foreach (var (key, name) in _used)
        {
            if (_mapped.ContainsKey(key)) continue;
            var unit = _chosen[key] == UnitChoice.Create ? _toCreate[key] : _units.First(u => u.Id == _chosen[key]);
            db.UnitNameMappings.Add(new UnitNameMapping { Key = key, Name = name, OrgUnit = unit, OrgUnitId = unit.Id });
        }
    }

    private OrgUnit? ByName(string key)
    {
        foreach (var u in _units.Where(u => u.Level == OrgUnitLevel.Division))
        {
            var parent = _units.FirstOrDefault(p => p.Id == u.ParentId);
            if (parent is not null && UnitNameMapping.KeyOf(parent.Name + u.Name) == key) return u;
        }
        var sameName = _units.Where(u => UnitNameMapping.KeyOf(u.Name) == key).ToList();
        return sameName.Count == 1 ? sameName[0] : null;
    }

    private OrgUnit Create(string name, string key, int validFromYear)
    {
        if (_toCreate.TryGetValue(key, out var made)) return made;
        var (deptName, divisionName) = Split(name);
        OrgUnit unit;
        if (deptName is null)
        {
            unit = new OrgUnit { Name = divisionName, Level = OrgUnitLevel.Department, ValidFromYear = validFromYear };
        }
        else
        {
            var deptKey = UnitNameMapping.KeyOf(deptName);
            var dept = _units.FirstOrDefault(u => u.Level == OrgUnitLevel.Department && UnitNameMapping.KeyOf(u.Name) == deptKey)
                ?? _toCreate.Values.FirstOrDefault(u => u.Level == OrgUnitLevel.Department && UnitNameMapping.KeyOf(u.Name) == deptKey);
            if (dept is null)
            {
                dept = new OrgUnit { Name = deptName, Level = OrgUnitLevel.Department, ValidFromYear = validFromYear };
                _toCreate["部:" + deptKey] = dept;
            }
            unit = new OrgUnit { Name = divisionName, Level = OrgUnitLevel.Division, Parent = dept, ParentId = dept.Id == 0 ? null : dept.Id, ValidFromYear = validFromYear };
        }
        _toCreate[key] = unit;
        return unit;
    }

    /// 市民生活部市民環境課 → (市民生活部, 市民環境課); a name without 部 (会計課, 大船渡消防署) stands alone.
    private static (string? Department, string Division) Split(string name)
    {
        var s = name.Trim();
        var cut = s.IndexOf('部');
        return cut > 0 && cut < s.Length - 1 ? (s[..(cut + 1)], s[(cut + 1)..]) : (null, s);
    }
}
