namespace NtmWorkflow.Web.Notifications;

/// <summary>
/// The <c>Email</c> section. Off unless a mail server (<see cref="Host"/>) or a pickup folder is configured; with a
/// pickup folder every message is written there as an .eml file instead of being sent (for development).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    /// <summary>When unset: 465 with <see cref="EmailSecurity.SslOnConnect"/>, otherwise 587 (the default before 465 was supported).</summary>
    public int? Port { get; set; }

    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The SHA-256 (or SHA-1) fingerprint, in hex, of the one certificate also accepted from the server when it fails
    /// normal validation: a relay with a self-signed or internal-CA certificate. Unset, only certificates the
    /// operating system trusts for the host name pass.
    /// </summary>
    public string? AcceptedCertificateThumbprint { get; set; }

    /// <summary>Off only for a relay whose CA publishes no reachable revocation list (a closed network).</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    public string? From { get; set; }

    public string FromName { get; set; } = "Hệ thống xét công nhận nông thôn mới";

    public string? PickupFolder { get; set; }

    /// <summary>For the whole attempt: connecting, TLS, authentication and sending.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The address officials open the system at, for links in messages; none when unset.</summary>
    public string? BaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupFolder);

    public int EffectivePort => Port ?? (Security == EmailSecurity.SslOnConnect ? 465 : 587);

    /// <summary>The accepted fingerprint without the separators certificate viewers show (":" or spaces), upper case.</summary>
    public string? NormalizedThumbprint =>
        string.IsNullOrWhiteSpace(AcceptedCertificateThumbprint)
            ? null
            : string.Concat(AcceptedCertificateThumbprint.Where(char.IsAsciiHexDigit)).ToUpperInvariant();

    /// <summary>Whether the fingerprint is usable: hex only, as long as a SHA-1 or SHA-256 hash.</summary>
    public bool ThumbprintIsValid =>
        string.IsNullOrWhiteSpace(AcceptedCertificateThumbprint)
        || (AcceptedCertificateThumbprint.All(c => char.IsAsciiHexDigit(c) || c is ':' or ' ' or '-')
            && NormalizedThumbprint!.Length is 40 or 64);
}

/// <summary>How the connection to the mail server is protected.</summary>
public enum EmailSecurity
{
    /// <summary>STARTTLS is required: the message and any credential go only over an upgraded connection (587).</summary>
    StartTls,

    /// <summary>No TLS at all, even when offered: a relay on a trusted network (25).</summary>
    None,

    /// <summary>Implicit TLS from the first byte (465).</summary>
    SslOnConnect,

    /// <summary>MailKit's choice by port: implicit TLS on 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}
