using Komaki.Management.Web;

var app = AppHost.Build(args);
await AppHost.InitializeDatabaseAsync(app.Services);
await app.RunAsync();

public partial class Program;
