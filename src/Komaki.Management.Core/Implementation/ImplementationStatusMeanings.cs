using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Implementation;

/// 実施計画の区分: 新規, 継続, 拡充 ….
public sealed class ImplementationStatusMeanings() : FixedLabelMeanings<ImplementationStatus>(LabelKind.ImplementationStatus, ImplementationStatusLabels.All, s => s.Label());
