namespace Komaki.Management.Core.Common;

/// Codes typed into one field, separated by spaces (half or full width), commas or 、, compared after NFKC.
public static class CodeList
{
    public static List<string> Parse(string? text) =>
        (text ?? "").Split([' ', '　', ',', '、', '，', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(TextNormal.ForMatch).Where(c => c.Length > 0).Distinct().ToList();
}
