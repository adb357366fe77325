using Komaki.Management.Web;

var app = AppHost.Build(args);
await AppHost.InitializeDatabaseAsync(app);
await app.RunAsync();

public partial class Program;
