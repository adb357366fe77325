using Komaki.Management.Cli;

return await KomakiCli.RunAsync(args, Console.Out, Console.Error, Console.In);
