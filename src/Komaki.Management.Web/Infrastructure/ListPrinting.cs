using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Infrastructure;

/// ?print=all asks a paged list for every row that matches its filter on one page, for printing (the pager offers
/// it; a printed single page says it is one of several).
public static class ListPrinting
{
    private const int All = 1_000_000;

    public static bool PrintsAll(this HttpContext http) => http.Request.Query["print"] == "all";

    public static int PageSizeFor(this HttpContext http, int pageSize) => http.PrintsAll() ? All : pageSize;

    public static int PageFor(this HttpContext http, int page) => http.PrintsAll() ? 1 : Math.Max(1, page);

    public static Paged<T> Page<T>(this HttpContext http, IReadOnlyList<T> all, int page, int pageSize) =>
        Pages.Of(all, http.PageFor(page), http.PageSizeFor(pageSize));
}
