using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Komaki.Management.Web.Infrastructure;

/// &lt;compact&gt;…&lt;/compact&gt; sends its content without the indentation of the view: every run of white space
/// that holds a line break becomes one line break, which the browser shows exactly as it showed the run (white space
/// between elements is one space either way). For the long generated tables and trees of a large city (issue 29: the
/// plan tree's indentation alone was 48 KB); never around &lt;pre&gt; or &lt;textarea&gt;, whose white space counts.
/// Placed inside a &lt;cache&gt; element, it runs once per build of the fragment.
[HtmlTargetElement("compact")]
public sealed class CompactTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        // The layout wraps every page in it: the content is compacted as it is written out, not copied into one
        // string and matched again (that was a tenth of the app's CPU on every page).
        output.Content.SetHtmlContent(new Compacted(await output.GetChildContentAsync()));
    }

    /// The content as the compacted string of its text would be written: its text is what GetContent() gives
    /// (HtmlEncoder.Default), whatever encoder the page writes with.
    private sealed class Compacted(IHtmlContent content) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var compacting = new CompactingWriter(writer);
            content.WriteTo(compacting, HtmlEncoder.Default);
            compacting.Finish();
        }
    }
}

/// Writes what it is given with every run of white space that holds a line break made one line break — exactly
/// Regex.Replace(text, @"[ \t\r]*\n\s*", "\n") over all that was written, however the text comes in pieces.
public sealed class CompactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();   // spaces, tabs and CRs not yet known to precede a line break
    private bool _afterBreak;                            // skipping the white space that follows a line break

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var text = buffer;
        while (!text.IsEmpty)
        {
            if (_afterBreak)
            {
                var i = 0;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                text = text[i..];
                if (text.IsEmpty) return;
                _afterBreak = false;
            }
            var lineBreak = text.IndexOf('\n');
            var end = lineBreak < 0 ? text.Length : lineBreak;
            var kept = end;
            while (kept > 0 && text[kept - 1] is ' ' or '\t' or '\r') kept--;
            if (kept > 0)
            {
                if (_pending.Length > 0) { inner.Write(_pending); _pending.Clear(); }
                inner.Write(text[..kept]);
            }
            if (lineBreak < 0)
            {
                _pending.Append(text[kept..]);
                return;
            }
            _pending.Clear();
            inner.Write('\n');
            _afterBreak = true;
            text = text[(lineBreak + 1)..];
        }
    }

    /// Writes the spaces left at the end (no line break followed them).
    public void Finish()
    {
        if (_pending.Length > 0) inner.Write(_pending);
        _pending.Clear();
    }

    public override void Flush() => inner.Flush();
}
