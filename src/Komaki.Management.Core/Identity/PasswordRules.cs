namespace Komaki.Management.Core.Identity;

/// Refuses passwords an attacker tries first, beyond length and character rules: those built on the most common
/// words and keyboard runs (password1234, qwertyuiop12, 1qaz2wsx3edc), digits or symbols only, a few characters
/// repeated, and those containing the person's e-mail name or their name.
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    // The words of the most common password lists (and their usual spellings with digits for letters), after which
    // a few digits or symbols add nothing an attacker does not try.
    private static readonly HashSet<string> CommonWords =
    [
        "password", "passwd", "pass", "pwd", "qwerty", "qwertyuiop", "qwertyuiopasdf", "asdf", "asdfgh", "asdfghjkl", "zxcv", "zxcvbn", "zxcvbnm",
        "qazwsx", "qazwsxedc", "qwe", "qweasd", "qweasdzxc", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij",
        "abcdefghijk", "abcdefghijkl", "letmein", "welcome", "admin", "administrator", "root", "user", "guest", "login", "test", "testing",
        "iloveyou", "love", "monkey", "dragon", "master", "shadow", "sunshine", "princess", "football", "baseball", "soccer", "superman",
        "batman", "trustno", "freedom", "whatever", "hello", "helloworld", "secret", "changeme", "default", "system", "japan", "nippon",
        "tokyo", "aichi", "nagoya", "sakura", "pokemon", "doraemon", "michael", "jennifer", "charlie", "computer", "internet", "starwars",
        "access", "mustang", "jordan", "hunter", "killer", "ninja", "azerty", "solo", "flower", "lovely", "samsung", "google", "apple",
        "microsoft", "windows", "summer", "winter", "spring", "autumn", "monday", "january", "shiyakusho", "yakusho", "kouhou", "soumu",
    ];

    private static readonly string[] KeyboardRuns = ["1qaz2wsx3edc4rfv", "qwertyuiopasdfghjklzxcvbnm", "zaq12wsxcde3", "1q2w3e4r5t6y7u8i9o0p"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        var lower = password.ToLowerInvariant();
        var core = new string(lower.SkipWhile(c => !char.IsLetter(c)).Reverse().SkipWhile(c => !char.IsLetter(c)).Reverse().ToArray());
        if (core.Length == 0)
            errors.Add(Error("PasswordOnlyDigits", "数字や記号だけのパスワードは使えません。英字を含めてください。"));
        else if (IsCommon(core) || IsCommon(Unleet(core)) || KeyboardRuns.Any(r => r.Contains(lower, StringComparison.Ordinal) || lower.Contains(r[..8], StringComparison.Ordinal)))
            errors.Add(Error("PasswordCommon", "よく使われるパスワードや、よく使われる語に数字や記号を付けただけのパスワードは使えません。"));
        if (password.Distinct().Count() < 5)
            errors.Add(Error("PasswordRepeated", "同じ文字の繰り返しのようなパスワード（使っている文字が5種類未満）は使えません。"));
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        if (local.Length >= 3 && lower.Contains(local, StringComparison.Ordinal))
            errors.Add(Error("PasswordContainsEmail", "メールアドレス（@ の前）を含むパスワードは使えません。"));
        var names = (user.DisplayName ?? "").Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries).Append((user.DisplayName ?? "").Replace(" ", "").Replace("　", ""));
        if (names.Any(n => n.Length >= 2 && password.Contains(n, StringComparison.OrdinalIgnoreCase)))
            errors.Add(Error("PasswordContainsName", "氏名を含むパスワードは使えません。"));
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// A listed word, or a listed word repeated (passwordpassword), or two listed words run together (adminadmin).
    private static bool IsCommon(string core)
    {
        var letters = new string(core.Where(char.IsLetterOrDigit).ToArray());
        if (CommonWords.Contains(core) || CommonWords.Contains(letters)) return true;
        for (var cut = 1; cut < letters.Length; cut++)
        {
            if (CommonWords.Contains(letters[..cut]) && (CommonWords.Contains(letters[cut..]) || letters[cut..].All(char.IsDigit))) return true;
        }
        return false;
    }

    private static string Unleet(string s) => new(s.Select(c => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '$' or '5' => 's',
        '7' => 't',
        _ => c,
    }).ToArray());

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
