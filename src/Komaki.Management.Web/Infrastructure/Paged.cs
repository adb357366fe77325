namespace Komaki.Management.Web.Infrastructure;

/// One page of a long list, with what the pager needs to link to the others.
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class PagedExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct = default)
    {
        page = page < 1 ? 1 : page;
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
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
        var (p, size) = (http.PageFor(page), http.PageSizeFor(pageSize));
        return new Paged<T>(all.Skip((p - 1) * size).Take(size).ToList(), p, size, all.Count);
    }
}
