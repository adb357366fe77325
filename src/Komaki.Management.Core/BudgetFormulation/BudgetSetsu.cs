using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.BudgetFormulation;

/// 歳出予算の節: the standard list of 地方自治法施行規則 (別記 歳出予算に係る節の区分, as revised from 令和2年度 when
/// 賃金 was folded into 報酬 and the 節 were renumbered), 1 報酬 to 27 繰出金. 財政課 staff name a 節 by its number.
public static class SetsuList
{
    public static readonly IReadOnlyList<(int Number, string Name)> All =
    [
        (1, "報酬"), (2, "給料"), (3, "職員手当等"), (4, "共済費"), (5, "災害補償費"), (6, "恩給及び退職年金"), (7, "報償費"), (8, "旅費"),
        (9, "交際費"), (10, "需用費"), (11, "役務費"), (12, "委託料"), (13, "使用料及び賃借料"), (14, "工事請負費"), (15, "原材料費"),
        (16, "公有財産購入費"), (17, "備品購入費"), (18, "負担金、補助及び交付金"), (19, "扶助費"), (20, "貸付金"), (21, "補償、補塡及び賠償金"),
        (22, "償還金、利子及び割引料"), (23, "投資及び出資金"), (24, "積立金"), (25, "寄附金"), (26, "公課費"), (27, "繰出金"),
    ];

    public static string Name(int number) => All.FirstOrDefault(s => s.Number == number).Name ?? number.ToString(CultureInfo.InvariantCulture);

    public static string Label(int number) => $"{number} {Name(number)}";
}

/// One 節 of a request's 歳出. A request gives its 節 or none; the 節 given add up to its 歳出. The stages after 要求
/// assess the line's total: the breakdown is the 課's, as submitted.
[DataArea(DataArea.Do)]
public sealed class BudgetRequestSetsu : IAudited
{
    public int Id { get; set; }
    [Display(Name = "予算要求")]
    public int BudgetRequestId { get; set; }
    [Display(Name = "節")]
    public int Setsu { get; set; }
    [Display(Name = "節の金額")]
    public long Amount { get; set; }

    public AuditTarget AuditTarget => new(nameof(BudgetRequest), BudgetRequestId, SetsuList.Label(Setsu));
}

/// A 節 as typed on the request form: its number and the amount in 千円 (blank for a 節 not used).
public sealed class SetsuRow
{
    [Display(Name = "節")]
    public int Number { get; set; }
    [Display(Name = "節の金額")]
    public string? Amount { get; set; }
}
