using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Komaki.Management.Web.Infrastructure;

/// A form posted without a field it showed is refused, never saved: a field the person did not touch that did not
/// arrive (a page cut short, a script, a request made by hand) would otherwise bind as empty and clear what is stored.
/// Every post form lists the names of the controls it shows (SentFieldsTagHelper, as __Fields); this filter refuses a
/// post that lacks one, with the names, before its action runs (the form is read by then, within the action's limits). A browser leaves out, by their type, a checkbox not
/// checked (bound as false), a radio group with none chosen, a button, a file, a disabled control and a multiple select with nothing chosen: those are
/// not listed, and a form binds an unchecked box as false.
public sealed class SentFields : IAsyncActionFilter
{
    public const string Name = "__Fields";
    public const char Separator = '|';

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            if (form.TryGetValue(Name, out var listed))
            {
                var missing = listed.ToString().Split(Separator, StringSplitOptions.RemoveEmptyEntries).Where(n => !form.ContainsKey(n)).Distinct().ToList();
                if (missing.Count > 0)
                {
                    context.HttpContext.Items[AppController.ForbiddenReason] =
                        $"送信された内容に、画面にあった項目（{string.Join("、", missing.Take(5))}{(missing.Count > 5 ? " ほか" : "")}）が含まれていなかったため、保存していません。触れていない項目が消えないように止めました。画面を開き直して、もう一度操作してください。";
                    context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                    return;
                }
            }
        }
        await next();
    }
}

/// Adds to every post form the list of the names of the controls it shows, which SentFields checks on arrival.
[HtmlTargetElement("form")]
public sealed partial class SentFieldsTagHelper : TagHelper
{
    // After the framework's form helper, so the list sits beside the antiforgery token.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes.TryGetAttribute("method", out var m) ? m.Value?.ToString() : null;
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        var names = new List<string>();
        foreach (Match control in Control().Matches(content))
        {
            var tag = control.Groups[1].Value.ToLowerInvariant();
            var attributes = control.Groups[2].Value;
            // A control that names another form (form="…") is sent with that one.
            if (Attribute("name", attributes) is not { Length: > 0 } name || Flag("disabled", attributes) || Attribute("form", attributes) is not null) continue;
            var type = tag == "input" ? Attribute("type", attributes)?.ToLowerInvariant() ?? "text" : tag;
            // A radio group arrives when one of it is chosen, and the person cannot unchoose it.
            if (type == "radio" && !Flag("checked", attributes)) continue;
            if (type is "checkbox" or "submit" or "button" or "reset" or "image" or "file") continue;
            // A multiple select with nothing chosen, or a select with no option, sends nothing.
            if (tag == "select" && (Flag("multiple", attributes) || !OptionsOf(content, control.Index + control.Length).Contains("<option", StringComparison.OrdinalIgnoreCase))) continue;
            names.Add(name);
        }
        if (names.Count == 0) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{Name}\" value=\"{WebUtility.HtmlEncode(string.Join(SentFields.Separator, names.Distinct()))}\">");
    }

    private const string Name = SentFields.Name;

    private static string? Attribute(string name, string attributes) =>
        Regex.Match(attributes, $@"(?:^|\s){name}\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+))", RegexOptions.IgnoreCase) is { Success: true } a
            ? WebUtility.HtmlDecode(a.Groups[1].Success ? a.Groups[1].Value : a.Groups[2].Success ? a.Groups[2].Value : a.Groups[3].Value)
            : null;

    private static string OptionsOf(string content, int from)
    {
        var end = content.IndexOf("</select", from, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? "" : content[from..end];
    }

    private static bool Flag(string name, string attributes) => Regex.IsMatch(attributes, $@"(?:^|\s){name}(?:\s|=|/|$)", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"<(input|select|textarea)\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Control();
}
