using Komaki.Management.Core.Common;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Core.Data;

/// Which publication makes each correctable record public, and the rule every door applies before saving one: a change
/// of what citizens see in a published year needs a reason, and is stamped as a 訂正 (the database keeps what was published: ICorrectable.KeepAsPublished).
public static class PublishedCorrections
{
    /// Every kind published with its year and the publication of that year (a test fails on an IPublishedByYear not listed here).
    public static readonly IReadOnlyDictionary<Type, PublicationKind> KindOf = new Dictionary<Type, PublicationKind>
    {
        [typeof(MeasureEvaluation)] = PublicationKind.MeasureEvaluations,
        [typeof(ManifestoProgress)] = PublicationKind.ManifestoProgress,
    };

    public const string ReasonField = "CorrectionReason";

    /// The years whose records of this kind are published.
    public static Task<List<int>> PublishedYearsAsync<T>(AppDbContext db) where T : IPublishedByYear
    {
        var kind = KindOf[typeof(T)];
        return db.Publications.AsNoTracking().Where(p => p.Kind == kind).Select(p => p.FiscalYear).ToListAsync();
    }

    public static string ReasonRequired(PublicationKind kind) => ReasonRequired($"この年度の{kind.Label()}");

    public static string ReasonRequired(string what) =>
        $"{what}は公表済みです。公開サイトに出ている内容を変えるときは、訂正の理由を書いてください（公表時の内容と並べて示します）。";

    /// Whether the record is public now (its own mark, or its year's publication of its kind).
    public static async Task<bool> IsPublishedAsync(AppDbContext db, ICorrectable record) => record switch
    {
        IPublishedOnItsOwn own => own.IsPublished,
        IPublishedByYear byYear => await db.Publications.AnyAsync(p => p.Kind == KindOf[record.GetType()] && p.FiscalYear == byYear.FiscalYear),
        _ => throw new ArgumentException($"{record.GetType().Name} is neither published by year nor on its own."),
    };

    private static string ReasonRequired(ICorrectable record) => record switch
    {
        IPublishedOnItsOwn own => ReasonRequired(own.PublishedName),
        _ => ReasonRequired(KindOf[record.GetType()]),
    };

    /// Stamps the record as corrected when what citizens see changed (before, its PublicText, → now) in a published
    /// year; refused, changing nothing of the stamp, without a reason. Unchanged or unpublished: nothing to do.
    public static async Task<CommandResult?> ApplyAsync(AppDbContext db, ICorrectable record, string before, string? reason, DateTime now)
    {
        if (record.PublicText() == before) return null;
        if (!await IsPublishedAsync(db, record)) return null;
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult.Refused(ReasonField, ReasonRequired(record));
        (record.CorrectedAt, record.CorrectionReason) = (now, reason.Trim());
        return null;
    }
}

/// A change of a published record reached the database without a reason (a door that did not apply the rule).
public sealed class PublishedChangeException(IReadOnlyList<string> what)
    : InvalidOperationException($"公表済みの内容（{string.Join("・", what)}）は、理由を添えた訂正でなければ変えられません。");
