namespace Komaki.Management.Web.Infrastructure.Directory;

/// `Directory:*` — sign-in with the city's Active Directory (docs/deploy.md). Off unless Enabled.
public sealed class DirectoryOptions
{
    public const string Provider = "ActiveDirectory";

    public bool Enabled { get; set; }
    /// The domain controller (or the domain's name, which DNS answers with one); the certificate must name it.
    public string Server { get; set; } = "";
    public int Port { get; set; } = 636;
    /// Ldaps (TLS from the first byte, port 636) or StartTls (port 389, upgraded before the password is sent).
    /// There is no setting for plain LDAP: a password never crosses the network in clear.
    public DirectoryTls Tls { get; set; } = DirectoryTls.Ldaps;
    /// A folder of CA certificates (PEM, hashed names as `openssl rehash` makes them) trusted for the directory
    /// besides the system's store. Linux only; on Windows the machine's store decides.
    public string? TrustedCertificatesDirectory { get; set; }
    /// Where people are searched for (DC=city,DC=local or an OU under it).
    public string BaseDn { get; set; } = "";
    /// Appended to a bare account name to bind with (komaki-staff → komaki-staff@city.local).
    public string UpnSuffix { get; set; } = "";
    /// The attribute that carries the 職員番号 the staff register knows the person by.
    public string StaffNumberAttribute { get; set; } = "employeeID";
    /// The attribute with the person's 所属 as the directory holds it: compared with the staff register's at each
    /// sign-in and a difference shown to administrators (サインイン記録, 所属の相違); the register's is the one used.
    /// Empty: not compared.
    public string? DepartmentAttribute { get; set; } = "department";
    /// A read-only account the servers use to find disabled accounts every minute (and for Windows sign-on).
    public string? ServiceUser { get; set; }
    public string? ServicePassword { get; set; }
    /// How often each server looks for people who left (directory-disabled or 退職 in the staff register).
    public int CheckSeconds { get; set; } = 30;
    /// With the directory on, staff sign in only through it; local passwords stay for break-glass administrators and
    /// people outside the directory (外部評価委員, 監査委員). Set true to let local staff accounts sign in as well.
    public bool LocalStaffSignIn { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    /// Under IIS with Windows authentication on the site: the sign-in page takes domain terminals straight through
    /// Windows sign-on (/Account/Windows); /Account/Login?local=true still shows the form. Needs the service account.
    public bool WindowsSignOn { get; set; }
}

public enum DirectoryTls
{
    Ldaps = 1,
    StartTls = 2,
}
