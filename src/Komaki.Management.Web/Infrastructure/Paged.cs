namespace Komaki.Management.Web.Infrastructure;

/// One page of a long list, with what the pager needs to link to the others.
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static int Clamp(int page) => page < 1 ? 1 : page;
}

public static class PagedExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct = default)
    {
        page = Paged<T>.Clamp(page);
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}
