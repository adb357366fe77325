using System.Text.RegularExpressions;

namespace Komaki.Management.IntegrationTests.Security;

/// docs/security.md names, for each requirement, the test that proves it; a renamed or deleted test must not leave
/// the document pointing at nothing.
public class SecurityDocTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Komaki.Management.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Komaki.Management.sln not found above the test's folder");
    }

    [Fact]
    public void Every_test_named_in_the_security_document_exists()
    {
        var root = RepositoryRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "security.md"));
        var sources = Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var named = Regex.Matches(doc, @"`([A-Z][A-Za-z]+Tests)\.([A-Za-z_]+|\*)`").Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value)).Distinct().ToList();
        Assert.True(named.Count >= 40, $"only {named.Count} tests named");
        var missing = named.Where(n => !sources.Any(s => Regex.IsMatch(s, $@"class {n.Class}\b")
            && (n.Method == "*" || Regex.IsMatch(s, $@"\b(Task|void) {n.Method}\(")))).Select(n => $"{n.Class}.{n.Method}").ToList();
        Assert.True(missing.Count == 0, "named in docs/security.md but not found: " + string.Join(", ", missing));
    }
}
