using Komaki.Management.Core.Common;
using Komaki.Management.Core.Plans;
using Microsoft.AspNetCore.Html;

namespace Komaki.Management.Web.Infrastructure;

/// Draws an indicator's targets and actuals over the years as SVG on the server: it prints cleanly,
/// needs no script (the CSP forbids inline script), and the table beside it carries the same data.
public static class TrendChart
{
    private const double W = 520, H = 200, L = 64, R = 16, T = 20, B = 32;

    public static IHtmlContent Render(Indicator indicator)
    {
        var values = indicator.Values.OrderBy(v => v.FiscalYear).ToList();
        if (values.Count == 0) return HtmlString.Empty;
        var points = values.SelectMany(v => new[] { v.Target, v.Actual }).OfType<decimal>().ToList();
        if (indicator.BaselineValue is decimal b) points.Add(b);
        var min = points.Count > 0 ? (double)points.Min() : 0;
        var max = points.Count > 0 ? (double)points.Max() : 1;
        if (Math.Abs(max - min) < 1e-9)
        {
            max += 1;
            min -= 1;
        }
        var pad = (max - min) * 0.1;
        min -= pad;
        max += pad;

        double X(int i) => values.Count <= 1 ? L + (W - L - R) / 2 : L + i * (W - L - R) / (values.Count - 1);
        double Y(decimal v) => T + (H - T - B) * (1 - ((double)v - min) / (max - min));
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        string PathOf(Func<IndicatorValue, decimal?> pick)
        {
            var parts = new List<string>();
            for (var i = 0; i < values.Count; i++)
            {
                if (pick(values[i]) is decimal v) parts.Add($"{(parts.Count == 0 ? "M" : "L")}{F(X(i))},{F(Y(v))}");
            }
            return string.Join(" ", parts);
        }
        static string E(string s) => WebUtility.HtmlEncode(s);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{E(indicator.Name)}の目標値と実績値の推移（数値は表を参照）\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\"/><line class=\"axis\" x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{L - 4}\" y=\"{T + 4}\" text-anchor=\"end\">{E(Display.Number((decimal)Math.Round(max, 1)))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{L - 4}\" y=\"{H - B}\" text-anchor=\"end\">{E(Display.Number((decimal)Math.Round(min, 1)))}</text>");
        for (var i = 0; i < values.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{H - 10}\" text-anchor=\"middle\">{Wareki.FiscalYearShort(values[i].FiscalYear)}</text>");
        }
        // The baseline as a dotted line across the chart: an actual below it (above, for lower-is-better) got worse.
        if (indicator.BaselineValue is decimal baseline)
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"baseline\" x1=\"{L}\" y1=\"{F(Y(baseline))}\" x2=\"{W - R}\" y2=\"{F(Y(baseline))}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"target\" d=\"{PathOf(v => v.Target)}\"/><path class=\"actual\" d=\"{PathOf(v => v.Actual)}\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Actual is decimal a) svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{F(X(i))}\" cy=\"{F(Y(a))}\" r=\"3\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{W - R}\" y=\"{T - 6}\" text-anchor=\"end\">― 実績値　- - 目標値{(indicator.BaselineValue is null ? "" : "　··· 基準値")}</text></svg>");
        return new HtmlString(svg.ToString());
    }
}
