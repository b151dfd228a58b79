using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace NtmWorkflow.Web.Notifications;

public interface IEmailSender
{
    /// <exception cref="SmtpException">When the server cannot be reached or refuses the message.</exception>
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Sends over SMTP with the framework's client (MailKit is not in our package source), or writes .eml files to the
/// pickup folder. Bodies are UTF-8 in base64, so Vietnamese survives any relay.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        // The client's own timeout does not cover the asynchronous send; a dead server must not hold the job.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            await SendOnceAsync(to, subject, body, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpException($"Máy chủ thư không trả lời sau {options.Value.TimeoutSeconds} giây.");
        }
        catch (FormatException e)
        {
            throw new SmtpException($"Địa chỉ thư không hợp lệ: {e.Message}");
        }
    }

    private async Task SendOnceAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage(new MailAddress(settings.From!, settings.FromName, Encoding.UTF8), new MailAddress(to))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(settings.PickupFolder))
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Directory.CreateDirectory(Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath)).FullName;
        }
        else
        {
            client.Host = settings.Host!;
            client.Port = settings.Port;
            client.EnableSsl = settings.Security == EmailSecurity.StartTls;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }
        await client.SendMailAsync(message, cancellationToken);
    }
}
