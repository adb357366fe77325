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
        sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"q-priority-improvement\" x=\"{F(L)}\" y=\"{F(T)}\" width=\"{F(mx - L)}\" height=\"{F(my - T)}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"q-priority-maintenance\" x=\"{F(mx)}\" y=\"{F(T)}\" width=\"{F(W - R - mx)}\" height=\"{F(my - T)}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"q-label\" x=\"{F(L + 6)}\" y=\"{F(T + 16)}\">重点改善</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"q-label\" x=\"{F(W - R - 6)}\" y=\"{F(T + 16)}\" text-anchor=\"end\">重点維持</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"q-label\" x=\"{F(L + 6)}\" y=\"{F(H - B - 8)}\">改善</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"q-label\" x=\"{F(W - R - 6)}\" y=\"{F(H - B - 8)}\" text-anchor=\"end\">維持</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(L)}\" y1=\"{F(H - B)}\" x2=\"{F(W - R)}\" y2=\"{F(H - B)}\"/><line class=\"axis\" x1=\"{F(L)}\" y1=\"{F(T)}\" x2=\"{F(L)}\" y2=\"{F(H - B)}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"mean\" x1=\"{F(mx)}\" y1=\"{F(T)}\" x2=\"{F(mx)}\" y2=\"{F(H - B)}\"/><line class=\"mean\" x1=\"{F(L)}\" y1=\"{F(my)}\" x2=\"{F(W - R)}\" y2=\"{F(my)}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((L + W - R) / 2)}\" y=\"{F(H - 8)}\" text-anchor=\"middle\">満足度 →</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{F((T + H - B) / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {F((T + H - B) / 2)})\">重要度 →</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(L)}\" y=\"{F(H - B + 14)}\" text-anchor=\"middle\">{F(x0)}</text><text x=\"{F(W - R)}\" y=\"{F(H - B + 14)}\" text-anchor=\"middle\">{F(x1)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(L - 6)}\" y=\"{F(H - B)}\" text-anchor=\"end\">{F(y0)}</text><text x=\"{F(L - 6)}\" y=\"{F(T + 4)}\" text-anchor=\"end\">{F(y1)}</text>");
        foreach (var p in points)
        {
            var px = X((double)p.Satisfaction);
            var py = Y((double)p.Importance);
            if (p.PreviousSatisfaction is decimal ps && p.PreviousImportance is decimal pi)
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"move\" x1=\"{F(X((double)ps))}\" y1=\"{F(Y((double)pi))}\" x2=\"{F(px)}\" y2=\"{F(py)}\" marker-end=\"url(#arrow)\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"point q-{p.Quadrant.ToString().ToLowerInvariant()}\" cx=\"{F(px)}\" cy=\"{F(py)}\" r=\"5\"><title>{WebUtility.HtmlEncode($"{p.Code} {p.Name}: 満足度 {p.Satisfaction:0.00}、重要度 {p.Importance:0.00}（{p.Quadrant.Label()}）")}</title></circle>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"point-label\" x=\"{F(px + 7)}\" y=\"{F(py - 5)}\">{WebUtility.HtmlEncode(p.Code)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
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
