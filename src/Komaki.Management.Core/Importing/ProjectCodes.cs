using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// Finds projects by the code written in a sheet (compared after NFKC with look-alike hyphens made "-", so ０８６ and
/// 086, 1‐1‐02 and 1-1-02 match; leading zeros are significant). A code shared by a retired and a current project means the current one.
public sealed class ProjectCodes
{
    public sealed record Entry(int Id, string Code, string Name, bool IsRetired, bool IsMajor, int OwnerUnitId);

    private readonly Dictionary<string, List<Entry>> _byCode;

    private readonly Dictionary<int, Entry> _byId;

    private ProjectCodes(IReadOnlyCollection<Entry> entries)
    {
        _byCode = entries.GroupBy(e => TextNormal.ForCode(e.Code)).ToDictionary(g => g.Key, g => g.ToList());
        _byId = entries.ToDictionary(e => e.Id);
    }

    /// A project by its id (every project is loaded), for naming records the sheet has no row for.
    public Entry ById(int id) => _byId[id];

    public static async Task<ProjectCodes> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Projects.AsNoTracking()
            .Select(p => new Entry(p.Id, p.Code, p.Name, p.RetiredAt != null, p.IsMajor, p.OwnerUnitId))
            .ToListAsync(ct));

    /// The project, or the reason in Japanese why the code does not name exactly one.
    public (Entry? Project, string? Error) Find(string code)
    {
        if (!_byCode.TryGetValue(TextNormal.ForCode(code), out var found))
            return (null, $"事業コード「{code}」の事務事業が登録されていません。");
        var current = found.Where(e => !e.IsRetired).ToList();
        if (current.Count == 1) return (current[0], null);
        if (current.Count == 0) return (found[0], null);
        return (null, $"事業コード「{code}」に該当する事務事業が複数あります（{string.Join("、", current.Select(e => e.Name))}）。");
    }
}
