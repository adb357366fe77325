using Komaki.Management.Core.Cycle;

namespace Komaki.Management.Web.Features.Cycle;

/// Owner: who answers for what is left this year (a published year's missing actuals are planning's).
public sealed record CalendarRow(CycleStage Stage, DateOnly DueOn, bool IsSet, Progress Total, bool Overdue, string? Entered, StageOwner? Owner = null);

public sealed record CalendarModel(int Year, DateOnly Today, IReadOnlyList<CalendarRow> Rows, bool CanEdit);
