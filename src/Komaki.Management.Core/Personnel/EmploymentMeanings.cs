using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Personnel;

/// 任用形態, with the everyday words personnel systems write for them.
public sealed class EmploymentMeanings() : FixedLabelMeanings<EmploymentType>(LabelKind.Employment, Enum.GetValues<EmploymentType>(), e => e.Label())
{
    public override IReadOnlyList<(string Word, int Value)> Words { get; } =
    [
        .. new[] { "正規", "正規職員", "正職員", "常勤", "常勤職員" }.Select(w => (w, (int)EmploymentType.Regular)),
        .. new[] { "再任用", "再任用職員", "再任用（短時間）", "再任用（フルタイム）", "再任用短時間勤務職員", "再任用フルタイム勤務職員" }
            .Select(w => (w, (int)EmploymentType.Reappointed)),
        .. JobLevelMeanings.FiscalYearAppointeeWords.Select(w => (w, (int)EmploymentType.FiscalYearAppointed)),
    ];
}
