using Komaki.Management.Core.Identity;

namespace Komaki.Management.UnitTests.Identity;

public class PasswordRulesTests
{
    private static readonly AppUser Person = new() { Email = "yamada.taro@city.example", UserName = "yamada.taro@city.example", DisplayName = "山田 太郎" };

    private static List<string> Errors(string password) =>
        new PasswordRules().ValidateAsync(null!, Person, password).Result.Errors.Select(e => e.Code).ToList();

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password2026!")]
    [InlineData("p@ssw0rd2026")]
    [InlineData("passwordpassword")]
    [InlineData("qwertyuiop12")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("adminadmin2026")]
    [InlineData("welcome123456")]
    [InlineData("iloveyou2026")]
    public void Common_words_with_digits_added_are_refused(string password) => Assert.Contains("PasswordCommon", Errors(password));

    [Theory]
    [InlineData("123456789012")]
    [InlineData("2026-11-30-01")]
    public void Digits_and_symbols_only_are_refused(string password) => Assert.Contains("PasswordOnlyDigits", Errors(password));

    [Fact]
    public void A_few_characters_repeated_are_refused() => Assert.Contains("PasswordRepeated", Errors("abababab1212"));

    [Fact]
    public void The_persons_email_name_or_name_is_refused()
    {
        Assert.Contains("PasswordContainsEmail", Errors("Yamada.Taro-2026x"));
        Assert.Contains("PasswordContainsName", Errors("山田さんのパスワード8"));
    }

    [Theory]
    [InlineData("river-stone-2026")]
    [InlineData("cedar-window-3318")]
    [InlineData("Komaki-demo-2024")]
    public void Passphrases_of_ordinary_words_pass(string password) => Assert.Empty(Errors(password));
}
