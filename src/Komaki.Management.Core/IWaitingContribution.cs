using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core;

/// A feature's share of 対応待ち (the home page's list and its full page): what waits for one person. Each feature
/// whose records wait for someone's step or a due date declares one beside its workflow; they are found by scan, and
/// a test requires every workflow and every dated entity of Core to be covered by one, so a new area cannot be
/// forgotten (it would otherwise silently never ask anybody for anything).
public interface IWaitingContribution
{
    /// The workflows and the entities with due dates whose waiting steps this lists.
    IReadOnlyCollection<Type> Covers { get; }

    /// The data a person's items are read from: kept per person and day until one of them changes. Null: read for the
    /// person on every request and never kept (人事評価 is private; the 内部統制 bodies are in no area).
    IReadOnlyList<string>? AreasFor(Actor actor);

    /// What waits for the person, in the order the feature lists it. Read in a few queries whatever the number of
    /// items, never one per item: the home page and the full page are among the busiest.
    Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default);
}

/// A feature's share of the PDCA board beyond the plan's stages (which the board's own table counts per division):
/// its year's steps counted city-wide, no one's name. Found by scan like IWaitingContribution.
public interface IBoardContribution
{
    /// The dated entities whose stages this counts.
    IReadOnlyCollection<Type> Covers { get; }

    /// The data the counts are read from, kept until one changes; null: counted on every request.
    IReadOnlyList<string>? Areas { get; }

    Task<IReadOnlyList<BoardStage>> StagesAsync(int year, CancellationToken ct = default);
}

/// Who asks for their 対応待ち: as the access rules see them, their user id (for what is about them as a person), the
/// unit tree, the fiscal year and the day.
public sealed record WorkAsker(Actor Actor, string UserId, OrgTree Org, int FiscalYear, DateOnly Today);

/// Where the full 対応待ち page lists an item: the person's unit's records, the other areas' steps, their 人事評価, the
/// city-wide stages planning and the executives answer for. The home page interleaves them by due date.
public enum WaitingSection
{
    Unit = 0,
    Other = 1,
    Personnel = 2,
    City = 3,
}

/// The page where the work is done: a controller's action with its route values (and the part of the page to open),
/// so Core names no URL.
public sealed record WorkLink(string Controller, string Action, object? Values = null, string? Fragment = null);

/// One thing waiting for a person. Source tags the home page's row (plan, control, staffing, budget, personnel, city);
/// Kind and Stage tag the full page's (the form's kind, the cycle's stage); Code and Name are the record's, Subject
/// what the home page shows of it, Unit the division it is for.
public sealed record WaitingItem(WaitingSection Section, string Source, DateOnly? DueOn, string Task, string Subject, string Unit, WorkLink Link)
{
    public string Kind { get; init; } = "";
    public string? Stage { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int Year { get; init; }

    /// City-wide stages: how many records are still missing, and which divisions they are in.
    public int Missing { get; init; }
    public string Detail { get; init; } = "";

    public bool Overdue(DateOnly today) => DueOn < today;
}

/// A step counted city-wide for the board: how many are done of how many, against the due date.
public sealed record BoardStage(string Area, string Stage, DateOnly? DueOn, int Done, int Of)
{
    public bool Overdue(DateOnly today) => DueOn < today && Done < Of;
}

/// How far 対応待ち looks: stages due from half a year ago to a month ahead, in the years around the current one.
public static class WorkWindow
{
    public const int LookBackDays = 180;
    public const int LookAheadDays = 30;

    public static IEnumerable<int> YearsAround(int fiscalYear) => [fiscalYear - 1, fiscalYear, fiscalYear + 1];
}
