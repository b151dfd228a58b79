using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>For development: with a pickup folder, e-mails are written there as .eml files instead of being sent.</summary>
public sealed class PickupFolderTests(PickupFolderTests.PickupApp app) : IClassFixture<PickupFolderTests.PickupApp>
{
    public sealed class PickupApp : NtmApp
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ntm-tests", "pickup-" + Guid.NewGuid().ToString("N"));

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Email:PickupFolder", Folder), new("Email:From", "ntm@dongthap.gov.vn")];

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task WithAPickupFolder_EachEmailIsWrittenThereAsAnEmlFile()
    {
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn");
        await new Procedure(app).EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));

        Assert.Equal(1, await app.RunJob(new DeliverEmails.Command()));

        var file = Assert.Single(Directory.GetFiles(app.Folder, "*.eml"));
        var mail = new ReceivedMail("", [], (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\r\n"));
        Assert.Contains("To: thamtra@hongngu.gov.vn", mail.Data);
        Assert.Contains("Thẩm tra cấp huyện", mail.Subject);
    }
}
