using System.Security.Cryptography;
using System.Text.Json;

namespace Komaki.Management.Web.Features.Imports;

/// Keeps an uploaded file between its preview and the confirmation, for the user who uploaded it only.
/// Files are removed once confirmed, and any left behind after a day.
public sealed class ImportStaging(IConfiguration configuration)
{
    private sealed record Meta(string UserName, string Kind, int Year, string FileName);

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
        await File.WriteAllTextAsync(Path.Combine(Folder, token + ".json"), JsonSerializer.Serialize(new Meta(userName, kind, year, fileName)));
        return token;
    }

    /// The staged file, if the token is well-formed, exists, and belongs to this user, kind and year.
    public (Stream Content, string FileName)? Open(string? token, string userName, string kind, int year)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigit)) return null;
        var metaPath = Path.Combine(Folder, token + ".json");
        var dataPath = Path.Combine(Folder, token + ".xlsx");
        if (!File.Exists(metaPath) || !File.Exists(dataPath)) return null;
        var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath));
        if (meta is null || meta.UserName != userName || meta.Kind != kind || meta.Year != year) return null;
        return (File.OpenRead(dataPath), meta.FileName);
    }

    public void Remove(string token)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit)) return;
        File.Delete(Path.Combine(Folder, token + ".json"));
        File.Delete(Path.Combine(Folder, token + ".xlsx"));
    }

    private void CleanUp()
    {
        foreach (var f in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddDays(-1)) File.Delete(f);
        }
    }
}
