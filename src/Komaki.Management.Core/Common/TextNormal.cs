using System.Text;

namespace Komaki.Management.Core.Common;

/// Normalisation used only to match what staff typed against what the system knows
/// (NFKC, no spaces or line breaks). The original text is kept for display and export.
public static class TextNormal
{
    public static string ForMatch(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
