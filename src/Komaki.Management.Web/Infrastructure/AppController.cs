using FluentValidation.AspNetCore;
using Komaki.Management.Core;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure.Authorization;

namespace Komaki.Management.Web.Infrastructure;

/// What the feature controllers share: the current actor, explicit validation, and a use case's refusals put beside
/// their fields (saving, with the optimistic concurrency check, is the use cases' — RecordSaver).
public abstract class AppController : Controller
{
    protected Actor Actor => HttpContext.RequestServices.GetRequiredService<CurrentUser>().Actor;

    /// Today and the fiscal year as the city reads them (TimeProvider, so tests set the date).
    protected CityClock Clock => HttpContext.RequestServices.GetRequiredService<CityClock>();

    /// Whether the person may do the operation with the record, as its record kind's rule says (IRecordRule, through
    /// Infrastructure/Authorization's one handler).
    protected async Task<bool> MayAsync(object record, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        await RefusalAsync(record, operation) is null;

    /// Null when the person may do the operation with the record; otherwise why not, in Japanese, for the refusal page
    /// (Forbidden(reason)) or beside a field. A record kind without a rule is refused.
    protected async Task<string?> RefusalAsync(object record, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation)
    {
        var result = await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, record, operation);
        return result.Succeeded ? null : result.Failure?.FailureReasons.Select(r => r.Message).FirstOrDefault() ?? RecordOperation.Unknown(operation.Name);
    }

    /// The operation named by a feature's rule (e.g. IndicatorRule.EnterValues).
    protected Task<string?> RefusalAsync(object record, string operation) => RefusalAsync(record, RecordOperations.Named(operation));

    /// 403 with the explanatory page; used after a per-record check fails.
    protected IActionResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// 403 whose page says why and what to do instead.
    protected IActionResult Forbidden(string reason)
    {
        HttpContext.Items[ForbiddenReason] = reason;
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    public const string ForbiddenReason = "komaki:forbidden-reason";

    protected async Task<bool> ValidateAsync<T>(T form)
    {
        var validator = HttpContext.RequestServices.GetService<IValidator<T>>();
        if (validator is null) return ModelState.IsValid;
        var result = await validator.ValidateAsync(form);
        result.AddToModelState(ModelState);
        return ModelState.IsValid;
    }

    /// Lists open where the user works: for department staff their own unit and the units under it; 0 asks for the
    /// whole city (全庁), and a unit asked for is that unit.
    protected int? ListUnit(int? requested) => requested switch
    {
        0 => null,
        int unit => unit,
        null => Actor.IsIn(Core.Identity.Roles.DepartmentHead) || Actor.IsIn(Core.Identity.Roles.DepartmentStaff) ? Actor.UnitId : null,
    };

    /// Validates the form and runs the command; when the form is invalid the command's own checks (codes, uniqueness)
    /// still speak, so the person sees every problem at once. Null unless the command was done.
    protected async Task<CommandResult?> RunAsync<TForm>(TForm form, Func<Task<CommandResult>> check, Func<Task<CommandResult>> command)
    {
        if (!await ValidateAsync(form))
        {
            Accept(await check());
            return null;
        }
        var result = await command();
        return Accept(result) ? result : null;
    }

    /// Puts a use case's refusals beside their fields; true when the command was done.
    protected bool Accept(CommandResult result)
    {
        foreach (var error in result.Errors) ModelState.AddModelError(error.Field, error.Message);
        if (result.Conflict) ViewData["ConcurrencyConflict"] = true;
        return result.Succeeded;
    }
}
