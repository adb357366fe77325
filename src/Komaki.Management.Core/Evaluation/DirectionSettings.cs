using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Evaluation;

/// One direction as planning posts it: its name, whether evaluators choose it, its place in the list.
public sealed class DirectionRow
{
    [Display(Name = "方向性")]
    public Direction Code { get; set; }
    public string? Label { get; set; }
    [Display(Name = "使う")]
    public bool InUse { get; set; }
    [Display(Name = "表示順")]
    public int SortOrder { get; set; }
}

/// Every direction of the system, posted together.
public sealed class DirectionsForm
{
    public List<DirectionRow> Rows { get; set; } = [];
}

/// A name for each direction that fits its column, and an order from 0 to 99, beside the row's field. Whether the
/// list still makes sense as a whole is DirectionSettings'.
public sealed class DirectionsFormValidator : AbstractValidator<DirectionsForm>
{
    public DirectionsFormValidator() => RuleForEach(f => f.Rows).Custom((row, context) =>
    {
        var i = context.InstanceToValidate.Rows.IndexOf(row);
        var max = Data.ModelLengths.Of<DirectionChoice>(c => c.Label);
        var label = row.Label?.Trim() ?? "";
        if (label.Length == 0) context.AddFailure($"rows[{i}].Label", "名称を入力してください。");
        else if (label.Length > max) context.AddFailure($"rows[{i}].Label", $"名称は{max}文字以内で入力してください。");
        if (row.SortOrder is < 0 or > 99) context.AddFailure($"rows[{i}].SortOrder", "表示順は0〜99で入力してください。");
    });
}

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
