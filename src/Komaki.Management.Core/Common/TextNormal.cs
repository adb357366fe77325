namespace Komaki.Management.Core.Common;

/// Normalisation used only to match what staff typed against what the system knows
/// (NFKC, no spaces or line breaks). The original text is kept for display and export.
public static partial class TextNormal
{
    public static string ForMatch(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisible(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// Characters that show nothing (zero-width space, word joiner, BOM): pasted from web pages and mail, never meant.
    public static bool IsInvisible(char c) => c is '​' or '⁠' or '﻿' or '᠎';

    /// The text without invisible characters, as a reader of the sheet sees it.
    public static string WithoutInvisible(string text) =>
        text.AsSpan().IndexOfAny("​⁠﻿᠎") < 0 ? text : string.Concat(text.Where(c => !IsInvisible(c)));

    /// A code as compared: ForMatch, and every hyphen, dash and minus that looks like "-" on screen made "-"
    /// (1‐1‐02, 1ー1ー03 and 1−1−04 are the codes 1-1-02, 1-1-03 and 1-1-04).
    public static string ForCode(string? text)
    {
        var s = ForMatch(text);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(IsDash(c) ? '-' : c);
        return sb.ToString();
    }

    /// Text without a leading list number: 「１　現状維持」, 「② 公共関与の妥当性」, 「4. 事業費」 → the words after it.
    /// A number that is part of the words (4月, 2024年度) stays.
    public static string WithoutListNumber(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var m = ListNumber().Match(text);
        return m.Success && m.Length < text.TrimEnd().Length ? text[m.Length..] : text;
    }

    [GeneratedRegex(@"^\s*(?:[①-⑳]|(?:[0-9０-９]{1,2}|[(（][0-9０-９]{1,2}[)）])[\s\u3000.．、:：)）]+)\s*")]
    private static partial Regex ListNumber();

    private static bool IsDash(char c) => c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212'
        or '\u30FC' or '\uFF70' or '\uFE63' or '\u2043' or '\u02D7' or '\u2796' or '\uFF0D' or '\u00AD' or '\u2E3A' or '\u2E3B';
}
