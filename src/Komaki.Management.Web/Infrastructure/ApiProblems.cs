using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;

namespace Komaki.Management.Web.Infrastructure;

/// How the open-data API (/api/…) answers what it cannot serve, a failure on the server included: problem details in JSON (RFC 9457) with the reason
/// in Japanese and the right status, never the HTML page a browser gets.
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static ProblemDetails Problem(int status, string path, string? detail = null) => new()
    {
        Status = status,
        Title = status switch
        {
            400 => "指定された値を読めません",
            404 => "見つかりません",
            405 => "この方法では読めません",
            429 => "要求が多すぎます",
            500 => "サーバーで問題が起きました",
            _ => "要求に応えられませんでした",
        },
        Detail = detail ?? status switch
        {
            404 => $"「{path}」という一覧やファイルはありません。GET /api/v1 で一覧の名前を確かめてください。",
            405 => "オープンデータは GET で読んでください。",
            429 => "短い時間に要求が続いたため、受け付けを止めています。1分ほど待ってから、もう一度お試しください。",
            500 => "サーバーで問題が起きたため、お答えできませんでした。時間をおいて、もう一度お試しください。",
            _ => "時間をおいて、もう一度お試しください。",
        },
        Instance = path,
    };

    /// What the API answers when a request failed on the server (an unhandled exception): 500 in problem details, with
    /// no word of the exception — its text and stack stay in the log, as on the HTML error page.
    public static async Task WriteErrorAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, Problem(StatusCodes.Status500InternalServerError, http.Request.Path), Json, http.RequestAborted);
    }

    /// The status-code page of the API: what MVC or routing ended without a body (an unknown path, 404, 405).
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        http.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, Problem(http.Response.StatusCode, http.Request.Path), Json, http.RequestAborted);
    }
}
