using System.DirectoryServices.Protocols;
using Komaki.Management.Core;

namespace Komaki.Management.Web.Infrastructure.Directory;

public enum DirectoryFailure
{
    None = 0,
    /// Wrong password, unknown or disabled account: the directory refused the bind (it says no more, nor do we).
    Refused,
    /// The bind worked but the account is marked disabled, or could not be read back.
    Disabled,
    /// No answer over TLS (down, unreachable, or a certificate the server does not trust).
    Unavailable,
}

public sealed record DirectoryAnswer(ExternalPerson? Person, DirectoryFailure Failure);

/// Active Directory over LDAP with TLS (System.DirectoryServices.Protocols): the password is checked by binding as the
/// person, never kept; their account, 職員番号 and groups (nested ones too) are read with their own rights.
public sealed class LdapDirectory(IOptions<DirectoryOptions> options, ILogger<LdapDirectory> log)
{
    private DirectoryOptions O => options.Value;
    private const int AccountDisable = 0x2;
    private const string InChain = "1.2.840.113556.1.4.1941";

    public Task<DirectoryAnswer> SignInAsync(string account, string password) => Task.Run(() => SignIn(account, password));

    private DirectoryAnswer SignIn(string account, string password)
    {
        var name = AccountName(account);
        // An empty password is an anonymous bind, which a directory accepts: it proves nothing.
        if (name.Length == 0 || string.IsNullOrEmpty(password)) return new(null, DirectoryFailure.Refused);
        try
        {
            using var connection = Connect(new NetworkCredential(BindName(account, name), password));
            var person = Find(connection, $"(sAMAccountName={Escape(name)})");
            return person is null ? new(null, DirectoryFailure.Disabled) : new(person, DirectoryFailure.None);
        }
        catch (LdapException e) when (e.ErrorCode == 49)
        {
            return new(null, DirectoryFailure.Refused);
        }
        catch (LdapException e)
        {
            log.LogError(e, "Directory {Server}:{Port} did not answer a sign-in ({Code} {Message})", O.Server, O.Port, e.ErrorCode, e.ServerErrorMessage);
            return new(null, DirectoryFailure.Unavailable);
        }
    }

    /// The person behind a Windows sign-on (DOMAIN\name), read with the service account.
    public Task<DirectoryAnswer> FindAsync(string account) => Task.Run(() =>
    {
        try
        {
            using var connection = Connect(ServiceCredential());
            var person = Find(connection, $"(sAMAccountName={Escape(AccountName(account))})");
            return person is null ? new DirectoryAnswer(null, DirectoryFailure.Disabled) : new DirectoryAnswer(person, DirectoryFailure.None);
        }
        catch (LdapException e)
        {
            log.LogError(e, "Directory {Server}:{Port} did not answer a Windows sign-on lookup ({Code})", O.Server, O.Port, e.ErrorCode);
            return new DirectoryAnswer(null, DirectoryFailure.Unavailable);
        }
    });

