using Komaki.Management.Core.Evaluation;

namespace Komaki.Management.Web.Features.Directions;

public sealed record DirectionsModel(IReadOnlyList<DirectionRow> Rows, bool CanEdit);
