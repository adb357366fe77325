using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Evaluation;

/// 今後の方向性 as the city names its directions (planning may rename them).
public sealed class DirectionMeanings : ILabelMeanings
{
    public LabelKind Kind => LabelKind.Direction;

    public async Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct) =>
        (await DirectionCatalog.LoadAsync(db, ct)).All.Select(d => ((int)d.Code, d.Label)).ToList();
}
