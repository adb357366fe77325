using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Plans;

/// What stays as it was once it counted: a past year's target, and an actual after planning published that year.
public sealed record YearLock(bool TargetLocked, bool ActualLocked, bool ActualPublished);

/// Departments enter this year's and future targets and the actuals not yet published; a change to a past target or
/// a published actual goes to planning, who may make it — a published actual only with a reason, shown as 訂正.
public static class IndicatorValueRules
{
    public static YearLock For(Actor actor, int fiscalYear, int currentFiscalYear, bool actualPublished) => actor.IsPlanMasterEditor
        ? new YearLock(false, false, actualPublished)
        : new YearLock(fiscalYear < currentFiscalYear, actualPublished, actualPublished);

    public const string TargetLockedMessage = "過去の年度の目標値は、所属では変更できません。変更が必要なときは企画課に依頼してください。";
    public const string ActualLockedMessage = "公表済みの年度の実績値は、所属では変更できません。訂正が必要なときは企画課に依頼してください。";
    public const string ReasonRequiredMessage = "公表済みの実績値を訂正する理由を入力してください（公開サイトに「訂正」として表示されます）。";

    public const string ImportRefusedMessage = "の実績値は公表済みです。公表済みの実績値を変えるのは訂正で、企画課が画面で理由を添えて行います（取込では変えられません）。";

    /// A change of a published actual is a correction; a first entry for a year published without it is not.
    public static bool IsCorrection(bool published, decimal? before, decimal? after) => published && before is not null && before != after;

    /// The years whose actuals planning has published: what every door passes to Indicator.Enter.
    public static async Task<HashSet<int>> PublishedActualYearsAsync(AppDbContext db, CancellationToken ct = default) =>
        (await db.PublishedActualYears.ToListAsync(ct)).ToHashSet();
}

/// A published actual was about to change without a correction's reason and time.
public sealed class PublishedActualChangeException(IReadOnlyList<int> years)
    : InvalidOperationException($"公表済みの年度（{string.Join("・", years.Select(Wareki.FiscalYear))}）の実績値は、理由を添えた訂正でなければ変えられません。")
{
    public IReadOnlyList<int> Years { get; } = years;
}
