using System.Net;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>The demo seed puts real, valid files on customer messages, and they download through signed links.</summary>
public sealed class DemoAttachmentTests(DemoAttachmentTests.App app) : IClassFixture<DemoAttachmentTests.App>
{
    public sealed class App : DashboardAppFactory;

    [Fact]
    public async Task Seeded_customer_messages_carry_screenshots_receipts_and_logs_that_download()
    {
        _ = app.Server;
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var seeded = await db.Attachments.AsNoTracking()
            .Join(db.CaseMessages, a => a.MessageId, m => m.Id, (a, m) => new { Attachment = a, m.AuthorKind })
            .ToListAsync();

        seeded.Count.ShouldBeGreaterThan(20);
        seeded.ShouldAllBe(x => x.AuthorKind == AuthorKind.Customer);
        seeded.Select(x => x.Attachment.ContentType).Distinct().Order()
            .ShouldBe(["application/pdf", "image/png", "text/plain; charset=utf-8"]);
        seeded.Select(x => x.Attachment.StoreId).Distinct().Count().ShouldBe(2);

        var links = app.Services.GetRequiredService<AttachmentLinks>();
        var client = app.CreateClient();
        foreach (var type in new[] { "image/png", "application/pdf", "text/plain; charset=utf-8" })
        {
            var attachment = seeded.First(x => x.Attachment.ContentType == type).Attachment;
            var response = await client.GetAsync(links.Create(attachment).Url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes.Length.ShouldBe((int)attachment.Size);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(attachment.Sha256);
        }
    }
}
