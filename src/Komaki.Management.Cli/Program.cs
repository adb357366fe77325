namespace Komaki.Management.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => KomakiCli.RunAsync(args, Console.Out, Console.Error, Console.In);
}
