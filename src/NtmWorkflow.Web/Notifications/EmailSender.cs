using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NtmWorkflow.Web.Notifications;

public interface IEmailSender
{
    /// <exception cref="EmailDeliveryException">When the server cannot be reached, is not trusted or refuses the message.</exception>
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>An attempt that failed and is worth retrying later; its message is what the outbox records.</summary>
public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Sends over SMTP with MailKit (STARTTLS, implicit TLS or none, as configured), or writes .eml files to the pickup
/// folder. Bodies are UTF-8 in base64 and the subject UTF-8 encoded words, so Vietnamese survives any relay.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // MailKit's own timeout covers each read and write; a server that trickles replies must not hold the job either.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var message = Message(settings, to, subject, body);
            if (!string.IsNullOrWhiteSpace(settings.PickupFolder))
            {
                await WriteToPickupAsync(settings.PickupFolder, message, timeout.Token);
            }
            else
            {
                await SendOverSmtpAsync(settings, message, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"Máy chủ thư không trả lời sau {settings.TimeoutSeconds} giây.");
        }
        catch (Exception e) when (Retryable(e))
        {
            throw new EmailDeliveryException(Describe(e), e);
        }
    }

    private static MimeMessage Message(EmailOptions settings, string to, string subject, string body)
    {
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(Encoding.UTF8, body);
        var message = new MimeMessage { Subject = subject, Body = text };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private async Task WriteToPickupAsync(string folder, MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory(Path.GetFullPath(folder, environment.ContentRootPath));
        await message.WriteToAsync(Path.Combine(directory.FullName, $"{Guid.NewGuid():N}.eml"), cancellationToken);
    }

    private static async Task SendOverSmtpAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient
        {
            Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds,
            CheckCertificateRevocation = settings.CheckCertificateRevocation,
        };
        if (settings.NormalizedThumbprint is { } thumbprint)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && Matches(certificate, thumbprint));
        }
        await client.ConnectAsync(settings.Host!, settings.EffectivePort, SocketOptions(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SocketOptions(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool Matches(X509Certificate certificate, string thumbprint) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(certificate.GetCertHashString(thumbprint.Length == 40 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256)),
            Encoding.ASCII.GetBytes(thumbprint));

    /// <summary>What goes wrong between us and the mail server, as opposed to a bug here.</summary>
    private static bool Retryable(Exception e) => e is CommandException or ProtocolException or MailKit.Security.AuthenticationException
        or SslHandshakeException or System.Security.Authentication.AuthenticationException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or SocketException or IOException or TimeoutException or NotSupportedException
        or FormatException;

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode}: {command.Message}",
        MailKit.Security.AuthenticationException => $"Máy chủ thư từ chối đăng nhập: {e.Message}",
        SslHandshakeException => $"Không thiết lập được kết nối TLS (chứng chỉ của máy chủ thư không được tin cậy?): {e.Message}",
        FormatException => $"Địa chỉ thư không hợp lệ: {e.Message}",
        _ => e.Message,
    };
}
