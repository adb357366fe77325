using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Common;
using Microsoft.AspNetCore.Html;

namespace Komaki.Management.Web.Features.BudgetFormulation;

/// One row's N+1 cells of 評価の効き目, as the staff page and the published tables show them: each figure, its change
/// from what it is compared with, and who is not counted — all read from EffectFigures.Columns (the one computation),
/// figures in yen in data-* for a machine. Written on one line, as the tables' rows are; the table's class "effect"
/// aligns the cells (a page of 120 rows stays under 150 KB without a class on each).
public static class EffectCells
{
    private static readonly string[] Names = ["requested", "assessed", "initial", "settled"];

    public static IHtmlContent Render(EffectFigures f)
    {
        static string Yen(long? yen) => yen?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string Figure(long? yen) => yen is long y ? Amounts.Thousands(y) : "－";
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        var columns = f.Columns;
        for (var i = 0; i < 4; i++)
        {
            var c = columns[i];
            html.Append(CultureInfo.InvariantCulture, $"<td data-{Names[i]}=\"{Yen(c.Figure)}\" data-change=\"{Yen(c.Change)}\" data-compared=\"{Yen(c.Compared)}\" data-missing=\"{c.Missing}\" data-missing-base=\"{Yen(c.MissingBase)}\">")
                .Append(E(Figure(c.Figure)));
            if (c.ChangeText != "－") html.Append("<span class=\"ec\">").Append(E(c.ChangeText)).Append("</span>");
            if (c.Note is { Length: > 0 } note) html.Append("<span class=\"em\">").Append(E(note)).Append("</span>");
            html.Append("</td>");
        }
        var (rg, ag, sg) = (columns[4], columns[5], columns[6]);
        html.Append(CultureInfo.InvariantCulture, $"<td data-requested-general=\"{Yen(rg.Figure)}\" data-assessed-general=\"{Yen(ag.Figure)}\" data-settled-general=\"{Yen(sg.Figure)}\"")
            .Append(CultureInfo.InvariantCulture, $" data-base-general=\"{Yen(f.BaseGeneral)}\">")
            .Append(E($"{Figure(rg.Figure)}／{Figure(ag.Figure)}／{Figure(sg.Figure)}"));
        if (f.LikeWithLike && f.BaseGeneral is null)
            html.Append("<span class=\"ec\">比べる元なし</span>");
        else if (f.LikeWithLike)
        {
            html.Append("<span class=\"ec\">").Append(E($"{rg.ChangeText}／{ag.ChangeText}／{sg.ChangeText}")).Append("</span>");
            foreach (var g in new[] { rg, ag, sg }.Where(g => g.Missing > 0))
                html.Append("<span class=\"em\">").Append(E($"一般財源 {g.MissingText}")).Append("</span>");
        }
        html.Append("</td>");
        return new HtmlString(html.ToString());
    }
}
