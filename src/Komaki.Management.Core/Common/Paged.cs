namespace Komaki.Management.Core.Common;

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

    /// One page of a list already read whole (filtered or rolled up in memory).
    public static Paged<T> Of<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        var p = Clamp(page, all.Count, pageSize);
        return new Paged<T>(all.Skip((p - 1) * pageSize).Take(pageSize).ToList(), p, pageSize, all.Count);
    }
}

/// How a Core pages class pages a query: it returns the page, never the query (the web only sizes and links it).
public static class PagedExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct = default)
    {
        var total = await query.CountAsync(ct);
        page = Pages.Clamp(page, total, pageSize);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}
