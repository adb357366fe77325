using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Komaki.Management.Web.Infrastructure;

/// A value in the address that does not read as what the list or page takes (?year=abc) is refused with 400 naming
/// the parameter, never taken as "not given" — that would serve another year's data as if it were the one asked
/// for. The open-data API answers in problem details (ApiProblems); every page — public or staff — shows the reason
/// on the 400 page. Staff forms are not concerned: their POSTs show the message beside the field.
public sealed class UnreadableQuery : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid) return;
        var http = context.HttpContext;
        var api = ApiProblems.IsApi(http.Request.Path);
        var page = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (!api && !page) return;
        var publicPage = context.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
        var parameters = (context.ActionDescriptor as ControllerActionDescriptor)?.Parameters.ToDictionary(p => p.Name, p => p.ParameterType, StringComparer.OrdinalIgnoreCase) ?? [];
        // A staff page is refused for what the address typed and did not read; what it leaves out or leaves empty (a
        // filter form's 「すべて」) is the page's default.
        var wrong = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 }
                && (api || publicPage || http.Request.Query.ContainsKey(e.Key) && !string.IsNullOrWhiteSpace(e.Value.AttemptedValue)))
            .Select(e => (Name: e.Key, Typed: e.Value!.AttemptedValue, Type: parameters.GetValueOrDefault(e.Key))).ToList();
        if (wrong.Count == 0) return;
        var detail = string.Join(" ", wrong.Select(w => $"パラメータ「{w.Name}」の値「{w.Typed}」を読めません。{Expected(w.Name, w.Type)}"));
        if (api)
        {
            var problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, http.Request.Path, detail);
            problem.Extensions["parameters"] = wrong.Select(w => w.Name).ToList();
            context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { ApiProblems.ContentType } };
        }
        else
        {
            http.Items[AppController.ForbiddenReason] = detail + " アドレスを確かめてください。";
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static string Expected(string name, Type? type)
    {
        if (name.Contains("year", StringComparison.OrdinalIgnoreCase)) return "年度は西暦の年（例: 2025）で指定してください。";
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long)) return "整数で指定してください。";
        if (t == typeof(decimal)) return "数値で指定してください。";
        if (t == typeof(bool)) return "true または false で指定してください。";
        if (t == typeof(DateOnly) || t == typeof(DateTime)) return "日付（例: 2025-04-01）で指定してください。";
        return "指定できる値を確かめてください。";
    }
}
