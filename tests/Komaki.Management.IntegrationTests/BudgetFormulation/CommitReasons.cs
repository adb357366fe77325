using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.BudgetFormulation;

/// The reason fields of a stage's confirmation page as a browser sends them: each flagged line's request id, as the page
/// carries it, and the text typed for it.
internal static partial class CommitReasons
{
    public static (string, string)[] Of(string page, string text) =>
    [
        .. RequestIds().Matches(page).SelectMany(m => new[] { ($"Reasons[{m.Groups[1].Value}].RequestId", m.Groups[2].Value), ($"Reasons[{m.Groups[1].Value}].Text", text) }),
        // The 部's active projects without a request, when the stage asks why they are left out (予算案).
        .. page.Contains("name=\"UnrequestedReason\"", StringComparison.Ordinal) ? new[] { ("UnrequestedReason", text) } : [],
    ];

    /// The request ids the page asks a reason for.
    public static IReadOnlyList<int> Asked(string page) => RequestIds().Matches(page).Select(m => int.Parse(m.Groups[2].Value)).ToList();

    [GeneratedRegex("name=\"Reasons\\[(\\d+)\\]\\.RequestId\" value=\"(\\d+)\"")]
    private static partial Regex RequestIds();
}
