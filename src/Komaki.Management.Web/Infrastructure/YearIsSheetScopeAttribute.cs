namespace Komaki.Management.Web.Infrastructure;

/// The controller's `year` is a sheet kind's scope (a fiscal year, or a mayor's term by its id), which the controller
/// checks against the kind; FiscalYearBounds leaves it alone.
[AttributeUsage(AttributeTargets.Class)]
public sealed class YearIsSheetScopeAttribute : Attribute;
