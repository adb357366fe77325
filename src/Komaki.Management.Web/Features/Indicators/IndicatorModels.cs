namespace Komaki.Management.Web.Features.Indicators;

public sealed record OwnerInfo(PlanLevel Level, int Id, string Code, string Name, int? UnitId);

public sealed record IndicatorDetailsModel(Indicator Indicator, OwnerInfo Owner, string? UnitName, bool CanEditDefinition, bool CanEnterValues);

public sealed record IndicatorFormModel(IndicatorForm Form, OwnerInfo Owner, int? IndicatorId);

public sealed record ValuesModel(ValuesForm Form, Indicator Indicator, OwnerInfo Owner);
