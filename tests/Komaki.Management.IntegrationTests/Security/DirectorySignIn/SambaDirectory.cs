using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Net;
using System.Net.Sockets;

namespace Komaki.Management.IntegrationTests.Security.DirectorySignIn;

/// The Samba Active Directory domain controller of .ci/samba-ad.sh, on 127.0.0.1:636 with LDAP over TLS. Started here
/// when it is not running (the script is idempotent); when it cannot be, the tests fail — they never skip. The tests
/// change memberships and disable accounts as the domain administrator, and put every account back first.
public static class SambaDirectory
{
    public const string Server = "127.0.0.1";
    public const string BaseDn = "DC=komaki,DC=test";
    public const string UpnSuffix = "komaki.test";
    public const string Password = "Komaki-Dir-User-2026!";
    public const string ServiceUser = "komaki-reader";
    private const string AdminPassword = "Komaki-Dir-Admin-2026!";

    /// The accounts as the script makes them: employeeID and groups.
    public static readonly IReadOnlyDictionary<string, (string? StaffNumber, string[] Groups)> Accounts = new Dictionary<string, (string?, string[])>
    {
        ["komaki-staff"] = ("990001", ["KM-Staff"]),
        ["komaki-head"] = ("990002", ["KM-DivisionHeads", "KM-Staff"]),
        ["komaki-jinji"] = ("990003", ["KM-Personnel", "KM-Staff"]),
        ["komaki-admin"] = ("990004", ["KM-SystemAdmins", "KM-Staff"]),
        ["komaki-leaver"] = ("990005", ["KM-Staff"]),
        ["komaki-nogroup"] = ("990006", ["KM-Unmapped"]),
        ["komaki-noid"] = (null, ["KM-Staff"]),
        ["komaki-away"] = ("990007", ["KM-Staff"]),
    };

    private static readonly string[] Groups = ["KM-Staff", "KM-DivisionHeads", "KM-Personnel", "KM-SystemAdmins", "KM-Unmapped"];
    private static readonly SemaphoreSlim Starting = new(1, 1);

    public static string Dn(string cn) => $"CN={cn},CN=Users,{BaseDn}";

    /// Starts the domain controller if it does not answer, then puts the given accounts back as the script made them.
    public static async Task ReadyAsync(params string[] accounts)
    {
        await Starting.WaitAsync();
        try
        {
            if (!await ListeningAsync()) await RunScriptAsync();
        }
        finally
        {
            Starting.Release();
        }
        foreach (var account in accounts)
        {
            var (number, groups) = Accounts[account];
            SetGroups(account, groups);
            SetEnabled(account, true);
            SetStaffNumber(account, number);
            SetAttribute(account, "department", null);
        }
    }

    private static async Task<bool> ListeningAsync()
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, 636).WaitAsync(TimeSpan.FromSeconds(3));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task RunScriptAsync()
    {
        var script = RepositoryFile(".ci/samba-ad.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0,
            $"The Samba domain controller the directory tests need is not running and {script} could not start it (run it as root once: sudo {script}).\n{await output}\n{await error}");
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    private static LdapConnection Admin()
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(Server, 636), new NetworkCredential($"Administrator@{UpnSuffix}", AdminPassword), AuthType.Basic);
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = true;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        connection.Bind();
        return connection;
    }

    /// Makes the account a member of exactly these of the test groups.
    public static void SetGroups(string account, params string[] groups)
    {
        using var connection = Admin();
        foreach (var group in Groups)
        {
            var members = (SearchResponse)connection.SendRequest(new SearchRequest(Dn(group), $"(member={Dn(account)})", SearchScope.Base, "cn"));
            var isMember = members.Entries.Count > 0;
            var wanted = groups.Contains(group);
            if (isMember == wanted) continue;
            connection.SendRequest(new ModifyRequest(Dn(group), wanted ? DirectoryAttributeOperation.Add : DirectoryAttributeOperation.Delete, "member", Dn(account)));
        }
    }

    public static void SetEnabled(string account, bool enabled)
    {
        using var connection = Admin();
        // 512 NORMAL_ACCOUNT; 514 the same, disabled (ACCOUNTDISABLE) — what 「アカウントを無効にする」 sets.
        connection.SendRequest(new ModifyRequest(Dn(account), DirectoryAttributeOperation.Replace, "userAccountControl", enabled ? "512" : "514"));
    }

    /// null removes the attribute.
    public static void SetStaffNumber(string account, string? number) => SetAttribute(account, "employeeID", number);

    /// null removes the attribute.
    public static void SetAttribute(string account, string attribute, string? value)
    {
        using var connection = Admin();
        var change = new DirectoryAttributeModification { Name = attribute, Operation = DirectoryAttributeOperation.Replace };
        if (value is not null) change.Add(value);
        connection.SendRequest(new ModifyRequest(Dn(account), change));
    }

    /// An account made by the test itself (as the city's IT would make one), so that deleting it leaves the script's alone.
    public static void CreateAccount(string account, string staffNumber, params string[] groups)
    {
        DeleteAccount(account);
        using var connection = Admin();
        connection.SendRequest(new AddRequest(Dn(account),
            new DirectoryAttribute("objectClass", "user"), new DirectoryAttribute("sAMAccountName", account),
            new DirectoryAttribute("userPrincipalName", $"{account}@{UpnSuffix}"), new DirectoryAttribute("employeeID", staffNumber),
            new DirectoryAttribute("unicodePwd", System.Text.Encoding.Unicode.GetBytes($"\"{Password}\"")), new DirectoryAttribute("userAccountControl", "512")));
        foreach (var group in groups) connection.SendRequest(new ModifyRequest(Dn(group), DirectoryAttributeOperation.Add, "member", Dn(account)));
    }

    /// samba-tool user delete, over LDAP: the account is gone (a tombstone the ordinary search no longer returns).
    public static void DeleteAccount(string account)
    {
        using var connection = Admin();
        var found = (SearchResponse)connection.SendRequest(new SearchRequest(BaseDn, $"(sAMAccountName={account})", SearchScope.Subtree, "cn"));
        foreach (SearchResultEntry entry in found.Entries) connection.SendRequest(new DeleteRequest(entry.DistinguishedName));
    }

    /// The settings an app server needs for this directory (Directory:*).
    public static IEnumerable<(string Key, string Value)> Settings(int checkSeconds = 2) =>
    [
        ("Directory:Enabled", "true"), ("Directory:Server", Server), ("Directory:Port", "636"), ("Directory:BaseDn", BaseDn),
        ("Directory:UpnSuffix", UpnSuffix), ("Directory:ServiceUser", ServiceUser), ("Directory:ServicePassword", Password),
        ("Directory:CheckSeconds", checkSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// The directory's tests share one domain controller: they run one class at a time.
[CollectionDefinition(Name)]
public sealed class SambaCollection
{
    public const string Name = "Samba directory";
}
