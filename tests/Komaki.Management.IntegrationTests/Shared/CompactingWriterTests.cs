using System.Text;
using System.Text.RegularExpressions;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.IntegrationTests.Shared;

/// &lt;compact&gt; (every page, through the layout) writes its content as it goes instead of matching one string of the
/// whole page: what it writes must be exactly what the replacement it took over wrote, for any text however it is cut
/// into the pieces a view writes — white space at the end of a piece, a line break at the start of the next, spaces
/// that a piece leaves pending and no line break ever follows, and the Unicode spaces (U+3000) that \s counts.
public class CompactingWriterTests
{
    private static string Compacted(IEnumerable<string> pieces)
    {
        var output = new StringWriter();
        var writer = new CompactingWriter(output);
        foreach (var p in pieces) writer.Write(p);
        writer.Finish();
        return output.ToString();
    }

    private static string Expected(string text) => Regex.Replace(text, @"[ \t\r]*\n\s*", "\n");

    [Theory]
    [InlineData("")]
    [InlineData("<div>\n    <p>a</p>\r\n\t\t<p>b</p>   \n  </div>  ")]
    [InlineData("a \f \n b")]
    [InlineData("　全角\n　　字下げ\n")]
    [InlineData("\n\n\n   x \t\r\n")]
    [InlineData("trailing   ")]
    [InlineData("a\u00A0\nb \r x\rz")]
    public void Writes_what_the_regular_expression_wrote_whichever_way_the_text_is_cut(string text)
    {
        for (var cut = 0; cut <= text.Length; cut++)
        {
            Assert.Equal(Expected(text), Compacted([text[..cut], text[cut..]]));
        }
        Assert.Equal(Expected(text), Compacted(text.Select(c => c.ToString())));
    }

    [Fact]
    public void Writes_what_the_regular_expression_wrote_for_random_text_in_random_pieces()
    {
        const string alphabet = "  \t\r\n\n\f\v\u3000\u00A0\u2028ab<>あ";
        var random = new Random(29);
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--) text.Append(alphabet[random.Next(alphabet.Length)]);
            var s = text.ToString();
            var pieces = new List<string>();
            for (var at = 0; at < s.Length;)
            {
                var length = Math.Min(random.Next(0, 8), s.Length - at);
                pieces.Add(s.Substring(at, length));
                at += length;
            }
            Assert.Equal(Expected(s), Compacted(pieces));
        }
    }
}
