using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>The Email replies page with the real review service: what a member and platform support see and do.</summary>
public class InboundMailPageTests : CasePageTestBase
{
    protected override void AddFeatureServices()
    {
        Services.AddSingleton(InboundTestKit.Review(Db));
        Services.AddScoped<HeldMailBadge>();
        Services.AddSingleton(new MailboxWatchStatus(Db.Clock));
    }

    /// <summary>The customer's reply to a case of this store, sent from an address the case does not know.</summary>
    private async Task<SupportCase> HeldReplyAsync(string from = "bea@buyer-work.example", bool matched = true)
    {
        var c = await OpenCaseAsync("Licence key not working");
        var message = MailFixture.Gmail.Message();
        message.From.Clear();
        message.From.Add(new MailboxAddress("Bea Buyer", from));
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse(matched ? $"reply+{c.ReplyToken}@{Infrastructure.TestDatabase.ReplyDomain}" : "help@pandabase.example"));
        message.Headers.Remove("Delivered-To");
        message.InReplyTo = null;
        message.References.Clear();
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        (await InboundTestKit.Processor(Db).ProcessAsync(raw.ToArray())).Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        return c;
    }

    [Fact]
    public async Task A_member_sees_why_an_email_was_held_and_posts_it_to_the_case()
    {
        var c = await HeldReplyAsync();

        var page = Render<InboundMailPage>();

        var card = page.WaitForElement("[data-testid=inbound-email]");
        card.QuerySelector("[data-testid=inbound-reason]")!.TextContent.Trim()
            .ShouldBe($"The sender bea@buyer-work.example is not the case's customer ({Customer.Email})");
        card.QuerySelector("[data-testid=inbound-text]")!.TextContent.ShouldBe(MailFixture.Gmail.ExpectedText);
        card.QuerySelector("a.case-link")!.GetAttribute("href").ShouldBe($"/cases/{c.Id}");
        page.Find("[data-testid=inbound-tab-held-for-review]").TextContent.ShouldContain("1");

        page.Find("[data-testid=inbound-post]").Click();

        page.WaitForElement("[data-testid=inbound-empty]");
        await using var db = Db.NewContext();
        (await db.CaseMessages.AnyAsync(m => m.CaseId == c.Id && m.AuthorKind == AuthorKind.Customer && m.Body == MailFixture.Gmail.ExpectedText)).ShouldBeTrue();
    }

    [Fact]
    public async Task Discarding_asks_first_and_keeps_the_email_when_the_member_changes_their_mind()
    {
        await HeldReplyAsync();
        var page = Render<InboundMailPage>();
        page.WaitForElement("[data-testid=inbound-email]");

        page.Find("[data-testid=inbound-discard]").Click();
        page.Markup.ShouldContain("Discard this email? It will not be posted.");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();
        page.FindAll("[data-testid=inbound-email]").Count.ShouldBe(1);

        page.Find("[data-testid=inbound-discard]").Click();
        page.Find("[data-testid=inbound-discard-confirm]").Click();

        page.WaitForElement("[data-testid=inbound-empty]");
        (await Db.InboundAsync()).ShouldHaveSingleItem().Status.ShouldBe(InboundEmailStatus.Discarded);
    }

    [Fact]
    public async Task Unmatched_mail_is_not_shown_to_the_store()
    {
        await HeldReplyAsync(matched: false);

        var page = Render<InboundMailPage>();

        page.WaitForElement("[data-testid=inbound-empty]").TextContent.ShouldContain("Nothing waits for review.");
    }

    [Fact]
    public async Task Unmatched_mail_is_shown_to_platform_support_with_a_case_field()
    {
        await HeldReplyAsync(matched: false);
        SignIn(await AddUserAsync("Jordan Reyes", storeId: null, platformSupport: true));
        var supportView = Render<InboundMailPage>();
        var card = supportView.WaitForElement("[data-testid=inbound-email]");
        card.TextContent.ShouldContain("Not matched to a case");
        supportView.FindAll("[data-testid=inbound-case-id]").ShouldNotBeEmpty();
        supportView.Find("[data-testid=mailbox-status]").TextContent.ShouldBe("Reply mailbox: none configured (replies arrive through the inbound webhook only).");
    }
}
