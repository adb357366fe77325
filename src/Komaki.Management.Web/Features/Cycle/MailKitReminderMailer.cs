using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Komaki.Management.Web.Features.Cycle;

/// The city's mail server (section Smtp). Without a Host, reminders stay in the app.
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// TLS: STARTTLS, or TLS from the first byte on port 465.
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@localhost";
}

/// Why a reminder mail did not go out, whatever the transport said; the sender counts it and goes on.
public sealed class ReminderMailException(string message, Exception inner) : Exception(message, inner);

/// Sends reminders through MailKit, the library .NET recommends in place of System.Net.Mail.SmtpClient.
public sealed class MailKitReminderMailer(IOptions<SmtpOptions> options) : IReminderMailer
{
    private SmtpOptions Smtp => options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    public static MimeMessage Message(string from, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        try
        {
            using var client = new SmtpClient();
            var security = !Smtp.EnableSsl ? SecureSocketOptions.None : Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(Smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(Smtp.UserName)) await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? "", ct);
            await client.SendAsync(Message(Smtp.From, to, subject, body), ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ReminderMailException($"メールを送れませんでした（{Smtp.Host}:{Smtp.Port}）: {ex.Message}", ex);
        }
    }
}
