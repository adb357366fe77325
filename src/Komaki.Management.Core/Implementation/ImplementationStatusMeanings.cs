using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Implementation;

/// 実施計画の区分: 新規, 継続, 拡充 ….
public sealed class ImplementationStatusMeanings : ILabelMeanings
{
    public LabelKind Kind => LabelKind.ImplementationStatus;

    public Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(int Value, string Text)>>(ImplementationStatusLabels.All.Select(s => ((int)s, s.Label())).ToList());
}
