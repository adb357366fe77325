using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Execution;

/// 進捗区分: 順調, 前倒し, 遅れ ….
public sealed class ProgressStatusMeanings : ILabelMeanings
{
    public LabelKind Kind => LabelKind.ProgressStatus;

    public Task<IReadOnlyList<(int Value, string Text)>> OptionsAsync(AppDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(int Value, string Text)>>(ProgressStatusLabels.All.Select(s => ((int)s, s.Label())).ToList());
}
