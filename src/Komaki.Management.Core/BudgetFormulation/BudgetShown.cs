using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.BudgetFormulation;

/// What a confirmation page of 予算編成 showed, as a fingerprint its form carries back: submitting a request, an
/// assessor's draft and committing a stage for a 部 store exactly what the one who confirmed saw. A draft and a 部's
/// stage have no version of their own (a 部's commit is over all its lines), so the fingerprint is of the amounts shown;
/// the request's includes its version too.
public static class BudgetShown
{
    public const string Changed = "開いた後に内容が変わりました。画面を開き直して確かめてください。";

    public static string Request(BudgetRequest r) =>
        Of([r.Id, r.Version, r.Expenditure, .. Amounts(r.Funding), r.Reason, r.IsNew, r.SubmittedAt]);

    /// The amounts an assessment starts from and the draft already there (or none).
    public static string Draft(BudgetStage stage, IFunded from, BudgetStageEntry? draft)
    {
        var parts = new List<object?> { stage };
        parts.AddRange(Amounts(from));
        if (draft is null) parts.Add("none");
        else parts.AddRange([.. Amounts(draft), draft.Reason, draft.RecordedBy, draft.Committed]);
        return Of(parts);
    }

    /// Every line of a 部 with the amounts committing the stage would store.
    public static string Commit(BudgetStage stage, IEnumerable<(FormulationLine Line, IFunded Amounts)> lines)
    {
        var parts = new List<object?> { stage };
        foreach (var (line, amounts) in lines.OrderBy(l => l.Line.Request.Id))
        {
            parts.Add(line.Request.Id);
            parts.AddRange(Amounts(amounts));
        }
        return Of(parts);
    }

    /// The rows of a 効き目 report as they would be published.
    public static string Effect(IEnumerable<EffectPublicationRow> rows) =>
        Of(rows.SelectMany(r => new object?[] { r.Kind, r.Department, r.Verdict, r.Projects, r.Base, r.Requested, r.Assessed, r.Initial, r.Settled,
            r.RequestedGeneral, r.AssessedGeneral, r.SettledGeneral, r.PersonYears, r.NextPersonYears, r.BaseGeneral }
            .Concat(r.ToFigures().Columns.SelectMany(c => new object?[] { c.Compared, c.Missing, c.MissingBase }))));

    /// True when the form carried back the fingerprint of what is there now.
    public static bool Same(string? shown, string now) => !string.IsNullOrEmpty(shown) && string.Equals(shown, now, StringComparison.Ordinal);

    private static object?[] Amounts(IFunded f) => [f.Expenditure, .. Amounts(f.Funding)];

    private static IEnumerable<object?> Amounts(Funding f) => f.InOrder.Cast<object?>();

    private static string Of(IEnumerable<object?> parts)
    {
        var text = string.Join("\u001f", parts.Select(p => p switch
        {
            null => "\u2400",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
