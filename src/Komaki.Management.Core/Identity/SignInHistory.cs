using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Identity;

/// One line of the sign-in history the city keeps (サインイン記録): a sign-in or its refusal, roles or unit set by the
/// directory, access ended, or a privileged change — beside the log server's events 3201–3206, and kept for
/// SignInLog:RetentionDays.
[DataArea(DataArea.None)]
public sealed class SignInRecord
{
    public long Id { get; set; }
    /// UTC.
    public DateTime At { get; set; }
    /// The account name as typed (or as the directory gave it), so refusals of unknown names are recorded too.
    public string Account { get; set; } = "";
    public string? UserId { get; set; }
    public string Kind { get; set; } = "";
    public bool Succeeded { get; set; }
    public string? Reason { get; set; }
    public string? Address { get; set; }

    public const int AccountMaxLength = 256;
    public const int KindMaxLength = 32;
    public const int ReasonMaxLength = 500;
    public const int AddressMaxLength = 64;
}

public static class SignInKinds
{
    public const string SignIn = "SignIn";
    public const string RolesChanged = "RolesChanged";
    public const string AccessEnded = "AccessEnded";
    public const string Privileged = "Privileged";
    public const string DirectoryUnavailable = "DirectoryUnavailable";
    /// The directory's 所属 differs from the staff register's (the register's is used).
    public const string UnitDiffers = "UnitDiffers";

    public static readonly IReadOnlyList<string> All = [SignIn, RolesChanged, AccessEnded, Privileged, DirectoryUnavailable, UnitDiffers];

    public static string Label(string kind) => kind switch
    {
        SignIn => "サインイン",
        RolesChanged => "役割・所属の変更",
        AccessEnded => "利用の終了",
        Privileged => "管理操作",
        DirectoryUnavailable => "ディレクトリ接続不可",
        UnitDiffers => "所属の相違",
        _ => kind,
    };
}

public sealed record SignInLogPage(IReadOnlyList<SignInRecord> Records, int Total, int Page, int PageSize, string? Query, string? Kind)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class SignInHistory(AppDbContext db, CityClock clock) : IUseCase
{
    public const int PageSize = 50;
    public const int DefaultRetentionDays = 1095;

    public async Task RecordAsync(string kind, string? account, string? userId, bool succeeded, string? reason, string? address, CancellationToken ct = default)
    {
        db.SignInRecords.Add(new SignInRecord
        {
            At = clock.UtcNow, Kind = kind, Succeeded = succeeded, UserId = userId,
            Account = Cut(account?.Trim(), SignInRecord.AccountMaxLength) ?? "",
            Reason = Cut(reason, SignInRecord.ReasonMaxLength), Address = Cut(address, SignInRecord.AddressMaxLength),
        });
        await db.SaveChangesAsync(ct);
    }

    /// Records that the directory's 所属 differs from the register's, unless the person's last such line says the same:
    /// one line per difference, not one per sign-in.
    public async Task RecordUnitDifferenceAsync(string account, string userId, string reason, string? address, CancellationToken ct = default)
    {
        var last = await db.SignInRecords.AsNoTracking().Where(r => r.UserId == userId && r.Kind == SignInKinds.UnitDiffers)
            .OrderByDescending(r => r.Id).Select(r => r.Reason).FirstOrDefaultAsync(ct);
        if (last != Cut(reason, SignInRecord.ReasonMaxLength)) await RecordAsync(SignInKinds.UnitDiffers, account, userId, false, reason, address, ct);
    }

    private static string? Cut(string? s, int max) => s is { Length: > 0 } && s.Length > max ? s[..max] : s;

    /// Newest first; the words are looked for in the account, the reason and the address.
    public async Task<SignInLogPage> PageAsync(string? query, string? kind, int page, CancellationToken ct = default)
    {
        var q = db.SignInRecords.AsNoTracking();
        var words = query?.Trim();
        if (!string.IsNullOrEmpty(words))
            q = q.Where(r => r.Account.Contains(words) || (r.Reason != null && r.Reason.Contains(words)) || (r.Address != null && r.Address.Contains(words)));
        if (kind is not null && SignInKinds.All.Contains(kind)) q = q.Where(r => r.Kind == kind);
        else kind = null;
        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var records = await q.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new(records, total, page, PageSize, words, kind);
    }

    /// Removes the lines older than the retention; returns how many.
    public Task<int> PurgeAsync(int retentionDays, CancellationToken ct = default)
    {
        var before = clock.UtcNow.AddDays(-Math.Max(1, retentionDays));
        return db.SignInRecords.Where(r => r.At < before).ExecuteDeleteAsync(ct);
    }
}
