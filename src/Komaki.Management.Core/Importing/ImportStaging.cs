using System.Security.Cryptography;
using System.Text.Json;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// An uploaded file kept between its preview and the confirmation, with the choices the user made for it. It is kept
/// in the database, so the confirmation may reach another app server than the preview did (docs/deploy.md).
[DataArea(DataArea.None)]
public sealed class StagedImport
{
    public const int TokenLength = 32;

    /// The random token the preview page carries; it is the key, and the row answers only its own user.
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// ImportChoices as JSON.
    public string Choices { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// Keeps uploaded files between preview and confirmation, for the user who uploaded them only. A file is removed once
/// confirmed or unreadable, and any left behind a day after its upload (swept at each upload).
public sealed class ImportStaging(AppDbContext db, TimeProvider time) : IUseCase
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public sealed record Staged(Stream Content, string FileName, ImportChoices Choices);

    public async Task<string> SaveAsync(Stream content, string userName, string kind, int year, string fileName)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.StagedImports.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        var staged = new StagedImport
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(StagedImport.TokenLength / 2)), UserName = userName, Kind = kind, Year = year,
            FileName = fileName, Content = buffer.ToArray(), Choices = JsonSerializer.Serialize(ImportChoices.None), CreatedAt = now, ExpiresAt = now + KeptFor,
        };
        db.StagedImports.Add(staged);
        await db.SaveChangesAsync();
        db.Entry(staged).State = EntityState.Detached;
        return staged.Id;
    }

    /// The staged file, if the token exists, has not expired, and belongs to this user, kind and year.
    public async Task<Staged?> OpenAsync(string? token, string userName, string kind, int year)
    {
        if (!IsToken(token)) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var s = await Mine(token!, userName, kind, year, now).AsNoTracking().FirstOrDefaultAsync();
        return s is null ? null : new Staged(new MemoryStream(s.Content, writable: false), s.FileName, JsonSerializer.Deserialize<ImportChoices>(s.Choices) ?? ImportChoices.None);
    }

    /// Keeps the user's choices with the staged file; false when the token is not the user's.
    public async Task<bool> SetChoicesAsync(string? token, string userName, string kind, int year, ImportChoices choices)
    {
        if (!IsToken(token)) return false;
        var json = JsonSerializer.Serialize(choices);
        return await Mine(token!, userName, kind, year, time.GetUtcNow().UtcDateTime).ExecuteUpdateAsync(u => u.SetProperty(s => s.Choices, json)) == 1;
    }

    public async Task RemoveAsync(string? token)
    {
        if (IsToken(token)) await db.StagedImports.Where(s => s.Id == token).ExecuteDeleteAsync();
    }

    private IQueryable<StagedImport> Mine(string token, string userName, string kind, int year, DateTime now) =>
        db.StagedImports.Where(s => s.Id == token && s.UserName == userName && s.Kind == kind && s.Year == year && s.ExpiresAt >= now);

    private static bool IsToken(string? token) => token is { Length: StagedImport.TokenLength } && token.All(char.IsAsciiHexDigit);
}
