using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.Indicators;

public sealed record IndicatorDetailsModel(Indicator Indicator, IndicatorOwner Owner, string? UnitName, bool CanEditDefinition, bool CanEnterValues);

public sealed record IndicatorFormModel(IndicatorForm Form, IndicatorOwner Owner, int? IndicatorId);

public sealed record ValuesModel(ValuesForm Form, Indicator Indicator, IndicatorOwner Owner);
