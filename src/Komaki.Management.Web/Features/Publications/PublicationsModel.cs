using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Web.Features.Publications;

public sealed record PublicationsModel(
    IReadOnlyList<int> Years, IReadOnlyList<Publication> Published, IReadOnlyDictionary<int, int> EvaluationsPublished,
    int VoicesPublished, int VoicesAnswered, int ClosedSessions);
