using Komaki.Management.Core;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.History;

/// How one page of a history reads: people by their names, records referred to by their code and name, years as
/// 和暦年度, amounts in 千円, numbers and dates as the rest of the app shows them. The lookups are loaded once for
/// the page from what its entries mention (HistoryPages).
public sealed class HistoryWording
{
    public const string System = "システム（取り込み・自動処理）";

    private readonly HistoryLookups _lookups;
    private readonly OrgTree _org;
    private readonly DirectionCatalog _directions;

    public HistoryWording(HistoryLookups lookups, OrgTree org, DirectionCatalog directions) => (_lookups, _org, _directions) = (lookups, org, directions);

    private static readonly HashSet<string> YearFields = ["FiscalYear", "StartYear", "EndYear", "BaselineYear", "ValidFromYear", "ValidToYear"];
    /// A person by the name staff know them by. An account no longer registered is not shown by its stored id or
    /// e-mail address; a name stored as it was typed (「道路課長」) is shown as stored.
    public string Person(string userName) =>
        userName == "system" ? System
        : _lookups.People.TryGetValue(userName, out var name) ? name
        : userName.Contains('@', StringComparison.Ordinal) || Guid.TryParse(userName, out _) ? Unregistered
        : userName;

    public const string Unregistered = "（登録のない利用者）";

    /// A recorded value as staff read it; null stays empty.
    public string? Value(string entity, string field, string? value)
    {
        if (value is null) return null;
        if (YearFields.Contains(field) && int.TryParse(value, out var year)) return Wareki.FiscalYearWithWestern(year);
        if (field == "Month" && int.TryParse(value, out var month)) return $"{month}月";
        if (HistoryPages.IsPersonField(field)) return Person(value);
        if (entity == nameof(LabelMapping) && field == nameof(LabelMapping.Value) && int.TryParse(value, out var meaning))
            return _lookups.LabelMeanings.GetValueOrDefault(meaning, value);
        if (field.EndsWith("Id", StringComparison.Ordinal) && int.TryParse(value, out var id) && !RecordedValues.IsUnitField(field))
            return _lookups.References.GetValueOrDefault((field, id), "（削除された記録）");
        var type = _lookups.Types.GetValueOrDefault((entity, field));
        if (type == typeof(Direction) && Enum.TryParse<Direction>(value, out var direction)) return _directions.Label(direction);
        if (type is { IsEnum: true } && DisplayLabels.LabelOf(type, value) is { } label) return label;
        if (type == typeof(decimal) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && !RecordedValues.IsAmountField(field))
            return Display.Number(number);
        if (type == typeof(DateTime) && DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return Display.DateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        if (type == typeof(DateOnly) && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date)) return Wareki.Date(date);
        return RecordedValues.Of(field, value, unit => _org.Find(unit) is null ? null : _org.PathName(unit));
    }
}
