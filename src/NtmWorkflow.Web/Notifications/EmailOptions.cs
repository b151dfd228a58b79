namespace NtmWorkflow.Web.Notifications;

/// <summary>
/// The <c>Email</c> section. Off unless a mail server (<see cref="Host"/>) or a pickup folder is configured; with a
/// pickup folder every message is written there as an .eml file instead of being sent (for development).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (upgrade the connection before any credential is sent) or <c>None</c>.</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public string FromName { get; set; } = "Hệ thống xét công nhận nông thôn mới";

    public string? PickupFolder { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The address officials open the system at, for links in messages; none when unset.</summary>
    public string? BaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupFolder);
}

public enum EmailSecurity
{
    StartTls,
    None,
}
