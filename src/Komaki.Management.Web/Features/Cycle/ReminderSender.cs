using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;

namespace Komaki.Management.Web.Features.Cycle;

/// The edge where reminders leave the app by mail (MailKitReminderMailer; a fake in tests). SendAsync throws
/// ReminderMailException when the mail does not go out.
public interface IReminderMailer
{
    bool IsConfigured { get; }
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

public sealed record ReminderRun(int Created, int Mailed, int MailFailed);

/// Writes an in-app reminder to everyone who has a stage overdue or due within a week, at most once a week per
/// stage (owners who get one every day stop reading them), and mails it when SMTP is configured.
public sealed class ReminderSender(AppDbContext db, OrgTreeProvider orgTree, IReminderMailer mailer, ILogger<ReminderSender> log, CityClock clock)
{
    public const int DueSoonDays = 7;
    public const int RepeatAfterDays = 7;

    public async Task<ReminderRun> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var org = await orgTree.GetAsync(ct);
        var year = Wareki.FiscalYearOf(today);
        var snapshots = new List<CycleSnapshot>();
        foreach (var y in DueWork.YearsAround(year)) snapshots.Add(await CycleSnapshot.LoadAsync(db, org, y, today));

        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.Email, u.OrgUnitId, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList() })
            .ToListAsync(ct);
        var since = clock.UtcNow.AddDays(-RepeatAfterDays);
        var recent = (await db.Reminders.AsNoTracking().Where(r => r.CreatedAt >= since).Select(r => new { r.UserId, r.FiscalYear, r.Stage }).ToListAsync(ct))
            .Select(r => (r.UserId, r.FiscalYear, r.Stage)).ToHashSet();

        var created = new List<(Reminder Reminder, string? Email)>();
        foreach (var u in users)
        {
            var actor = new Actor(u.UserName ?? "", u.Roles.ToHashSet(), u.OrgUnitId);
            foreach (var item in DueWork.For(actor, org, snapshots).Where(i => i.Overdue || i.DaysLeft(today) <= DueSoonDays))
            {
                if (recent.Contains((u.Id, item.Year, item.Stage))) continue;
                var reminder = new Reminder
                {
                    UserId = u.Id, FiscalYear = item.Year, Stage = item.Stage, DueOn = item.DueOn, CreatedAt = clock.UtcNow,
                    Message = Message(item, today),
                };
                db.Reminders.Add(reminder);
                created.Add((reminder, u.Email));
            }
        }
        await db.SaveChangesAsync(ct);

        int mailed = 0, failed = 0;
        if (mailer.IsConfigured)
        {
            foreach (var (reminder, email) in created.Where(c => !string.IsNullOrWhiteSpace(c.Email)))
            {
                try
                {
                    await mailer.SendAsync(email!, "【自治体経営システム】" + reminder.Stage.Label() + "の期限", reminder.Message, ct);
                    reminder.Mailed = true;
                    mailed++;
                }
                catch (ReminderMailException ex)
                {
                    failed++;
                    log.LogWarning(ex, "Reminder mail to {Email} failed", email);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return new ReminderRun(created.Count, mailed, failed);
    }

    public static string Message(DueItem item, DateOnly today)
    {
        var when = item.Overdue ? $"期限（{Wareki.Date(item.DueOn)}）を{-item.DaysLeft(today)}日過ぎています" : $"期限は{Wareki.Date(item.DueOn)}（あと{item.DaysLeft(today)}日）です";
        var units = string.Join("、", item.Units.Take(5).Select(u => $"{u.Division.Unit} {u.Missing}件")) + (item.Units.Count > 5 ? $" ほか{item.Units.Count - 5}課" : "");
        return $"{Wareki.FiscalYear(item.Year)}の「{item.Stage.Label()}」: {when}。未了 {item.Missing}件（{units}）。";
    }
}

/// Runs the reminders when the app starts (a fresh system shows what is due at once) and then once a day after 8時
/// (Japan time), unless Reminders:Automatic is false. A stage is reminded at most once a week, so a restart
/// sends nothing twice.
public sealed class DailyReminderService(IServiceScopeFactory scopes, IConfiguration config, ILogger<DailyReminderService> log, CityClock clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reminders:Automatic", true)) return;
        DateOnly? lastRun = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30));
        do
        {
            var now = clock.Now;
            var today = DateOnly.FromDateTime(now);
            if (lastRun is not null && (now.Hour < 8 || lastRun == today)) continue;
            try
            {
                using var scope = scopes.CreateScope();
                var run = await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendAsync(today, stoppingToken);
                log.LogInformation("Reminders: {Created} created, {Mailed} mailed, {Failed} mail failures", run.Created, run.Mailed, run.MailFailed);
                lastRun = today;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
