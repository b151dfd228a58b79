namespace NtmWorkflow.Web.Tests.Support;

/// <summary>An app whose e-mail goes over plain SMTP to a test server on loopback; a subclass adds its own settings.</summary>
public class MailApp : NtmApp
{
    public SmtpTestServer Smtp { get; } = new();

    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings => [];

    protected sealed override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Email:Host", "127.0.0.1"),
        new("Email:Port", Smtp.Port.ToString()),
        new("Email:Security", "None"),
        new("Email:UserName", "ntm-mailer"),
        new("Email:Password", "mật-khẩu-thư"),
        new("Email:From", "ntm@dongthap.gov.vn"),
        new("Email:TimeoutSeconds", "5"),
        new("Email:BaseUrl", "https://ntm.dongthap.gov.vn/"),
        .. MoreSettings,
    ];

    public override async Task DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
