using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Komaki.Management.Web.Infrastructure;

/// What a person reads beside a field whose value could not be read at all (「abc」 typed into a number, a choice
/// that is not on the list). Set once for the whole app. The field is named by its [Display] label; a field without
/// one is not named, since MVC would otherwise print the property's or the type's name (MidYearStatus). What was
/// typed is shown back as typed; an enum's member names never are.
public static class BindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((v, f) => Labelled(f) ? $"「{v}」は{f}として正しくありません。入力し直すか、選び直してください。" : Unnamed(v));
        p.SetValueIsInvalidAccessor(Unnamed);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(Unnamed);
        p.SetValueMustBeANumberAccessor(f => Labelled(f) ? $"{f}には数値を入力してください。" : "数値を入力してください。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "数値を入力してください。");
        p.SetValueMustNotBeNullAccessor(f => Labelled(f) ? $"{f}を入力してください。" : "値を入力してください。");
        p.SetMissingBindRequiredValueAccessor(f => Labelled(f) ? $"{f}を入力してください。" : "値を入力してください。");
        p.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "送信された内容が空です。");
        p.SetUnknownValueIsInvalidAccessor(f => Labelled(f) ? $"{f}の値が正しくありません。入力し直すか、選び直してください。" : "値が正しくありません。入力し直すか、選び直してください。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "値が正しくありません。入力し直すか、選び直してください。");
    }

    private static string Unnamed(string? value) => $"「{value}」は正しい値ではありません。入力し直すか、選び直してください。";

    /// A label staff read, not an identifier of the code (a property, parameter or type name).
    public static bool Labelled(string? name) => !string.IsNullOrWhiteSpace(name) && name.Any(c => c > 0x7F);
}
