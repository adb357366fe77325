using System.Globalization;
using FluentValidation;

namespace Komaki.Management.Core.Common;

/// The range every date a person types must fall in: from 平成元年1月8日 (the city keeps no record from before it) to the
/// end of 2099 (a due date or a plan period a long way off, never a typo of the year). Each form's validator applies
/// it to each of its dates (SensibleDate), so the refusal stands beside the field in the same words everywhere.
public static class SensibleDates
{
    public static readonly DateOnly Earliest = new(1989, 1, 8);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static readonly string Message = $"{Wareki.Date(Earliest)}から{Latest.Year}年{Latest.Month}月{Latest.Day}日までの日付を入力してください。";

    public static bool Within(DateOnly date) => date >= Earliest && date <= Latest;

    /// A date typed as text: an empty or unreadable text is the field's own rule's to refuse.
    public static bool Within(string? text) =>
        string.IsNullOrWhiteSpace(text) || !DateOnly.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var date) || Within(date);

    public static IRuleBuilderOptions<T, DateOnly?> SensibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is not DateOnly date || Within(date)).WithMessage(Message);

    public static IRuleBuilderOptions<T, DateOnly> SensibleDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(Within).WithMessage(Message);

    public static IRuleBuilderOptions<T, string?> SensibleDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => Within(t)).WithMessage(Message);
}
