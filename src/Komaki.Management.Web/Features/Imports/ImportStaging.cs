using System.Security.Cryptography;
using System.Text.Json;

namespace Komaki.Management.Web.Features.Imports;

/// Keeps an uploaded file between its preview and the confirmation, with the choices the user made for it
/// (sheet, column, unit, label meanings), for the user who uploaded it only.
/// Files are removed once confirmed, and any left behind after a day.
public sealed class ImportStaging(IConfiguration configuration, TimeProvider time)
{
    private sealed record Meta(string UserName, string Kind, int Year, string FileName, ImportChoices? Choices);

    public sealed record Staged(Stream Content, string FileName, ImportChoices Choices);

    private string Folder
    {
        get
        {
            var folder = configuration["Import:StagingPath"] ?? Path.Combine(Path.GetTempPath(), "komaki-imports");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task<string> SaveAsync(Stream content, string userName, string kind, int year, string fileName)
    {
        CleanUp();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var file = File.Create(Path.Combine(Folder, token + ".xlsx")))
        {
            await content.CopyToAsync(file);
        }
        await WriteMetaAsync(token, new Meta(userName, kind, year, fileName, ImportChoices.None));
        return token;
    }

    /// The staged file, if the token is well-formed, exists, and belongs to this user, kind and year.
    public Staged? Open(string? token, string userName, string kind, int year)
    {
        if (ReadMeta(token, userName, kind, year) is not Meta meta) return null;
        return new Staged(File.OpenRead(Path.Combine(Folder, token + ".xlsx")), meta.FileName, meta.Choices ?? ImportChoices.None);
    }

    /// Keeps the user's choices with the staged file; false when the token is not the user's.
    public async Task<bool> SetChoicesAsync(string? token, string userName, string kind, int year, ImportChoices choices)
    {
        if (ReadMeta(token, userName, kind, year) is not Meta meta) return false;
        await WriteMetaAsync(token!, meta with { Choices = choices });
        return true;
    }

    public void Remove(string token)
    {
        if (!IsToken(token)) return;
        File.Delete(Path.Combine(Folder, token + ".json"));
        File.Delete(Path.Combine(Folder, token + ".xlsx"));
    }

    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigit);

    private Meta? ReadMeta(string? token, string userName, string kind, int year)
    {
        if (!IsToken(token)) return null;
        var metaPath = Path.Combine(Folder, token + ".json");
        if (!File.Exists(metaPath) || !File.Exists(Path.Combine(Folder, token + ".xlsx"))) return null;
        var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath));
        return meta is null || meta.UserName != userName || meta.Kind != kind || meta.Year != year ? null : meta;
    }

    private Task WriteMetaAsync(string token, Meta meta) =>
        File.WriteAllTextAsync(Path.Combine(Folder, token + ".json"), JsonSerializer.Serialize(meta));

    private void CleanUp()
    {
        foreach (var f in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(f) < time.GetUtcNow().UtcDateTime.AddDays(-1)) File.Delete(f);
        }
    }
}
