namespace Komaki.Management.Core.Common;

/// 財源内訳: what pays for an amount (a request's or a stage's 歳出, a 実施計画 line's 事業費), in yen. Stored in the
/// owner's own columns under the parts' names (National, Prefectural, …), so every owner keeps its table as it was.
[System.ComponentModel.DataAnnotations.Schema.ComplexType]
public sealed record Funding(
    [property: Display(Name = "国庫支出金")] long National,
    [property: Display(Name = "県支出金")] long Prefectural,
    [property: Display(Name = "地方債")] long Bonds,
    [property: Display(Name = "その他特定財源")] long OtherSpecific,
    [property: Display(Name = "一般財源")] long General)
{
    public static readonly Funding None = new(0, 0, 0, 0, 0);

    /// The five parts in their order on every sheet, screen and export: the field's name, its label, its amount.
    public static readonly IReadOnlyList<FundingPart> Parts =
    [
        new(nameof(National), "国庫支出金", f => f.National, (f, v) => f with { National = v }),
        new(nameof(Prefectural), "県支出金", f => f.Prefectural, (f, v) => f with { Prefectural = v }),
        new(nameof(Bonds), "地方債", f => f.Bonds, (f, v) => f with { Bonds = v }),
        new(nameof(OtherSpecific), "その他特定財源", f => f.OtherSpecific, (f, v) => f with { OtherSpecific = v }),
        new(nameof(General), "一般財源", f => f.General, (f, v) => f with { General = v }),
    ];

    /// The parts by their index in Parts.
    public static Funding Of(IReadOnlyList<long> parts) => new(parts[0], parts[1], parts[2], parts[3], parts[4]);

    public long Sum => National + Prefectural + Bonds + OtherSpecific + General;

    /// The parts in the order of Parts.
    public IEnumerable<long> InOrder => Parts.Select(p => p.Of(this));

    /// The rule every owner holds, wherever it is typed: the parts add up to the amount they pay for.
    public bool AddsUpTo(long total) => Sum == total;

    /// The parts of many amounts added up, part by part.
    public static Funding Total(IEnumerable<Funding> all) => all.Aggregate(None, (sum, f) =>
        new(sum.National + f.National, sum.Prefectural + f.Prefectural, sum.Bonds + f.Bonds, sum.OtherSpecific + f.OtherSpecific, sum.General + f.General));

    /// More is paid from 一般財源 (a 復活 granted is 一般財源).
    public Funding WithMoreGeneral(long added) => this with { General = General + added };
}

public sealed record FundingPart(string Field, string Label, Func<Funding, long> Of, Func<Funding, long, Funding> With);
