using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// An application mailing through a loopback server that holds a self-signed certificate, trusted by its pinned
/// fingerprint and nothing else; the server expects the application's user name and password.
/// </summary>
public abstract class TlsMailApp(bool implicitTls) : NtmApp
{
    public const string UserName = "ntm-mailer";
    public const string MailPassword = "mật-khẩu-thư";

    public SmtpTestServer Smtp { get; } = new(SmtpTestServer.SelfSignedCertificate(), implicitTls) { Credentials = (UserName, MailPassword) };

    /// <summary>How the fingerprint is written in the settings (viewers show SHA-1 with colons, tools SHA-256 in hex).</summary>
    protected abstract string Thumbprint { get; }

    protected abstract string Security { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Email:Host", "127.0.0.1"),
        new("Email:Port", Smtp.Port.ToString()),
        new("Email:Security", Security),
        new("Email:AcceptedCertificateThumbprint", Thumbprint),
        new("Email:UserName", UserName),
        new("Email:Password", MailPassword),
        new("Email:From", "ntm@dongthap.gov.vn"),
        new("Email:TimeoutSeconds", "5"),
        new("Email:BaseUrl", "https://ntm.dongthap.gov.vn"),
    ];

    public override async Task DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A dossier whose district reviewer takes e-mail at once, just moved to the reviewer: one e-mail queued.</summary>
    public async Task<JsonElement> Mailed()
    {
        await Outbox.SetEmail(this, Procedure.District, "thamtra@hongngu.gov.vn");
        return await new Procedure(this).EnterDistrictReview(await NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
    }

    /// <summary>The e-mail about the dossier as the server received it (its body links to the dossier).</summary>
    public ReceivedMail? Delivered(JsonElement dossier) =>
        Smtp.Received.SingleOrDefault(m => m.Body.Contains(Procedure.Id(dossier)));

    /// <summary>The e-mail failed once, is kept pending with its error, and goes through once the cause is gone.</summary>
    public async Task AssertFailedThenRetried(JsonElement dossier, string error, Action cure)
    {
        Assert.Equal(0, await RunJob(new DeliverEmails.Command()));
        var failed = await Outbox.About(this, dossier);
        Assert.Equal((EmailStatuses.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains(error, failed.LastError);
        Assert.Equal(Clock.Now.UtcDateTime.AddMinutes(1), failed.NextAttemptAt);
        Assert.Null(Delivered(dossier));

        cure();
        Clock.Now = Clock.Now.AddMinutes(1);
        Assert.True(await RunJob(new DeliverEmails.Command()) >= 1);
        var sent = await Outbox.About(this, dossier);
        Assert.Equal((EmailStatuses.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.NotNull(Delivered(dossier));
    }
}

/// <summary>Submission with STARTTLS (port 587): TLS, authentication, refusals and an unexpected certificate.</summary>
public sealed class StartTlsEmailTests(StartTlsEmailTests.App app) : IClassFixture<StartTlsEmailTests.App>
{
    public sealed class App() : TlsMailApp(implicitTls: false)
    {
        protected override string Security => "StartTls";

        protected override string Thumbprint => Smtp.Certificate!.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();
    }

    [Fact]
    public async Task Delivered_OverStartTls_AfterSigningIn_WithVietnameseInUtf8()
    {
        var dossier = await app.Mailed();

        Assert.True(await app.RunJob(new DeliverEmails.Command()) >= 1);

        var mail = app.Delivered(dossier);
        Assert.NotNull(mail);
        Assert.True(mail.OverTls);
        Assert.Equal((TlsMailApp.UserName, TlsMailApp.MailPassword), app.Smtp.LastLogin);
        Assert.Equal(["thamtra@hongngu.gov.vn"], mail.To);
        var queued = await Outbox.About(app, dossier);
        Assert.Equal((EmailStatuses.Sent, 1), (queued.Status, queued.Attempts));
        Assert.Contains("Thẩm tra cấp huyện", mail.Subject);
        Assert.Equal(queued.Subject, mail.Subject);
        Assert.Equal(["utf-8"], mail.SubjectCharsets);
        Assert.Contains("charset=utf-8", mail.Header("Content-Type"));
        Assert.Equal(queued.Body, mail.Body.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task WrongCredentials_FailTheAttempt_WhichIsRecordedAndRetried()
    {
        var dossier = await app.Mailed();
        app.Smtp.Credentials = (TlsMailApp.UserName, "mật khẩu đã đổi");
        try
        {
            await app.AssertFailedThenRetried(dossier, "từ chối đăng nhập", () => app.Smtp.Credentials = (TlsMailApp.UserName, TlsMailApp.MailPassword));
        }
        finally
        {
            app.Smtp.Credentials = (TlsMailApp.UserName, TlsMailApp.MailPassword);
        }
    }

    [Theory]
    [InlineData("550 5.1.1 Mailbox unavailable", "SMTP 550")]
    [InlineData("451 4.3.0 Try again later", "SMTP 451")]
    public async Task ARefusedRecipient_IsRecordedAndRetried(string reply, string error)
    {
        var dossier = await app.Mailed();
        app.Smtp.RecipientReply = reply;
        try
        {
            await app.AssertFailedThenRetried(dossier, error, () => app.Smtp.RecipientReply = null);
        }
        finally
        {
            app.Smtp.RecipientReply = null;
        }
    }

    [Fact]
    public async Task AServerNoLongerOfferingStartTls_IsNotSpokenToInPlainText()
    {
        var dossier = await app.Mailed();
        app.Smtp.OfferStartTls = false;
        try
        {
            await app.AssertFailedThenRetried(dossier, "STARTTLS", () => app.Smtp.OfferStartTls = true);
        }
        finally
        {
            app.Smtp.OfferStartTls = true;
        }
        Assert.All(app.Smtp.Received, mail => Assert.True(mail.OverTls));
    }

    [Fact]
    public async Task ACertificateOtherThanThePinnedOne_IsRefused_NotAcceptedSilently()
    {
        var dossier = await app.Mailed();
        var pinned = app.Smtp.Certificate!;
        app.Smtp.Certificate = SmtpTestServer.SelfSignedCertificate();
        try
        {
            await app.AssertFailedThenRetried(dossier, "TLS", () => app.Smtp.Certificate = pinned);
        }
        finally
        {
            app.Smtp.Certificate = pinned;
        }
    }
}

/// <summary>Implicit TLS (port 465), which the framework's client could not speak.</summary>
public sealed class ImplicitTlsEmailTests(ImplicitTlsEmailTests.App app) : IClassFixture<ImplicitTlsEmailTests.App>
{
    public sealed class App() : TlsMailApp(implicitTls: true)
    {
        protected override string Security => "SslOnConnect";

        protected override string Thumbprint => string.Join(':', Smtp.Certificate!.Thumbprint.Chunk(2).Select(pair => new string(pair)));
    }

    private sealed class BadThumbprintApp : NtmApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Email:Host", "127.0.0.1"), new("Email:From", "ntm@dongthap.gov.vn"),
            new("Email:AcceptedCertificateThumbprint", "không phải dấu vân tay"),
        ];
    }

    [Fact]
    public async Task Delivered_OverImplicitTls_AfterSigningIn()
    {
        var dossier = await app.Mailed();

        Assert.True(await app.RunJob(new DeliverEmails.Command()) >= 1);

        var mail = app.Delivered(dossier);
        Assert.NotNull(mail);
        Assert.True(mail.OverTls);
        Assert.Contains("Thẩm tra cấp huyện", mail.Subject);
        Assert.Equal((TlsMailApp.UserName, TlsMailApp.MailPassword), app.Smtp.LastLogin);
        Assert.Equal(EmailStatuses.Sent, (await Outbox.About(app, dossier)).Status);
    }

    [Fact]
    public async Task AFingerprintThatIsNotOne_StopsTheStart()
    {
        await using var bad = new BadThumbprintApp();
        Assert.Contains("AcceptedCertificateThumbprint", Assert.Throws<OptionsValidationException>(() => bad.CreateClient()).Message);
    }
}
