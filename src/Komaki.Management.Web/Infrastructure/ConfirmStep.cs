namespace Komaki.Management.Web.Infrastructure;

/// A step that cannot be undone, asked on a page of its own (Features/Shared/Confirm.cshtml): what it is, what will
/// happen, and one button that posts the step. Opening the page changes nothing.
/// Hidden: the fields the step's POST needs, as the form would have sent them. CommentLabel: when set, the page
/// offers a comment sent as "Comment" (its refusal shown beside it). Missing: what is incomplete, listed before the
/// button — the step then either refuses or asks for the reason in Comment. Fields: what else the step asks (a date,
/// an opinion, a reason under the step's own field name), each with its refusal beside it.
public sealed record ConfirmStep(
    string Title, string Subject, IReadOnlyList<string> Consequences, string PostUrl, string Button, string CancelUrl,
    IReadOnlyDictionary<string, string> Hidden, string? CommentLabel = null, bool Danger = false, IReadOnlyList<string>? Missing = null,
    IReadOnlyList<ConfirmField>? Fields = null);

/// A field of a confirmation page: a date input, or a text area when Date is false.
public sealed record ConfirmField(string Name, string Label, string Value, bool Date = false);
