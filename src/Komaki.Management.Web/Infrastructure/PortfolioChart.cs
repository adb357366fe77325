using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Microsoft.AspNetCore.Html;

namespace Komaki.Management.Web.Infrastructure;

/// The CS portfolio as server-drawn SVG: satisfaction across, importance up, the year's averages as the
/// quadrant lines, and an arrow from where each measure stood last year. The table beside it has the same data.
public static class PortfolioChart
{
    private const double W = 640, H = 480, L = 56, R = 16, T = 24, B = 44;

    public static IHtmlContent Render(IReadOnlyList<PortfolioPoint> points, decimal meanSatisfaction, decimal meanImportance, int year)
    {
        if (points.Count == 0) return HtmlString.Empty;
        var xs = points.Select(p => (double)p.Satisfaction).Concat(points.Where(p => p.PreviousSatisfaction is not null).Select(p => (double)p.PreviousSatisfaction!.Value)).ToList();
        var ys = points.Select(p => (double)p.Importance).Concat(points.Where(p => p.PreviousImportance is not null).Select(p => (double)p.PreviousImportance!.Value)).ToList();
        var (x0, x1) = Range(xs);
        var (y0, y1) = Range(ys);
        double X(double v) => L + (W - L - R) * (v - x0) / (x1 - x0);
        double Y(double v) => T + (H - T - B) * (1 - (v - y0) / (y1 - y0));
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"portfolio-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"portfolio-title\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"portfolio-title\">{year}年度 施策の重要度・満足度（CSポートフォリオ）。横軸が満足度、縦軸が重要度。線は平均値。</title>");
        sb.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>");
        var mx = X((double)meanSatisfaction);
        var my = Y((double)meanImportance);
        // Quadrant backgrounds: the priority-improvement one (top left) stands out.
        Rect("q-priority-improvement", L, T, mx - L, my - T);
        Rect("q-priority-maintenance", mx, T, W - R - mx, my - T);
        // Each quadrant's name in its outer corner.
        foreach (var (name, right, bottom) in new[] { ("重点改善", false, false), ("重点維持", true, false), ("改善", false, true), ("維持", true, true) })
            Text(right ? W - R - 6 : L + 6, bottom ? H - B - 8 : T + 16, name, "q-label", right ? "end" : null);
        Line("axis", L, H - B, W - R, H - B);
        Line("axis", L, T, L, H - B);
        Line("mean", mx, T, mx, H - B);
        Line("mean", L, my, W - R, my);
        Text((L + W - R) / 2, H - 8, "満足度 →", anchor: "middle");
        Text(14, (T + H - B) / 2, "重要度 →", anchor: "middle", transform: $"rotate(-90 14 {F((T + H - B) / 2)})");
        Text(L, H - B + 14, F(x0), anchor: "middle");
        Text(W - R, H - B + 14, F(x1), anchor: "middle");
        Text(L - 6, H - B, F(y0), anchor: "end");
        Text(L - 6, T + 4, F(y1), anchor: "end");
        foreach (var p in points)
        {
            var px = X((double)p.Satisfaction);
            var py = Y((double)p.Importance);
            if (p.PreviousSatisfaction is decimal ps && p.PreviousImportance is decimal pi)
                Line("move", X((double)ps), Y((double)pi), px, py, " marker-end=\"url(#arrow)\"");
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"point q-{p.Quadrant.ToString().ToLowerInvariant()}\" cx=\"{F(px)}\" cy=\"{F(py)}\" r=\"5\"><title>{WebUtility.HtmlEncode($"{p.Code} {p.Name}: 満足度 {p.Satisfaction:0.00}、重要度 {p.Importance:0.00}（{p.Quadrant.Label()}）")}</title></circle>");
            Text(px + 7, py - 5, WebUtility.HtmlEncode(p.Code), "point-label");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());

        // Each element of the drawing written one way, its coordinates rounded alike.
        void Rect(string cls, double x, double y, double width, double height) =>
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cls}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height)}\"/>");
        void Line(string cls, double x1, double y1, double x2, double y2, string end = "") =>
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"{cls}\" x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\"{end}/>");
        void Text(double x, double y, string html, string? cls = null, string? anchor = null, string? transform = null) =>
            sb.Append(CultureInfo.InvariantCulture, $"<text{(cls is null ? "" : $" class=\"{cls}\"")} x=\"{F(x)}\" y=\"{F(y)}\"{(anchor is null ? "" : $" text-anchor=\"{anchor}\"")}{(transform is null ? "" : $" transform=\"{transform}\"")}>{html}</text>");
    }

    private static (double, double) Range(List<double> values)
    {
        var min = values.Min();
        var max = values.Max();
        if (max - min < 1e-9) (min, max) = (min - 1, max + 1);
        var pad = (max - min) * 0.08;
        return (Math.Floor((min - pad) * 10) / 10, Math.Ceiling((max + pad) * 10) / 10);
    }
}
