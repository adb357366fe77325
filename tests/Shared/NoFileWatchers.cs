using System.Runtime.CompilerServices;

namespace Komaki.Management.Testing;

/// Every app host a test starts (in process or as a second server) polls for file changes instead of holding an
/// inotify instance per watched folder: a test run starts more hosts than the 128 instances a Linux user is allowed
/// by default, and the host that asks for the 129th fails to start.
internal static class NoFileWatchers
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
