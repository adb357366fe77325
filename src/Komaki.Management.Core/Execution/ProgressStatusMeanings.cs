using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Execution;

/// 進捗区分: 順調, 前倒し, 遅れ ….
public sealed class ProgressStatusMeanings() : FixedLabelMeanings<ProgressStatus>(LabelKind.ProgressStatus, ProgressStatusLabels.All, s => s.Label());
