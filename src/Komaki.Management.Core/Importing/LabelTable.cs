using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// The label table and the 部課名 mapping as planning keeps them: what each label a sheet may carry means, and which
/// unit each 部課名 of another system names. Every change goes into the history.
public sealed class LabelTable(AppDbContext db)
{
    public sealed record Entry(LabelMapping Mapping, string Meaning);

    public async Task<List<Entry>> ListAsync(LabelKind? kind, string? search, CancellationToken ct = default)
    {
        var query = db.LabelMappings.AsNoTracking();
        if (kind is LabelKind k) query = query.Where(m => m.Kind == k);
        var key = LabelMapping.KeyOf(search);
        if (key.Length > 0) query = query.Where(m => m.Key.Contains(key));
        var list = await query.OrderBy(m => m.Kind).ThenBy(m => m.Key).ToListAsync(ct);
        var book = await LabelBook.LoadAsync(db, ImportChoices.None, ct);
        return list.Select(m => new Entry(m, book.Meaning(m.Kind, m.Value))).ToList();
    }

    /// The values a label of the kind may mean, named as the city names them.
    public async Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(LabelKind kind, CancellationToken ct = default) =>
        (await LabelBook.LoadAsync(db, ImportChoices.None, ct)).Options(kind);

    /// Adds a label; the reason in Japanese when the label is already in the table.
    public async Task<string?> AddAsync(LabelKind kind, string label, int value, CancellationToken ct = default)
    {
        var key = LabelMapping.KeyOf(label);
        if (await db.LabelMappings.AnyAsync(m => m.Kind == kind && m.Key == key, ct))
            return $"「{label.Trim()}」は{kind.Label()}の対応表に既にあります。意味を変えるときは一覧の「変更」から変えてください。";
        db.LabelMappings.Add(new LabelMapping { Kind = kind, Label = label.Trim(), Key = key, Value = value });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public Task<LabelMapping?> FindAsync(int id, CancellationToken ct = default) => db.LabelMappings.FirstOrDefaultAsync(m => m.Id == id, ct);

    /// Changes what a label means; false when someone changed it since the user opened it.
    public async Task<bool> ChangeAsync(LabelMapping mapping, int expectedVersion, int value, CancellationToken ct = default)
    {
        if (mapping.Version != expectedVersion) return false;
        mapping.Value = value;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task RemoveAsync(LabelMapping mapping, CancellationToken ct = default)
    {
        db.LabelMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
    }

    public Task<List<UnitNameMapping>> UnitNamesAsync(CancellationToken ct = default) =>
        db.UnitNameMappings.AsNoTracking().Include(m => m.OrgUnit).OrderBy(m => m.Key).ToListAsync(ct);

    public Task<UnitNameMapping?> FindUnitNameAsync(int id, CancellationToken ct = default) => db.UnitNameMappings.FirstOrDefaultAsync(m => m.Id == id, ct);

    public async Task RemoveUnitNameAsync(UnitNameMapping mapping, CancellationToken ct = default)
    {
        db.UnitNameMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
    }
}
