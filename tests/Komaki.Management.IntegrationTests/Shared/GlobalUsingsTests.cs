using System.Xml.Linq;

namespace Komaki.Management.IntegrationTests.Shared;

/// A file names the namespaces of ours it uses (docs/architecture.md, "the map"): a global using of our own hides
/// which feature uses which. External namespaces may be imported once per project.
public class GlobalUsingsTests
{
    /// Projects that still import our own namespaces globally. Remove one when its files import them explicitly; never add one.
    private static readonly string[] StillImportOwnNamespacesGlobally = [];

    [Fact]
    public void Only_the_shrinking_list_of_projects_imports_our_own_namespaces_globally()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        var projects = Directory.EnumerateFiles(dir!.FullName, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(projects);
        var importing = projects.Where(p => XDocument.Load(p).Descendants("Using")
                .Any(u => ((string?)u.Attribute("Include"))?.StartsWith("Komaki.Management", StringComparison.Ordinal) == true))
            .Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(StillImportOwnNamespacesGlobally.Order(StringComparer.Ordinal), importing);
    }
}
