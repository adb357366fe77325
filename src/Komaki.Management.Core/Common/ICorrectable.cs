namespace Komaki.Management.Core.Common;

/// A record the public site shows once it is published — with its year (施策評価, マニフェストの進捗: IPublishedByYear)
/// or on its own (市民の声: IPublishedOnItsOwn). After that a change of what citizens see is a 訂正: it carries its reason
/// and time, and what was published stays readable beside it — whichever door the change comes through.
/// PublishedCorrections holds the rule; the database refuses a silent rewrite.
public interface ICorrectable
{
    DateTime? CorrectedAt { get; set; }
    string? CorrectionReason { get; set; }
    /// The text the public site showed before the first correction ("" when nothing was), kept through every later one.
    string? AsPublished { get; set; }
    /// What the public site shows of the record, as one text: two readings that differ here are a change citizens see.
    string PublicText();
    /// Keeps what the public site showed (the record as it was published; null when there was none) at the first correction.
    void KeepAsPublished(ICorrectable? published);
}

/// A record made public with its year's publication (PublishedCorrections.KindOf names the publication).
public interface IPublishedByYear : ICorrectable
{
    int FiscalYear { get; }
}

/// A record made public by its own mark, one at a time.
public interface IPublishedOnItsOwn : ICorrectable
{
    bool IsPublished { get; }
    /// How the reason's message names the record to the person correcting it (「公表済みの市民の声」).
    string PublishedName { get; }
}

/// A published record's 訂正 as citizens read it: when, why, and what was published before it ("" when nothing was).
public sealed record PublicCorrection(DateTime CorrectedAt, string Reason, string AsPublished)
{
    public static PublicCorrection? Of(DateTime? at, string? reason, string? asPublished) =>
        at is DateTime t ? new PublicCorrection(t, reason ?? "", asPublished ?? "") : null;
}
