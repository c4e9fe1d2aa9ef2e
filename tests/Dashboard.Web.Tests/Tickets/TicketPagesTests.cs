using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Support.Tickets;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Features.Tickets.Merchant;
using Dashboard.Web.Tests.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>The Help pages and support's ticket pages in bUnit, on the real ticket services and SQLite.</summary>
public class TicketPagesTests : CasePageTestBase
{
    private AppUser _support = null!;
    private TicketService _tickets = null!;
    private const string Body = "Payouts have been pending for three days since we changed bank account.";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _support = await AddUserAsync("Jordan Reyes", storeId: null, platformSupport: true);
    }

    protected override void AddFeatureServices()
    {
        var feed = new TicketChangeFeed(new InProcessCaseChangeTransport(), NullLogger<TicketChangeFeed>.Instance);
        var vault = new AttachmentVault(new FileSystemAttachmentStorage(Path.Combine(Db.Directory, "attachments")),
            Options.Create(new AttachmentOptions()), Db.Clock, NullLogger<AttachmentVault>.Instance);
        var access = new StoreAccess(Db.Factory);
        _tickets = new TicketService(Db.Factory, Db.Clock, feed, new TicketEmails(new Dashboard.Web.Infrastructure.PublicUrls(new PortalOptions(), Dashboard.Web.Tests.Infrastructure.TestDatabase.HostAddress)), vault, access, NullLogger<TicketService>.Instance);
        Services.AddSingleton(feed);
        Services.AddSingleton(_tickets);
        Services.AddSingleton(new TicketQueries(Db.Factory));
        Services.AddSingleton(new SupportTicketQueries(Db.Factory, access));
    }

    private async Task<SupportTicket> OpenAsync(string body = Body, TicketSeverity severity = TicketSeverity.Normal, string? storeId = null, AppUser? by = null)
    {
        var result = await _tickets.OpenAsync(storeId ?? Store.Id, Actor.Merchant((by ?? User).DisplayName, (by ?? User).Id), new TicketDraft(body, Severity: severity));
        result.Outcome.ShouldBe(TicketOutcome.Ok, result.Error);
        return result.Ticket!;
    }

    [Fact]
    public async Task The_merchants_thread_never_shows_a_staff_note()
    {
        var ticket = await OpenAsync();
        await _tickets.AddNoteAsync(ticket.Id, _support.Id, "NOTE: suspicious payout pattern");
        await _tickets.AnswerAsync(ticket.Id, _support.Id, "Released today.");

        var merchant = Render<TicketPage>(p => p.Add(x => x.NumberText, ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        merchant.WaitForAssertion(() => merchant.FindAll("[data-testid=ticket-entry]").Count.ShouldBe(2));
        merchant.Markup.ShouldNotContain("NOTE: suspicious payout pattern");
        merchant.Markup.ShouldNotContain("Jordan Reyes");
        merchant.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Answered");
    }

    [Fact]
    public async Task Supports_thread_shows_the_staff_note_and_the_stores_context()
    {
        var ticket = await OpenAsync();
        await _tickets.AddNoteAsync(ticket.Id, _support.Id, "NOTE: suspicious payout pattern");
        await _tickets.AnswerAsync(ticket.Id, _support.Id, "Released today.");
        SignIn(_support);
        var staff = Render<SupportTicketPage>(p => p.Add(x => x.IdText, ticket.Id.ToString()));
        staff.WaitForAssertion(() => staff.FindAll("[data-testid=ticket-entry]").Count.ShouldBe(3));
        staff.Find("[data-entry-kind=staff_note]").TextContent.ShouldContain("NOTE: suspicious payout pattern");
        staff.Find("[data-testid=ticket-store-context]").TextContent.ShouldContain("Northwind Test");
    }

    [Fact]
    public async Task A_support_answer_appears_on_the_open_thread_without_reload_and_a_reply_reopens()
    {
        var ticket = await OpenAsync();
        RenderProviders();
        var page = Render<TicketPage>(p => p.Add(x => x.NumberText, ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Open"));

        await _tickets.AnswerAsync(ticket.Id, _support.Id, "Released today.");

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Answered"), TimeSpan.FromSeconds(60));
        page.Find("[data-testid=ticket-reply-hint]").TextContent.ShouldContain("reopens");
        page.Find("textarea[data-testid=ticket-reply-body]").Input("Thanks, received.");
        page.Find("[data-testid=ticket-reply-send]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Open"));
        page.FindAll("[data-testid=ticket-entry]").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Close_and_reopen_are_offered_by_the_rules_and_work()
    {
        var ticket = await OpenAsync();
        RenderProviders();
        var page = Render<TicketPage>(p => p.Add(x => x.NumberText, ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        page.WaitForElement("[data-testid=ticket-close]");
        page.FindAll("[data-testid=ticket-reopen]").ShouldBeEmpty();

        page.Find("[data-testid=ticket-close]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Closed"));
        page.FindAll("[data-testid=ticket-close]").ShouldBeEmpty();
        page.Find("[data-testid=ticket-reopen]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-status]").TextContent.ShouldBe("Open"));
    }

    [Fact]
    public async Task The_form_shows_the_generated_subject_as_placeholder_and_counts_against_the_limits()
    {
        var page = Render<NewTicketPage>();
        var body = page.WaitForElement("textarea[data-testid=ticket-body]");
        page.Find("[data-testid=ticket-subject]").GetAttribute("placeholder").ShouldBe("Generated from your message");

        body.Input("123456789");
        page.Find("[data-testid=ticket-body-counter]").TextContent.ShouldBe("9 / 10,000 · at least 10 characters");
        page.Find("[data-testid=ticket-submit]").HasAttribute("disabled").ShouldBeTrue();

        page.Find("textarea[data-testid=ticket-body]").Input(Body);
        page.Find("[data-testid=ticket-subject]").GetAttribute("placeholder").ShouldBe(TicketSubject.FromBody(Body));
        page.Find("[data-testid=ticket-body-counter]").TextContent.ShouldBe($"{Body.Length} / 10,000");
        page.Find("[data-testid=ticket-submit]").HasAttribute("disabled").ShouldBeFalse();

        page.Find("textarea[data-testid=ticket-body]").Input(new string('x', 10_001));
        page.Find("[data-testid=ticket-body-counter]").TextContent.ShouldBe("10,001 / 10,000 · 1 characters too many");
        page.Find("[data-testid=ticket-submit]").HasAttribute("disabled").ShouldBeTrue();

        page.Find("[data-testid=ticket-subject]").Input("ab");
        page.Markup.ShouldContain("Subject must be 3–200 characters; it has 2");
    }

    [Fact]
    public async Task Opening_navigates_to_the_new_thread_and_a_refusal_keeps_everything_typed()
    {
        var page = Render<NewTicketPage>();
        page.WaitForElement("textarea[data-testid=ticket-body]").Input(Body);
        page.Find("[data-testid=ticket-severity]").Change("high");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/help/1"));
        await using (var db = Db.NewContext())
        {
            var opened = await db.Tickets.SingleAsync();
            opened.Severity.ShouldBe(TicketSeverity.High);
            opened.Subject.ShouldBe(TicketSubject.FromBody(Body));
        }

        // Removed from the store while typing: the service refuses; nothing typed is lost.
        var again = Render<NewTicketPage>();
        again.WaitForElement("textarea[data-testid=ticket-body]").Input("A second request that will be refused.");
        await using (var db = Db.NewContext())
            await db.StoreMembers.Where(m => m.UserId == User.Id).ExecuteDeleteAsync();
        again.Find("form").Submit();
        again.WaitForAssertion(() => again.Find("[data-testid=ticket-form-error]").TextContent.ShouldBe(TicketService.NotMember));
        again.Find("textarea[data-testid=ticket-body]").GetAttribute("value").ShouldBe("A second request that will be refused.");
    }

    [Fact]
    public async Task The_help_list_shows_this_stores_tickets_newest_activity_first_filtered_by_the_url()
    {
        var first = await OpenAsync("The first ticket we ever opened here.", TicketSeverity.Low);
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await OpenAsync("A critical outage of the checkout page.", TicketSeverity.Critical);
        var (other, _, _) = await Db.AddStoreAsync("Contoso Test");
        var stranger = await AddUserAsync("Clara Diaz", other.Id);
        await OpenAsync("Another store's ticket never shows here.", storeId: other.Id, by: stranger);

        var page = Render<HelpListPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=ticket-row]").Select(r => r.GetAttribute("data-ticket-number"))
            .ShouldBe([second.Number.ToString(), first.Number.ToString()]));
        page.Markup.ShouldNotContain("Another store's ticket");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/help?severity=critical");
        var filtered = Render<HelpListPage>();
        filtered.WaitForAssertion(() => filtered.FindAll("[data-testid=ticket-row]").Count.ShouldBe(1));
        filtered.Find("[data-testid=ticket-row]").TextContent.ShouldContain("critical outage");
    }

    [Fact]
    public async Task A_merchant_is_denied_supports_ticket_pages()
    {
        var ticket = await OpenAsync();
        var queue = Render<SupportTicketQueuePage>();
        queue.WaitForElement("[data-testid=access-denied]");
        queue.FindAll("[data-testid=queue-row]").ShouldBeEmpty();
        var thread = Render<SupportTicketPage>(p => p.Add(x => x.IdText, ticket.Id.ToString()));
        thread.WaitForElement("[data-testid=access-denied]");
        thread.Markup.ShouldNotContain(ticket.Subject);
    }
}
