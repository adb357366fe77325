namespace Komaki.Management.Core.Evaluation;

/// The city's list of directions as planning edits it: labels, which are offered, and their order.
public sealed class DirectionSettings(AppDbContext db)
{
    public sealed record Row(Direction Code, string Label, bool InUse, int SortOrder);

    public async Task<List<DirectionChoice>> ListAsync(CancellationToken ct = default) =>
        (await DirectionCatalog.LoadAsync(db, ct)).All.ToList();

    /// Saves every row in one go; the reasons, by row, when the list would not make sense.
    public async Task<Dictionary<Direction, string>> SaveAsync(IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        var errors = new Dictionary<Direction, string>();
        foreach (var dup in rows.GroupBy(r => r.Label.Trim()).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            errors[dup.Code] = $"「{dup.Label.Trim()}」は他の区分と同じ名称です。区分ごとに違う名称にしてください。";
        if (!rows.Any(r => r.InUse) && rows.Count > 0) errors[rows[0].Code] = "少なくとも1つの区分を「使う」にしてください。";
        if (errors.Count > 0) return errors;
        var stored = await db.DirectionChoices.ToDictionaryAsync(c => c.Code, ct);
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.Code, out var choice)) db.DirectionChoices.Add(choice = new DirectionChoice { Code = row.Code });
            (choice.Label, choice.InUse, choice.SortOrder) = (row.Label.Trim(), row.InUse, row.SortOrder);
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
