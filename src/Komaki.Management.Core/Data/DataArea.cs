using System.Collections.Concurrent;
using System.Reflection;

namespace Komaki.Management.Core.Data;

/// The parts of the data that read models depend on. Each has a version in the database (DataVersions) that every
/// write to it raises, in the write's own transaction, so a read model cached under the versions it read is never
/// served after a change — on whichever app server the change was made.
public static class DataArea
{
    public const string Plan = "plan";
    /// Indicators and their yearly values, apart from the plan's structure: values are saved all through the busy
    /// season, and the pages that show no achievement (budgets, the implementation plan) should not be rebuilt for them.
    public const string Indicators = "indicators";
    public const string Do = "do";
    public const string Check = "check";
    public const string Goals = "goals";
    public const string Voice = "voice";
    public const string Organization = "org";
    public const string Cycle = "cycle";
    public const string Publishing = "publishing";
    public const string Settings = "settings";

    public static readonly IReadOnlyList<string> All = [Plan, Indicators, Do, Check, Goals, Voice, Organization, Cycle, Publishing, Settings];

    /// The indicators as a report of one year reads them: their definitions and the values of that year and before.
    /// Raised with Indicators by every write to it, but a value saved for a later year (next year's targets, all
    /// through the busy season) leaves it as it is, so the report of a past year is kept. Its row is made by the first
    /// read that names it (DataVersions), before anything is read under it.
    public static string IndicatorsUpTo(int year) => IndicatorsUpToPrefix + year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public const string IndicatorsUpToPrefix = "indicators-to:";

    /// For what no read model shows (history, sessions, keys, the personnel records that are never cached).
    public const string? None = null;

    private static readonly ConcurrentDictionary<Type, string?> ByType = new();

    /// The area a record belongs to, as its class declares it ([DataArea]), or null for what no read model shows.
    public static string? Of(Type type) => ByType.GetOrAdd(type, t => t.GetCustomAttribute<DataAreaAttribute>(inherit: true)?.Area);
}

/// The area of the data an entity belongs to: every write to it raises that area's version, so the read models that
/// read it are built again. Each entity declares one (DataArea.None for what no read model shows).
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class DataAreaAttribute(string? area) : Attribute
{
    public string? Area { get; } = area;
}

/// One area's version.
[DataArea(DataArea.None)]
public sealed class DataVersionRow
{
    public string Area { get; set; } = "";
    public long Version { get; set; }
}
