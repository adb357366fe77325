using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Organization;

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

    /// The unit, a unit to be registered with the import, or null (the name is noted as unmapped). Among units of
    /// the same name, the one of fiscalYear's organisation; the caller checks the unit is valid in its year
    /// (NotValidIn). validFromYear is the first year of a unit the user asked to register.
    public OrgUnit? Find(string name, int validFromYear, int? fiscalYear = null)
    {
        var key = UnitNameMapping.KeyOf(name);
        if (_chosen.TryGetValue(key, out var chosen))
        {
            _used[key] = name.Trim();
            return chosen == UnitChoice.Create ? Create(name, key, validFromYear) : _units.First(u => u.Id == chosen);
        }
        if (_mapped.TryGetValue(key, out var id) && _units.FirstOrDefault(u => u.Id == id) is OrgUnit mapped) return mapped;
        if (UnitNames.Pick(UnitNames.Matches(name, _units), fiscalYear ?? validFromYear) is OrgUnit named) return named;
        var seen = _unmapped.GetValueOrDefault(key, (Name: name.Trim(), Count: 0));
        _unmapped[key] = (seen.Name, seen.Count + 1);
        return null;
    }

    public static string Unmapped(string name) =>
        $"部課名「{name}」に当たる組織が登録されていません（確認画面で組織を選ぶか、新しく登録するかを選ぶと、次からはその組織として読みます）。";

    /// Unmapped, naming the cell and the registered units whose names are nearest.
    public string Unmapped(string name, string cell, int fiscalYear) =>
        $"{cell}の部課名「{name}」に当たる組織が登録されていません。{UnitNames.Nearest(name, _units, fiscalYear)}確認画面で組織を選ぶか、新しく登録するかを選ぶと、次からはその組織として読みます。";

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

/// How imports find a unit by the name a sheet gives it: its own name, or written after its 部 (and 課) — 都市建設部道路課,
/// 都市建設部　道路課, 道路課道路維持係 — compared without spaces and widths; a name of several units is the one of the year's
/// organisation. A unit not valid in the year and a name found nowhere are refused by the import, naming the cell.
public static class UnitNames
{
    /// Every way the unit's name may be written: alone, and after each of its parents' names.
    public static IEnumerable<string> KeysOf(OrgUnit unit, IReadOnlyCollection<OrgUnit> all)
    {
        var name = unit.Name;
        yield return UnitNameMapping.KeyOf(name);
        var parent = Parent(unit, all);
        for (var depth = 0; parent is not null && depth < 4; depth++)
        {
            name = parent.Name + name;
            yield return UnitNameMapping.KeyOf(name);
            parent = Parent(parent, all);
        }
    }

    private static OrgUnit? Parent(OrgUnit unit, IReadOnlyCollection<OrgUnit> all) =>
        unit.Parent ?? (unit.ParentId is int id ? all.FirstOrDefault(u => u.Id == id) : null);

    public static List<OrgUnit> Matches(string name, IReadOnlyCollection<OrgUnit> all)
    {
        var key = UnitNameMapping.KeyOf(name);
        return key.Length == 0 ? [] : all.Where(u => KeysOf(u, all).Contains(key)).ToList();
    }

    /// The one unit of the name valid in the year; else, when the name is one unit's only, that unit (the caller refuses
    /// it for the year, saying when it was valid); else none.
    public static OrgUnit? Pick(List<OrgUnit> matches, int fiscalYear)
    {
        var valid = matches.Where(u => u.IsValidIn(fiscalYear)).ToList();
        if (valid.Count == 1) return valid[0];
        return valid.Count == 0 && matches.Count == 1 ? matches[0] : null;
    }

    /// Why the unit cannot be used in the year (it was abolished, or not yet made); null when it is valid.
    public static string? NotValidIn(OrgUnit unit, int fiscalYear, string name, string cell) =>
        unit.IsValidIn(fiscalYear) || unit.Id == 0 ? null
            : $"{cell}の「{name}」は{unit.Name}（{Validity(unit)}の組織）で、{Wareki.FiscalYear(fiscalYear)}の組織にはありません。{Wareki.FiscalYear(fiscalYear)}の組織の名前で書いてください。";

    public static string Validity(OrgUnit unit) =>
        unit.ValidToYear is int to ? $"{Wareki.FiscalYear(unit.ValidFromYear)}〜{Wareki.FiscalYear(to)}" : $"{Wareki.FiscalYear(unit.ValidFromYear)}から";

    /// 「近い名前の組織: 道路課（都市建設部）、…。」 — up to three units of the year whose names are nearest, or nothing.
    public static string Nearest(string name, IReadOnlyCollection<OrgUnit> all, int fiscalYear)
    {
        var key = UnitNameMapping.KeyOf(name);
        if (key.Length == 0) return "";
        var near = all.Where(u => u.IsValidIn(fiscalYear))
            .Select(u => (Unit: u, Distance: KeysOf(u, all).Min(k => Distance(k, key, k.Contains(key) || key.Contains(k)))))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Unit.Code, StringComparer.Ordinal).Take(3).ToList();
        return near.Count == 0 ? ""
            : $"近い名前の組織: {string.Join("、", near.Select(x => Parent(x.Unit, all) is OrgUnit p ? $"{x.Unit.Name}（{p.Name}）" : x.Unit.Name))}。";
    }

    /// Edit distance; a name that contains the other (道路課 in 道路維持課) counts as near.
    private static int Distance(string a, string b, bool contains)
    {
        if (contains) return Math.Abs(a.Length - b.Length) / 2;
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return d[b.Length];
    }
}
