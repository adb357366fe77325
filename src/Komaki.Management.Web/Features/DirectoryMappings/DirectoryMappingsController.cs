using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Komaki.Management.Web.Infrastructure.Authorization;
using Komaki.Management.Web.Infrastructure.Directory;

namespace Komaki.Management.Web.Features.DirectoryMappings;

/// ディレクトリのグループと役割の対応: which directory groups (or the OpenID provider's groups and app roles) give which
/// role. Administrators only; every change is in the history and applies at each person's next sign-in.
[Authorize(Policy = Policies.Administrator)]
[Route("DirectoryMappings")]
public sealed class DirectoryMappingsController(DirectoryMappingPages pages, DirectoryMappingCommands mappings, IOptions<DirectoryOptions> directory, SignInHistory record,
    ILogger<DirectoryMappingsController> log) : AppController()
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync(new DirectoryMappingForm()));

    [HttpPost("")]
    public async Task<IActionResult> Create(DirectoryMappingForm form)
    {
        if (!await ValidateAsync(form) || !Accept(await mappings.AddAsync(form))) return View(nameof(Index), await ModelAsync(form));
        log.LogInformation(SignInEvents.MappingChanged, "Directory group {Group} mapped to role {Role} by {Admin}", form.Group, form.Role, User.Identity?.Name);
        await record.RecordAsync(SignInKinds.Privileged, User.Identity?.Name, null, true, $"ディレクトリのグループ「{form.Group!.Trim()}」を{Roles.Label(form.Role!)}に対応付けた", HttpContext.Connection.RemoteIpAddress?.ToString());
        TempData["Message"] = $"「{form.Group!.Trim()}」のメンバーを{Roles.Label(form.Role!)}としました。次にサインインしたときから反映されます。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/Delete")]
    public async Task<IActionResult> Delete(int id)
    {
        if (await mappings.RemoveAsync(id) is not DirectoryRoleMapping removed) return NotFound();
        log.LogInformation(SignInEvents.MappingChanged, "Directory group {Group} no longer mapped to role {Role}, by {Admin}", removed.Group, removed.Role, User.Identity?.Name);
        await record.RecordAsync(SignInKinds.Privileged, User.Identity?.Name, null, true, $"ディレクトリのグループ「{removed.Group}」と{Roles.Label(removed.Role)}の対応を外した", HttpContext.Connection.RemoteIpAddress?.ToString());
        TempData["Message"] = $"「{removed.Group}」と{Roles.Label(removed.Role)}の対応を外しました。次にサインインしたときから反映されます。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<DirectoryMappingsModel> ModelAsync(DirectoryMappingForm form) =>
        new(await pages.ListAsync(), form, directory.Value.Enabled);
}

public sealed record DirectoryMappingsModel(IReadOnlyList<DirectoryRoleMapping> Mappings, DirectoryMappingForm Form, bool DirectoryEnabled);
