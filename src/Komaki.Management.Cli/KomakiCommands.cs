using System.CommandLine;
using Komaki.Management.Core;
using Komaki.Management.Core.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace Komaki.Management.Cli;

/// The commands of `komaki` declared for System.CommandLine: their options, arguments and Japanese descriptions, from
/// which `komaki --help` and `komaki <コマンド> --help` are generated (so the help cannot drift from what is parsed).
internal static class KomakiCommands
{
    public static RootCommand Build(TextWriter output, TextWriter error, TextReader input)
    {
        var provider = new Option<string>("--provider") { Description = "データベースの種類: Sqlite（既定）または SqlServer", Recursive = true };
        provider.AcceptOnlyFromAmong("Sqlite", "SqlServer");
        var connection = new Option<string>("--connection") { Description = "接続文字列（既定は環境変数 ConnectionStrings__Default）", Recursive = true };
        var root = new RootCommand("小牧市 自治体経営システムの運用コマンドです。データベースは環境変数 Database__Provider・ConnectionStrings__Default か、--provider・--connection で選びます。")
        {
            provider, connection,
        };

        Command Add(string name, string description, Func<CliOptions, ServiceProvider, Task<int>> run, params Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var s in symbols)
            {
                if (s is Option o) command.Options.Add(o);
                else if (s is Argument a) command.Arguments.Add(a);
            }
            command.SetAction((ParseResult r, CancellationToken _) =>
            {
                var options = OptionsOf(r);
                return KomakiCli.WithServicesAsync(options, error, services => run(options, services));
            });
            root.Subcommands.Add(command);
            return command;
        }

        Add("migrate", "データベースを最新の構造に更新します。", (_, s) => KomakiCli.MigrateAsync(s, output));
        Add("create-user", "ユーザーを作成します（パスワードは --password、環境変数 KOMAKI_PASSWORD、または標準入力から）。最初のサインインで変更を求めます。",
            (o, s) => KomakiCli.CreateUserAsync(s, o, output, error, input),
            Text("--email", "メールアドレス（サインインに使います）"),
            Text("--role", "役割: " + string.Join(", ", Core.Identity.Roles.All)),
            Text("--unit", "所属の組織コードまたは組織名（所属長・担当職員は必須）"),
            Text("--name", "氏名（省略時はメールアドレス）"),
            Text("--password", "初期パスワード"));
        Add("seed-demo", "空のデータベース（ユーザーも組織もない）にデモの市を登録します。", (_, s) => KomakiCli.SeedDemoAsync(s, output));
        Add("seed-large", "デモの市を大都市の規模に増やします（負荷試験用の架空データ）。", (o, s) => KomakiCli.SeedLargeAsync(s, o, output, error),
            Text("--projects", "事務事業の数（1〜100000、既定 3000）"), Text("--years", "年数（1〜30、既定 10）"));
        Add("backup", "内蔵データベース（SQLite）のバックアップを作ります。アプリの稼働中でも一貫した内容になります。",
            (o, s) => BackupCommands.BackupAsync(s, o, output, error), Text("--out", "バックアップの書き出し先"));
        Add("restore", "バックアップから復元します。アプリを止めてから実行してください。現在の内容は置き換わります。",
            (o, s) => BackupCommands.RestoreAsync(s, o, output, error), File("バックアップのファイル"), Flag("--yes", "置き換えてよいことの確認"));

        var kinds = string.Join(" | ", SheetKinds.ForOperators.Where(k => k.Value.Import is not null).Select(k => k.Key));
        var importKind = new Argument<string>("kind") { Description = "取り込む帳票: " + kinds };
        Add("import", "Excel を取り込みます。取り込めない行が1行でもあれば何も書き込みません（終了コード 1）。",
            (o, s) => SheetCommands.ImportAsync(s, o.GetValueOrDefault("kind"), o, output, error),
            importKind, File("取り込む Excel ファイル（.xlsx。職員名簿は .csv も可）"),
            Text("--fiscal-year", "年度（例: 2024 または R6）"), Text("--term", "マニフェストの任期の番号（画面の URL の termId）"),
            Text("--latest-year", "前の評価システムの帳票で最も新しい年度（evaluations）"),
            Flag("--dry-run", "確認だけで書き込まない"), Flag("--json", "結果を1行の JSON で出力する"),
            Text("--sheet", "当てはまるシートが複数あるとき、読むシート"),
            Many("--column", "1つの項目に当てはまる列が複数あるとき、読む列（例: code=C）。繰り返し指定できます"),
            Text("--amount-unit", "シートに金額の単位が書かれていないときの単位: 千円 | 円 | 万円 | 百万円"),
            Many("--label", "対応表にない表記の意味（例: \"２　改革改善（縮小・統合含む）=改善\"）。繰り返し指定できます"),
            Many("--unit", "登録されている組織に当たらない部課名の組織（\"部課名=組織コード\"、new で新しく登録）。繰り返し指定できます"),
            Flag("--create-units", "当たる組織のない部課名をすべて新しく登録する"));
        var exportKind = new Argument<string>("kind") { Description = "書き出す帳票: " + string.Join(" | ", SheetKinds.All.Where(k => k.Value.Export is not null).Select(k => k.Key)) };
        Add("export", "Excel に書き出します（取り込みと同じ形式）。",
            (o, s) => SheetCommands.ExportAsync(s, o.GetValueOrDefault("kind"), o, output, error),
            exportKind, Text("--fiscal-year", "年度（例: 2024 または R6）"), Text("--out", "書き出し先"));
        return root;
    }

    private static Option<string> Text(string name, string description) => new(name) { Description = description };

    private static Option<string[]> Many(string name, string description) => new(name) { Description = description, AllowMultipleArgumentsPerToken = false };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Argument<string?> File(string description) => new("file") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// What was given on the command line, as the commands read it: each option by its name without dashes (a
    /// switch as "true", a repeated option once per value) and the arguments by their names.
    private static CliOptions OptionsOf(ParseResult r)
    {
        var options = new CliOptions();
        var command = r.CommandResult.Command;
        foreach (var option in command.Options.Concat(r.RootCommandResult.Command.Options.Where(o => o.Recursive)))
        {
            if (r.GetResult(option) is not { Implicit: false }) continue;
            var key = option.Name.TrimStart('-');
            switch (option)
            {
                case Option<bool> flag when r.GetValue(flag):
                    options.Add(key, "true");
                    break;
                case Option<string[]> many:
                    foreach (var v in r.GetValue(many) ?? []) options.Add(key, v);
                    break;
                case Option<string> one when r.GetValue(one) is string v:
                    options.Add(key, v);
                    break;
            }
        }
        foreach (var argument in command.Arguments)
        {
            if (argument is Argument<string> a && r.GetValue(a) is string v) options.Add(argument.Name, v);
            else if (argument is Argument<string?> b && r.GetValue(b) is string w) options.Add(argument.Name, w);
        }
        return options;
    }
}
