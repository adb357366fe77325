using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Komaki.Management.Web.Infrastructure;

/// &lt;compact&gt;…&lt;/compact&gt; sends its content without the indentation of the view: every run of white space
/// that holds a line break becomes one line break, which the browser shows exactly as it showed the run (white space
/// between elements is one space either way). For the long generated tables and trees of a large city (issue 29: the
/// plan tree's indentation alone was 48 KB); never around &lt;pre&gt; or &lt;textarea&gt;, whose white space counts.
/// Placed inside a &lt;cache&gt; element, it runs once per build of the fragment.
[HtmlTargetElement("compact")]
public sealed partial class CompactTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var content = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(Indentation().Replace(content, "\n"));
    }

    [GeneratedRegex(@"[ \t\r]*\n\s*")]
    private static partial Regex Indentation();
}
