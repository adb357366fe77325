namespace Komaki.Management.Core.Publishing;

/// Publishing a year of a kind of record on the public site and open data, and withdrawing it. Both are idempotent.
public sealed class PublicationCommands(AppDbContext db) : IUseCase
{
    public async Task PublishAsync(PublicationKind kind, int year, string userName, DateTime now)
    {
        if (await db.Publications.AnyAsync(p => p.Kind == kind && p.FiscalYear == year)) return;
        db.Publications.Add(new Publication { Kind = kind, FiscalYear = year, PublishedAt = now, PublishedBy = userName });
        await db.SaveChangesAsync();
    }

    public async Task WithdrawAsync(PublicationKind kind, int year)
    {
        var row = await db.Publications.FirstOrDefaultAsync(p => p.Kind == kind && p.FiscalYear == year);
        if (row is null) return;
        db.Publications.Remove(row);
        await db.SaveChangesAsync();
    }
}
