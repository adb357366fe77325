using Komaki.Management.Core.CitizenVoice;

namespace Komaki.Management.Web.Features.Survey;

public sealed record PortfolioModel(int Year, IReadOnlyList<int> Years, IReadOnlyList<PortfolioPoint> Points, decimal MeanSatisfaction, decimal MeanImportance, bool CanEdit);
