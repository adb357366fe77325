using System.Globalization;
using Komaki.Management.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Cli;

/// `komaki backup --out FILE` and `komaki restore FILE --yes` for the embedded SQLite database. The backup uses
/// SQLite's online backup, so it is consistent while the app runs; a restore replaces every table and is meant for a
/// stopped app. SQL Server is backed up with its own tools (docs/deploy.md).
internal static class BackupCommands
{
    public static async Task<int> BackupAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("out", out var path))
        {
            error.WriteLine("バックアップの保存先を --out で指定してください。");
            return 2;
        }
        if (File.Exists(path))
        {
            error.WriteLine($"「{path}」は既にあります。別の名前を指定してください（上書きはしません）。");
            return 2;
        }
        if (!TrySqlite(services, error, out var source)) return 2;
        // The backup holds everything, the key ring included: readable by the operator's account only (0600), made so
        // before a byte is written. SQLite takes an empty file as a new database.
        if (!OperatingSystem.IsWindows())
            await using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
            }
        await using (source)
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }
        output.WriteLine($"バックアップを作成しました: {path}（{new FileInfo(path).Length / 1024:N0} KB）");
        return 0;
    }

    public static async Task<int> RestoreAsync(ServiceProvider services, CliOptions options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("file", out var path) || !File.Exists(path))
        {
            error.WriteLine("復元するバックアップのファイルを指定してください（komaki restore ファイル --yes）。");
            return 2;
        }
        if (!await IsBackupAsync(path))
        {
            error.WriteLine($"「{path}」はこのシステムのバックアップではありません（データベースの構成が見つかりません）。");
            return 2;
        }
        if (!TrySqlite(services, error, out var target)) return 2;
        await using (target)
        {
            if (!options.ContainsKey("yes"))
            {
                error.WriteLine($"現在のデータベース（{target.DataSource}）の内容はすべてバックアップの内容に置き換わります。Web アプリを止めてから、--yes を付けて実行してください。");
                return 2;
            }
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        output.WriteLine($"バックアップ {path} から復元しました。");
        return 0;
    }

    private static bool TrySqlite(ServiceProvider services, TextWriter error, out SqliteConnection connection)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            error.WriteLine("このコマンドは内蔵データベース（SQLite）用です。SQL Server は BACKUP DATABASE / RESTORE DATABASE で行います（docs/deploy.md）。");
            connection = null!;
            return false;
        }
        connection = new SqliteConnection(db.Database.GetConnectionString());
        return true;
    }

    private static async Task<bool> IsBackupAsync(string path)
    {
        try
        {
            await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'AspNetUsers')";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 2;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