    /// Every person's account under the base DN by immutable id, enabled or disabled, read page by page with the
    /// service account. An account deleted from the directory is in neither.
    public Task<DirectoryAccounts> AccountsAsync() => Task.Run(() =>
    {
        using var connection = Connect(ServiceCredential());
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        var paging = new PageResultRequestControl(500);
        var request = new SearchRequest(O.BaseDn, "(&(objectCategory=person)(objectClass=user))", SearchScope.Subtree, "objectGUID", "userAccountControl");
        request.Controls.Add(paging);
        while (true)
        {
            var response = (SearchResponse)connection.SendRequest(request);
            foreach (SearchResultEntry entry in response.Entries)
            {
                if (Guid(entry) is not string key) continue;
                var off = int.TryParse(Text(entry, "userAccountControl"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var flags) && (flags & AccountDisable) != 0;
                (off ? disabled : enabled).Add(key);
            }
            var page = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (page is null || page.Cookie.Length == 0) break;
            paging.Cookie = page.Cookie;
        }
        return new DirectoryAccounts(enabled, disabled);
    });

    public bool HasServiceAccount => !string.IsNullOrEmpty(O.ServiceUser) && !string.IsNullOrEmpty(O.ServicePassword);

    private NetworkCredential ServiceCredential() =>
        HasServiceAccount ? new NetworkCredential(BindName(O.ServiceUser!, AccountName(O.ServiceUser!)), O.ServicePassword)
            : throw new InvalidOperationException("Directory:ServiceUser and Directory:ServicePassword are needed for this.");

    private LdapConnection Connect(NetworkCredential credential)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(O.Server, O.Port), credential, AuthType.Basic)
        {
            Timeout = TimeSpan.FromSeconds(O.TimeoutSeconds),
        };
        try
        {
            var session = connection.SessionOptions;
            session.ProtocolVersion = 3;
            session.ReferralChasing = ReferralChasingOptions.None;
            if (!string.IsNullOrEmpty(O.TrustedCertificatesDirectory) && !OperatingSystem.IsWindows())
            {
                session.TrustedCertificatesDirectory = O.TrustedCertificatesDirectory;
                session.StartNewTlsSessionContext();
            }
            if (O.Tls == DirectoryTls.StartTls) session.StartTransportLayerSecurity(null);
            else session.SecureSocketLayer = true;
            connection.Bind();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private ExternalPerson? Find(LdapConnection connection, string filter)
    {
        string[] attributes = ["objectGUID", "sAMAccountName", "userAccountControl", "mail", "userPrincipalName", O.StaffNumberAttribute];
        if (!string.IsNullOrWhiteSpace(O.DepartmentAttribute)) attributes = [.. attributes, O.DepartmentAttribute];
        var request = new SearchRequest(O.BaseDn, $"(&(objectCategory=person)(objectClass=user){filter})", SearchScope.Subtree, attributes);
        var response = (SearchResponse)connection.SendRequest(request);
        if (response.Entries.Count != 1) return null;
        var entry = response.Entries[0];
        if (int.TryParse(Text(entry, "userAccountControl"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var flags) && (flags & AccountDisable) != 0) return null;
        if (Guid(entry) is not string key) return null;
        var groups = new SearchRequest(O.BaseDn, $"(&(objectClass=group)(member:{InChain}:={Escape(entry.DistinguishedName)}))", SearchScope.Subtree, "sAMAccountName");
        var found = (SearchResponse)connection.SendRequest(groups);
        var names = found.Entries.Cast<SearchResultEntry>().Select(g => Text(g, "sAMAccountName")).OfType<string>().ToList();
        return new ExternalPerson(DirectoryOptions.Provider, key, Text(entry, "sAMAccountName") ?? "", Text(entry, O.StaffNumberAttribute), names,
            Text(entry, "mail") ?? Text(entry, "userPrincipalName"), string.IsNullOrWhiteSpace(O.DepartmentAttribute) ? null : Text(entry, O.DepartmentAttribute));
    }

    private static string? Guid(SearchResultEntry entry) =>
        entry.Attributes["objectGUID"]?.GetValues(typeof(byte[])).FirstOrDefault() is byte[] { Length: 16 } b ? new Guid(b).ToString() : null;

    private static string? Text(SearchResultEntry entry, string attribute) =>
        entry.Attributes[attribute]?.GetValues(typeof(string)).FirstOrDefault() as string;

    /// KOMAKI\komaki-staff and komaki-staff@komaki.test are komaki-staff.
    public static string AccountName(string account)
    {
        var a = account.Trim();
        var slash = a.LastIndexOf('\\');
        if (slash >= 0) a = a[(slash + 1)..];
        var at = a.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 ? a[..at] : a;
    }

    private string BindName(string typed, string name) =>
        typed.Contains('@', StringComparison.Ordinal) || string.IsNullOrEmpty(O.UpnSuffix) ? typed.Trim() : $"{name}@{O.UpnSuffix}";

    /// RFC 4515: what a filter's value may not carry as itself.
    public static string Escape(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            b.Append(c switch
            {
                '\\' => @"\5c", '*' => @"\2a", '(' => @"\28", ')' => @"\29", '\0' => @"\00",
                _ => c.ToString(),
            });
        }
        return b.ToString();
    }
}
