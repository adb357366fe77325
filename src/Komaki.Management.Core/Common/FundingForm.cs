
namespace Komaki.Management.Core.Common;

/// 財源内訳 as staff type it (千円), each part under its own name: the fields of every form that takes one (a budget
/// request or assessment, a year of a 実施計画).
public class FundingForm
{
    [Display(Name = "国庫支出金")]
    public string? National { get; set; }
    [Display(Name = "県支出金")]
    public string? Prefectural { get; set; }
    [Display(Name = "地方債")]
    public string? Bonds { get; set; }
    [Display(Name = "その他特定財源")]
    public string? OtherSpecific { get; set; }
    [Display(Name = "一般財源")]
    public string? General { get; set; }

    public string? TextOf(FundingPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Field switch
        {
            nameof(National) => National,
            nameof(Prefectural) => Prefectural,
            nameof(Bonds) => Bonds,
            nameof(OtherSpecific) => OtherSpecific,
            _ => General,
        };
    }

    public bool FundingIsBlank => Funding.Parts.All(p => string.IsNullOrWhiteSpace(TextOf(p)));

    /// Each part read by the form's own rule for an amount (which puts its message beside the field), in order.
    public Funding ReadFunding(Func<string?, FundingPart, long> amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Funding.Of([.. Funding.Parts.Select(p => amount(TextOf(p), p))]);
    }

    /// The form showing what is stored.
    public void Show(Funding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        (National, Prefectural, Bonds, OtherSpecific, General) = (Amounts.Thousands(funding.National), Amounts.Thousands(funding.Prefectural),
            Amounts.Thousands(funding.Bonds), Amounts.Thousands(funding.OtherSpecific), Amounts.Thousands(funding.General));
    }
}
