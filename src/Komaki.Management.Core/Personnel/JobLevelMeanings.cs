using Komaki.Management.Core.Common;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Personnel;

/// 職層, with the everyday words personnel systems write for them.
public sealed class JobLevelMeanings() : FixedLabelMeanings<JobLevel>(LabelKind.JobLevel, Enum.GetValues<JobLevel>(), l => l.Label())
{
    /// 会計年度任用職員 is both a 職層 and a 任用形態 in the personnel systems' files.
    internal static readonly string[] FiscalYearAppointeeWords =
    [
        "会計年度任用", "会計年度任用職員", "会計年度任用職員（パートタイム）", "会計年度任用職員（フルタイム）",
        "パートタイム会計年度任用職員", "フルタイム会計年度任用職員",
    ];

    public override IReadOnlyList<(string Word, int Value)> Words { get; } =
    [
        .. new[] { "部長", "部長級" }.Select(w => (w, (int)JobLevel.DepartmentChief)),
        .. new[] { "課長", "課長級" }.Select(w => (w, (int)JobLevel.DivisionChief)),
        .. new[] { "係長", "係長級" }.Select(w => (w, (int)JobLevel.SectionChief)),
        .. new[] { "一般", "一般職員", "主任・主事級" }.Select(w => (w, (int)JobLevel.General)),
        .. FiscalYearAppointeeWords.Select(w => (w, (int)JobLevel.FiscalYearAppointee)),
    ];
}
