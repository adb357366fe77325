namespace Komaki.Management.Web.Features.Cycle;

public sealed record CalendarRow(CycleStage Stage, DateOnly DueOn, bool IsSet, Progress Total, bool Overdue, string? Entered);

public sealed record CalendarModel(int Year, DateOnly Today, IReadOnlyList<CalendarRow> Rows, bool CanEdit);
