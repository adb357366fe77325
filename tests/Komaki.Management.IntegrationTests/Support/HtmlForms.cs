using System.Net;
using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests;

/// Reads a page's form as a browser would submit it: inputs with their values (checked boxes only), the selected
/// option of each select, and each textarea's text — so a test can post the form back with one field changed.
internal static partial class HtmlForms
{
    public static Dictionary<string, string> Fields(string html, string? action = null)
    {
        if (action is not null)
        {
            var form = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
            if (form.Success) html = form.Groups[1].Value;
        }
        var fields = new Dictionary<string, string>();
        foreach (Match m in Input().Matches(html))
        {
            var tag = m.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken") continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            if (type is "submit" or "button" or "file") continue;
            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? (type == "checkbox" ? "on" : ""));
        }
        foreach (Match m in Select().Matches(html))
        {
            var name = Attribute(m.Groups[1].Value, "name");
            if (name is null) continue;
            var selected = Regex.Match(m.Groups[2].Value, "<option[^>]*selected[^>]*>");
            fields[name] = selected.Success ? WebUtility.HtmlDecode(Attribute(selected.Value, "value") ?? "") : "";
        }
        foreach (Match m in TextArea().Matches(html))
        {
            if (Attribute(m.Groups[1].Value, "name") is string name) fields[name] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
