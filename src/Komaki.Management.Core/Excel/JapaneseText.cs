namespace Komaki.Management.Core.Excel;

/// Decodes the bytes of a CSV as personnel and payroll systems write them: UTF-8 (with or without BOM), CP932
/// (Windows' Shift_JIS, with the NEC-selected IBM extensions .NET's code page 932 lacks: 髙・﨑 in rows ED/EE) or
/// Shift_JIS-2004 (JIS X 0213: 﨑・德・彅 outside CP932). The first candidate that decodes every byte is taken;
/// when none does, the one with the fewest undecodable sequences is, and each of them becomes U+FFFD so the
/// cell holding it is refused rather than stored with a wrong character.
public static class JapaneseText
{
    public const char Undecodable = '\uFFFD';

    private static readonly Lazy<(string?[] Cp932, string?[] Sjis2004)> Tables = new(Load);

    public static string Decode(byte[] bytes, out string encodingName)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var utf8 = new UTF8Encoding(false, false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var utf8Bad = utf8.Count(c => c == Undecodable);
        if (utf8Bad == 0 || hasBom)
        {
            encodingName = hasBom ? "UTF-8（BOM 付き）" : "UTF-8";
            return utf8;
        }
        var (cp932Table, sjis2004Table) = Tables.Value;
        var cp932 = DecodeShiftJis(bytes, cp932Table, out var cp932Bad);
        if (cp932Bad == 0)
        {
            encodingName = "Shift_JIS（CP932）";
            return cp932;
        }
        var sjis2004 = DecodeShiftJis(bytes, sjis2004Table, out var sjis2004Bad);
        if (sjis2004Bad == 0 || sjis2004Bad < cp932Bad && sjis2004Bad < utf8Bad)
        {
            encodingName = "Shift_JIS-2004";
            return sjis2004;
        }
        if (utf8Bad < cp932Bad)
        {
            encodingName = "UTF-8";
            return utf8;
        }
        encodingName = "Shift_JIS（CP932）";
        return cp932;
    }

    /// Private-use characters (外字): a personnel system's own characters, which no other system shows the same.
    public static bool IsPrivateUse(char c) => c is >= '\uE000' and <= '\uF8FF' || char.IsHighSurrogate(c) && c >= '\uDB80';

    private static string DecodeShiftJis(byte[] bytes, string?[] table, out int bad)
    {
        var sb = new StringBuilder(bytes.Length);
        bad = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80) sb.Append((char)b);
            else if (b is >= 0xA1 and <= 0xDF) sb.Append((char)(0xFF61 + b - 0xA1));
            else if (IsLead(b) && i + 1 < bytes.Length && table[(b << 8) | bytes[i + 1]] is string s)
            {
                sb.Append(s);
                i++;
            }
            else
            {
                sb.Append(Undecodable);
                bad++;
                // A lead byte whose pair is unknown takes its trail byte with it, so the next character is read right.
                if (IsLead(b) && i + 1 < bytes.Length && bytes[i + 1] >= 0x40) i++;
            }
        }
        return sb.ToString();
    }

    private static bool IsLead(byte b) => b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC;

    private static (string?[], string?[]) Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        var cp932 = new string?[65536];
        var pair = new byte[2];
        for (var lead = 0x81; lead <= 0xFC; lead++)
        {
            if (!IsLead((byte)lead)) continue;
            for (var trail = 0x40; trail <= 0xFC; trail++)
            {
                if (trail == 0x7F) continue;
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                var s = windows.GetString(pair);
                if (s.Length == 1 && s[0] != Undecodable) cp932[(lead << 8) | trail] = s;
            }
        }
        var sjis2004 = (string?[])cp932.Clone();
        using var stream = typeof(JapaneseText).Assembly.GetManifestResourceStream("Komaki.Management.Core.Excel.JapaneseEncodings.txt")
            ?? throw new InvalidOperationException("JapaneseEncodings.txt is not embedded.");
        using var reader = new StreamReader(stream);
        string?[]? target = null;
        while (reader.ReadLine() is string line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (line == "[cp932]") { target = cp932; continue; }
            if (line == "[sjis2004]") { target = sjis2004; continue; }
            var code = int.Parse(line.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var value = line[5..];
            var text = value == "-" ? null : string.Concat(value.Split('+').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
            target![code] = text;
            // CP932's NEC-selected rows are also CP932 positions a Shift_JIS-2004 file never uses the same way; the
            // [sjis2004] section that follows overrides them.
            if (ReferenceEquals(target, cp932)) sjis2004[code] = text;
        }
        return (cp932, sjis2004);
    }
}
