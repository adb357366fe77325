using Komaki.Management.Cli;
using Komaki.Management.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"komaki-cli-{Guid.NewGuid():N}.db");

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KomakiCli.RunAsync([.. args, "--provider", "Sqlite", "--connection", $"Data Source={_path}"], output, error, new StringReader(""));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_help_is_generated_from_the_commands_and_options_that_are_parsed()
    {
        var help = await Run("--help");
        Assert.Equal(0, help.Code);
        foreach (var command in new[] { "migrate", "create-user", "seed-demo", "seed-large", "backup", "restore", "import <kind> <file>", "export <kind>" })
            Assert.Contains(command, help.Out);
        var import = await Run("import", "--help");
        Assert.Equal(0, import.Code);
        foreach (var option in new[] { "--fiscal-year", "--term", "--dry-run", "--json", "--sheet", "--column", "--amount-unit", "--label", "--unit", "--create-units" })
            Assert.Contains(option, import.Out);
        Assert.Contains("implementation-plan | execution-plan", import.Out);
        var misspelt = await Run("import", "survey", "--fiscal-yaer", "2025", "x.xlsx");
        Assert.Equal(2, misspelt.Code);
        Assert.Contains("認識されないコマンドまたは引数", misspelt.Err);
    }

    [Fact]
    public async Task Migrate_then_create_the_first_user_who_can_then_sign_in_by_role()
    {
        var migrate = await Run("migrate");
        Assert.Equal(0, migrate.Code);
        Assert.Contains("マイグレーションを適用しました", migrate.Out);

        var weak = await Run("create-user", "--email", "admin@city.example", "--role", "Administrator", "--password", "short");
        Assert.Equal(1, weak.Code);
        Assert.Contains("パスワードは12文字以上にしてください。", weak.Err);
        var common = await Run("create-user", "--email", "admin@city.example", "--role", "Administrator", "--password", "password1234");
        Assert.Equal(1, common.Code);
        Assert.Contains("よく使われるパスワード", common.Err);

        var created = await Run("create-user", "--email", "admin@city.example", "--role", "Administrator", "--name", "管理 者", "--password", "river-stone-2026");
        Assert.Equal(0, created.Code);
        Assert.Contains("最初のサインインでパスワードの変更を求めます", created.Out);

        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_path}");
        await using var db = new AppDbContext(options.Options);
        var user = await db.Users.SingleAsync();
        Assert.Equal("管理 者", user.DisplayName);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync();
        Assert.Equal("Administrator", role);
        Assert.True(user.MustChangePassword);

        // A database with a user never receives the demo city and its published accounts.
        var seed = await Run("seed-demo");
        Assert.Contains("ユーザーまたは組織が既に登録されているため", seed.Out);
        Assert.Equal(0, await db.OrgUnits.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task A_department_head_needs_a_unit_that_exists()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var missing = await Run("create-user", "--email", "x@city.example", "--role", "DepartmentHead", "--password", "river-stone-2026");
        Assert.Equal(2, missing.Code);
        var unknown = await Run("create-user", "--email", "x@city.example", "--role", "DepartmentHead", "--unit", "存在しない課", "--password", "river-stone-2026");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("組織「存在しない課」が見つかりません", unknown.Err);
        Assert.Equal(0, (await Run("create-user", "--email", "x@city.example", "--role", "DepartmentHead", "--unit", "道路課", "--password", "river-stone-2026")).Code);
    }

    [Fact]
    public async Task A_backup_taken_while_in_use_restores_the_database_as_it_was()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var backup = Path.Combine(Path.GetTempPath(), $"komaki-backup-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            Database.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_path}");
            int projects;

            await using (var open = new AppDbContext(options.Options))
            {
                // A connection holds the database open, as the running app does.
                await open.Database.OpenConnectionAsync();
                projects = await open.Projects.CountAsync();
                var taken = await Run("backup", "--out", backup);
                Assert.Equal(0, taken.Code);
                Assert.Contains("バックアップを作成しました", taken.Out);
                // It holds the key ring: only the operator's account reads it.
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
                Assert.Equal(2, (await Run("backup", "--out", backup)).Code);
                await open.Projects.ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "上書きされた名前"));
                await open.AuditEntries.ExecuteDeleteAsync();
            }
            SqliteConnection.ClearAllPools();

            var asked = await Run("restore", backup);
            Assert.Equal(2, asked.Code);
            Assert.Contains("--yes", asked.Err);
            var notBackup = Path.ChangeExtension(backup, ".txt");
            await File.WriteAllTextAsync(notBackup, "not a database");
            Assert.Equal(2, (await Run("restore", notBackup, "--yes")).Code);
            File.Delete(notBackup);

            var restored = await Run("restore", backup, "--yes");
            Assert.Equal(0, restored.Code);
            SqliteConnection.ClearAllPools();
            await using var db = new AppDbContext(options.Options);
            Assert.Equal(projects, await db.Projects.CountAsync());
            Assert.Equal(0, await db.Projects.CountAsync(p => p.Name == "上書きされた名前"));
            Assert.True(await db.AuditEntries.AnyAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task Unknown_commands_and_roles_are_refused_with_a_message()
    {
        Assert.Equal(2, (await Run("frobnicate")).Code);
        var role = await Run("create-user", "--email", "x@city.example", "--role", "Mayor", "--password", "river-stone-2026");
        Assert.Equal(2, role.Code);
        Assert.Contains("役割「Mayor」はありません", role.Err);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Every_import_prints_its_json_alone_on_stdout_with_the_hints_the_text_mode_prints()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var folder = Directory.CreateTempSubdirectory("komaki-cli-json-");
        try
        {
            foreach (var kind in Komaki.Management.Core.SheetKinds.ForOperators.Values.Where(k => k.Import is not null))
            {
                var scope = kind.Scope == Komaki.Management.Core.Importing.SheetScope.MayorTerm ? new[] { "--term", "1" } : ["--fiscal-year", "2026"];
                var file = Path.Combine(folder.FullName, $"{kind.Name}.xlsx");
                var exported = kind.Export is not null && (await Run(["export", kind.Name, .. scope, "--out", file])).Code == 0;
                // A kind with nothing to export is given the real evaluation history, or a file that is not a workbook.
                if (!exported) await File.WriteAllBytesAsync(file, kind.Name == "evaluations" ? Evaluations.LegacyEvaluationImportTests.Fixture() : "職員番号,氏名\r\n"u8.ToArray());
                if (!exported && kind.Name != "evaluations") file = Path.ChangeExtension(file, ".csv");
                if (!File.Exists(file)) await File.WriteAllBytesAsync(file, "職員番号,氏名\r\n"u8.ToArray());
                var run = await Run(["import", kind.Name, .. (kind.Name == "evaluations" ? ["--fiscal-year", "2025", "--amount-unit", "千円"] : scope), file, "--json"]);
                Assert.True(run.Out.TrimEnd().Split('\n').Length == 1, $"{kind.Name}: {run.Out}");
                using var json = System.Text.Json.JsonDocument.Parse(run.Out);
                var hints = json.RootElement.GetProperty("hints").EnumerateArray().Select(h => h.GetString()!).ToList();
                if (kind.Name == "evaluations")
                {
                    // What the text mode prints to settle the file: each 部課名 to map, with the option to pass.
                    Assert.Contains(hints, h => h.Contains("--unit \"", StringComparison.Ordinal));
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_and_import_round_trip_with_a_json_summary_and_exit_codes_for_automation()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var file = Path.Combine(Path.GetTempPath(), $"komaki-cli-{Guid.NewGuid():N}.xlsx");
        try
        {
            var export = await Run("export", "implementation-plan", "--fiscal-year", "2026", "--out", file);
            Assert.Equal(0, export.Code);
            Assert.True(new FileInfo(file).Length > 0);

            var same = await Run("import", "implementation-plan", "--fiscal-year", "2026", file, "--json");
            Assert.Equal(0, same.Code);
            using (var json = System.Text.Json.JsonDocument.Parse(same.Out))
            {
                var root = json.RootElement;
                Assert.False(root.GetProperty("applied").GetBoolean());
                Assert.Equal((0, 0, 0), (root.GetProperty("created").GetInt32(), root.GetProperty("updated").GetInt32(), root.GetProperty("refused").GetArrayLength()));
                Assert.True(root.GetProperty("unchanged").GetInt32() > 100);
                Assert.Equal(System.Text.Json.JsonValueKind.Array, root.GetProperty("skipped").ValueKind);
                Assert.Equal(System.Text.Json.JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
                var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
                Assert.Contains("シート「実施計画」を読みました。", notes);
                Assert.Contains(notes, n => n!.StartsWith("金額の単位: 千円（", StringComparison.Ordinal));
            }

            var edited = Komaki.Management.TestSheets.CitySheets.Edit(await File.ReadAllBytesAsync(file), ws =>
            {
                ws.Cell(5, 8).SetValue(ws.Cell(5, 8).GetValue<decimal>() + 1);
                ws.Cell(6, 8).SetValue(-5);
            });
            await File.WriteAllBytesAsync(file, edited);
            var refused = await Run("import", "implementation-plan", "--fiscal-year", "R8", file, "--json");
            Assert.Equal(1, refused.Code);
            Assert.Contains("\"updated\":0", refused.Out);
            Assert.Contains("{\"sheet\":\"実施計画\",\"row\":5,\"reason\":", refused.Out);
            Assert.Contains("{\"sheet\":\"実施計画\",\"row\":6,\"reason\":", refused.Out);
            Assert.Contains("事業費がマイナス", refused.Out);

            var fixedFile = Komaki.Management.TestSheets.CitySheets.Edit(edited, ws =>
            {
                ws.Cell(5, 13).SetValue(ws.Cell(5, 13).GetValue<decimal>() + 1);
                ws.Row(6).Delete();
            });
            await File.WriteAllBytesAsync(file, fixedFile);
            var dry = await Run("import", "implementation-plan", "--fiscal-year", "2026", file, "--dry-run");
            Assert.Equal(0, dry.Code);
            Assert.Contains("更新 1 件", dry.Out);
            Assert.Contains("書き込んでいません", dry.Out);
            var written = await Run("import", "implementation-plan", "--fiscal-year", "2026", file, "--json");
            Assert.Equal(0, written.Code);
            Assert.Contains("\"updated\":1", written.Out);
            Assert.Contains("\"updated\":0", (await Run("import", "implementation-plan", "--fiscal-year", "2026", file, "--json")).Out);

            // A workbook whose sheet XML is broken: the same message as on screen, exit 1, no stack trace.
            var broken = Path.ChangeExtension(file, ".broken.xlsx");
            var good = Komaki.Management.TestSheets.RawXlsx.Build(Komaki.Management.TestSheets.RawXlsx.Rows(["事業コード", "事業費"], ["1-1-01", 1]));
            using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(good)))
            using (var output = System.IO.Compression.ZipFile.Open(broken, System.IO.Compression.ZipArchiveMode.Create))
            {
                foreach (var entry in zip.Entries)
                {
                    var text = new StreamReader(entry.Open()).ReadToEnd();
                    if (entry.FullName.Contains("sheet1")) text = text.Replace("</row>", "<row>", StringComparison.Ordinal);
                    using var w = new StreamWriter(output.CreateEntry(entry.FullName).Open());
                    w.Write(text);
                }
            }
            var unreadable = await Run("import", "implementation-plan", "--fiscal-year", "2026", broken);
            Assert.Equal(1, unreadable.Code);
            Assert.Contains("ファイルが壊れているため読み込めません（シート「Sheet1」の内容を読めません）", unreadable.Err);
            Assert.DoesNotContain("   at ", unreadable.Err + unreadable.Out);
            File.Delete(broken);

            var notExcel = Path.ChangeExtension(file, ".csv");
            await File.WriteAllTextAsync(notExcel, "a,b\n1,2\n");
            var bad = await Run("import", "execution-plan", "--fiscal-year", "2026", notExcel);
            Assert.Equal(1, bad.Code);
            Assert.Contains("Excel ブック（.xlsx）ではありません", bad.Err);
            File.Delete(notExcel);

            Assert.Equal(2, (await Run("import", "budget", "--fiscal-year", "2026", file)).Code);
            Assert.Equal(2, (await Run("import", "implementation-plan", file)).Code);
            Assert.Equal(1, (await Run("export", "implementation-plan", "--fiscal-year", "2040", "--out", file)).Code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_cli_prints_what_the_preview_shows_and_never_claims_no_changes_after_refusing_rows()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var file = Path.Combine(Path.GetTempPath(), $"komaki-cli-{Guid.NewGuid():N}.xlsx");
        try
        {
            // Row 3: a code nobody has; row 4: a name that differs from the register (a warning); row 6: a footnote.
            await File.WriteAllBytesAsync(file, Komaki.Management.TestSheets.RawXlsx.Build(Komaki.Management.TestSheets.RawXlsx.Rows(
                ["（単位：千円）"],
                ["事業コード", "事業名", "年度", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源", "備考"],
                ["9-9-99", "架空事業", "R9", 10, 0, 0, 0, 0, 10],
                ["1-1-01", "防災訓練事業", "R9", 10, 0, 0, 0, 0, 10],
                [],
                ["※ 概算です。"])));
            var refused = await Run("import", "implementation-plan", "--fiscal-year", "2027", file);
            Assert.Equal(1, refused.Code);
            Assert.Contains("取り込めない行: Sheet1 3行目: A3: 事業コード「9-9-99」の事務事業が登録されていません。", refused.Err);
            Assert.Contains("確認事項: Sheet1 4行目: 事業名「防災訓練事業」が登録されている名称「防災訓練推進事業」と異なります", refused.Out);
            Assert.Contains("読み飛ばした行: Sheet1 6行目: 表の注記", refused.Out);
            Assert.Contains("J列「備考」はこの取り込みでは使わない列のため読みません。", refused.Out);
            Assert.Contains("金額の単位: 千円（A1の注記「（単位：千円）」から）", refused.Out);
            Assert.EndsWith("取り込めない行があるため、何も書き込んでいません。", refused.Out.TrimEnd());
            Assert.DoesNotContain("変更はありません", refused.Out);

            var json = await Run("import", "implementation-plan", "--fiscal-year", "2027", file, "--json");
            using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
            var root = doc.RootElement;
            Assert.False(root.GetProperty("applied").GetBoolean());
            Assert.Equal(3, root.GetProperty("refused")[0].GetProperty("row").GetInt32());
            Assert.Equal(6, root.GetProperty("skipped")[0].GetProperty("row").GetInt32());
            Assert.Equal(4, root.GetProperty("warnings")[0].GetProperty("row").GetInt32());
            Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("空白行 1 行"));

            // Two sheets that both fit: the CLI names them and --sheet picks one.
            var sheet = Komaki.Management.TestSheets.RawXlsx.Rows(["（単位：千円）"], ["事業コード", "年度", "事業費", "国庫支出金", "県支出金", "地方債", "その他特定財源", "一般財源"], ["1-1-01", "R9", 10, 0, 0, 0, 0, 10]);
            await File.WriteAllBytesAsync(file, Komaki.Management.TestSheets.RawXlsx.Build([new("A課", sheet), new("B課", sheet)]));
            var ask = await Run("import", "implementation-plan", "--fiscal-year", "2027", file);
            Assert.Equal(1, ask.Code);
            Assert.Contains("当てはまるシートが2つあります（「A課」、「B課」）", ask.Err);
            Assert.EndsWith("読み方の指定が必要なため、何も書き込んでいません。", ask.Out.TrimEnd());
            var picked = await Run("import", "implementation-plan", "--fiscal-year", "2027", file, "--sheet", "B課");
            Assert.Equal(0, picked.Code);
            Assert.Contains("シート「B課」を読みました。", picked.Out);
            Assert.EndsWith("書き込みました。", picked.Out.TrimEnd());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Evaluations_from_the_previous_system_import_with_the_latest_year_and_export_back()
    {
        Assert.Equal(0, (await Run("seed-demo")).Code);
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofunato-jimujigyo-hyoka-R7.xlsx");
        // The previous system states no unit and names units this city has not registered: the CLI says so and writes nothing.
        var asked = await Run("import", "evaluations", "--latest-year", "2025", fixture);
        Assert.Equal(1, asked.Code);
        Assert.Contains("--amount-unit", asked.Err);
        Assert.EndsWith("読み方の指定が必要なため、何も書き込んでいません。", asked.Out.TrimEnd());
        var dry = await Run("import", "evaluations", "--latest-year", "2025", fixture, "--dry-run", "--json", "--amount-unit", "千円", "--create-units");
        Assert.Equal(0, dry.Code);
        Assert.StartsWith("{\"applied\":false,\"created\":407,\"updated\":0,\"unchanged\":0,\"refused\":[]", dry.Out);
        using var json = System.Text.Json.JsonDocument.Parse(dry.Out);
        Assert.Contains("今後の方向性「２　改革改善（縮小・統合含む）」を「改善」として読みました（185 行）。",
            json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(2, (await Run("import", "evaluations", fixture)).Code);
        var file = Path.Combine(Path.GetTempPath(), $"komaki-eval-{Guid.NewGuid():N}.xlsx");
        try
        {
            Assert.Equal(0, (await Run("export", "evaluations", "--fiscal-year", "2025", "--out", file)).Code);
            Assert.True(new FileInfo(file).Length > 0);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
