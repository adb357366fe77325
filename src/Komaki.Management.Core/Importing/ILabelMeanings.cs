using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// What the labels of one kind may mean, told by the feature whose values they are (the 実施計画 its 区分, 人事 its 職層 …),
/// so the import pipeline names no feature. Found by scan; a kind no feature tells fails LabelMeaningsTests.
public interface ILabelMeanings
{
    LabelKind Kind { get; }

    /// The values with the names the city gives them now.
    Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct);

    /// Everyday words of other systems read like the names of the values; the label table and the user's choices in an
    /// import come before them.
    IReadOnlyList<(string Word, int Value)> Words => [];
}

/// Meanings the code fixes: the values of an enumeration with their names, the same in every city.
public abstract class FixedLabelMeanings<T>(LabelKind kind, IEnumerable<T> values, Func<T, string> name) : ILabelMeanings
    where T : struct, Enum
{
    private readonly IReadOnlyList<(int Value, string Text)> options =
        values.Select(v => (Convert.ToInt32(v, CultureInfo.InvariantCulture), name(v))).ToList();

    public LabelKind Kind => kind;

    public Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct) => Task.FromResult(options);

    public virtual IReadOnlyList<(string Word, int Value)> Words => [];
}
