using Microsoft.AspNetCore.Html;

namespace Komaki.Management.Web.Infrastructure;

/// One part of a bar: its value, its colour (a fill attribute, which the CSP allows where a style would not) and
/// the words a pointer or a screen reader gets.
public sealed record BarSegment(decimal Value, string Fill, string Title);

/// One row of a bar chart: the label (a link when Href is set), the value written at the right, the parts, and an
/// optional mark for a value to compare with (last year's).
public sealed record Bar(string Label, string ValueText, IReadOnlyList<BarSegment> Segments, string? Href = null, decimal? Mark = null, string? MarkTitle = null);

/// Horizontal bars drawn on the server as SVG, as the rest of the app's charts: no script, prints cleanly, and a
/// table beside it carries the same numbers. Positions are in percent of the width and the text in pixels, so the
/// words stay readable on a phone instead of shrinking with a scaled picture.
public static class BarChart
{
    private const int RowHeight = 36, BarTop = 20, BarHeight = 11;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars, decimal max)
    {
        if (bars.Count == 0) return HtmlString.Empty;
        if (max <= 0) max = 1;
        // A chart with links is a group (its links stay reachable); a picture alone is an image.
        string P(decimal v) => (Math.Clamp(v, 0, max) / max * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar-chart\" id=\"{id}\" width=\"100%\" height=\"{bars.Count * RowHeight + 4}\" role=\"{(bars.Any(b => b.Href is not null) ? "group" : "img")}\" aria-label=\"{E(title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight;
            var label = $"<text class=\"bar-label\" x=\"0\" y=\"{y + 14}\">{E(bar.Label)}</text>";
            sb.Append(bar.Href is null ? label : $"<a href=\"{E(bar.Href)}\">{label}</a>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"bar-value\" x=\"100%\" y=\"{y + 14}\" text-anchor=\"end\">{E(bar.ValueText)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-track\" x=\"0\" y=\"{y + BarTop}\" width=\"100%\" height=\"{BarHeight}\"/>");
            decimal start = 0;
            foreach (var s in bar.Segments.Where(s => s.Value > 0))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{P(start)}\" y=\"{y + BarTop}\" width=\"{P(s.Value)}\" height=\"{BarHeight}\" fill=\"{E(s.Fill)}\"><title>{E(s.Title)}</title></rect>");
                start += s.Value;
            }
            if (bar.Mark is decimal m)
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"bar-mark\" x1=\"{P(m)}\" x2=\"{P(m)}\" y1=\"{y + BarTop - 3}\" y2=\"{y + BarTop + BarHeight + 3}\"><title>{E(bar.MarkTitle ?? "")}</title></line>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
