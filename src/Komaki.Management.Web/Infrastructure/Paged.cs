namespace Komaki.Management.Web.Infrastructure;

/// One page of a long list, with what the pager needs to link to the others.
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Pages.CountOf(Total, PageSize);
}

public static class Pages
{
    public static int CountOf(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    /// A page asked for past the end (an old link, a typed URL) shows the last page rather than an empty one.
    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, CountOf(total, pageSize));
}

public static class PagedExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct = default)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        page = Pages.Clamp(page, total, pageSize);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}

/// ?print=all asks a paged list for every row that matches its filter on one page, for printing (the pager offers
/// it; a printed single page says it is one of several).
public static class ListPrinting
{
    private const int All = 1_000_000;

    public static bool PrintsAll(this HttpContext http) => http.Request.Query["print"] == "all";

    public static int PageSizeFor(this HttpContext http, int pageSize) => http.PrintsAll() ? All : pageSize;

    public static int PageFor(this HttpContext http, int page) => http.PrintsAll() ? 1 : Math.Max(1, page);

    public static Paged<T> Page<T>(this HttpContext http, IReadOnlyList<T> all, int page, int pageSize)
    {
        var size = http.PageSizeFor(pageSize);
        var p = Pages.Clamp(http.PageFor(page), all.Count, size);
        return new Paged<T>(all.Skip((p - 1) * size).Take(size).ToList(), p, size, all.Count);
    }
}
