using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Implementation;

public sealed class YearEntry : FundingForm
{
    [Display(Name = "年度")]
    public int Year { get; set; }
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "計画の有無")]
    public bool Exists { get; set; }
    public string? Status { get; set; }
    public string? Content { get; set; }
    public string? Cost { get; set; }
}

public sealed class ProjectPlanForm
{
    public List<YearEntry> Years { get; set; } = [];
}

/// Each year as ProjectPlanFormRules reads it, every message beside its field (Years[0].Cost …); the command reads
/// the years by the same rules before it saves.
public sealed class ProjectPlanFormValidator : AbstractValidator<ProjectPlanForm>
{
    public ProjectPlanFormValidator() => RuleFor(f => f.Years).Custom((years, context) =>
    {
        var found = new CommandResult();
        for (var i = 0; i < years.Count; i++) ProjectPlanFormRules.Parse(years[i], $"Years[{i}].", found);
        foreach (var error in found.Errors) context.AddFailure(error.Field, error.Message);
    });
}

/// The checks of one year of a project's plan as typed on screen: amounts in 千円 (full-width digits,
/// commas, ▲ accepted), a known status, no negative cost, and sources that add up to the cost.
public static class ProjectPlanFormRules
{
    private static readonly int ContentLength = ModelLengths.Of<ImplementationPlanLine>(l => l.Content);

    public sealed record Parsed(ImplementationStatus Status, string Content, long Cost, Funding Funding);

    public static bool IsBlank(YearEntry e) =>
        string.IsNullOrWhiteSpace(e.Status) && string.IsNullOrWhiteSpace(e.Content) && string.IsNullOrWhiteSpace(e.Cost) && e.FundingIsBlank;

    /// Null when the year is left blank (no line) or has errors, which go beside the fields.
    public static Parsed? Parse(YearEntry e, string prefix, CommandResult state)
    {
        if (IsBlank(e)) return null;
        var before = state.Errors.Count;
        ImplementationStatus status = default;
        if (string.IsNullOrWhiteSpace(e.Status) || !Enum.TryParse(e.Status, out status) || !Enum.IsDefined(status))
            state.Add(prefix + nameof(YearEntry.Status), "区分を選んでください。");
        long Amount(string? text, string field, string label)
        {
            if (!Amounts.TryParse(text, 1000, out var yen))
            {
                state.Add(prefix + field, $"{label}は千円単位の数値で入力してください。");
                return 0;
            }
            return yen ?? 0;
        }
        var cost = Amount(e.Cost, nameof(YearEntry.Cost), "事業費");
        var funding = e.ReadFunding((text, part) => Amount(text, part.Field, part.Label));
        if (cost < 0) state.Add(prefix + nameof(YearEntry.Cost), "事業費にマイナスは入力できません。");
        if (state.Errors.Count == before && ImplementationPlanLine.FundingMismatch(cost, funding.Sum) is string mismatch)
            state.Add(prefix + nameof(YearEntry.General), mismatch);
        if ((e.Content ?? "").Trim().Length > ContentLength) state.Add(prefix + nameof(YearEntry.Content), $"事業内容は{ContentLength:N0}文字以内で入力してください。");
        return state.Errors.Count == before ? new Parsed(status, (e.Content ?? "").Trim(), cost, funding) : null;
    }

    public static void CopyTo(Parsed p, ImplementationPlanLine line)
    {
        line.Status = p.Status;
        line.Content = p.Content;
        line.Cost = p.Cost;
        line.Funding = p.Funding;
    }
}
