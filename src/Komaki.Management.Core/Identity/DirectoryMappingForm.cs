using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// A directory group and the role its members get (the administrator's mapping).
public sealed class DirectoryMappingForm
{
    public string? Group { get; set; }
    public string? Role { get; set; }
}

/// The form's own rules; DirectoryMappingCommands.AddAsync runs them too, so every door (the page, the tests' setup) obeys them.
public sealed class DirectoryMappingFormValidator : AbstractValidator<DirectoryMappingForm>
{
    public DirectoryMappingFormValidator()
    {
        RuleFor(x => x.Group).Cascade(CascadeMode.Stop).Must(g => DirectoryRoles.KeyOf(g?.Trim()).Length > 0).WithMessage("ディレクトリのグループ名を入力してください。")
            .Must(g => (g ?? "").Trim().Length <= ModelLengths.Of<DirectoryRoleMapping>(m => m.Group))
            .WithMessage($"グループ名は{ModelLengths.Of<DirectoryRoleMapping>(m => m.Group)}文字以内で入力してください。");
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("役割を選んでください。")
            .Must(r => !DirectoryRoles.LocalOnly.Contains(r!))
            .WithMessage(x => $"{Roles.Label(x.Role!)}はディレクトリのグループでは与えません。アプリのアカウント（職員の管理）で個別に付与してください。");
    }
}
