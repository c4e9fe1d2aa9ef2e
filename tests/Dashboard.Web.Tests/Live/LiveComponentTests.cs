using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Live;

/// <summary>The presence bar and the notification menu rendered with bUnit on a real SQLite file.</summary>
public class LiveComponentTests : DashboardTestContext, IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase _db = null!;
    private CaseChangeFeed _feed = null!;
    private CasePresence _presence = null!;
    private CaseService _cases = null!;
    private TicketChangeFeed _ticketFeed = null!;
    private TicketService _tickets = null!;
    private Store _store = null!;
    private Order _order = null!;
    private const string UserId = "user-ada";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var transport = new InProcessCaseChangeTransport();
        _feed = new CaseChangeFeed(NullLogger<CaseChangeFeed>.Instance, transport);
        _presence = new CasePresence(transport, _feed, _db.Factory, _db.Clock, NullLogger<CasePresence>.Instance);
        _cases = _db.CaseService(feed: _feed);
        _ticketFeed = new TicketChangeFeed(transport, NullLogger<TicketChangeFeed>.Instance);
        var vault = new AttachmentVault(new FileSystemAttachmentStorage(Path.Combine(_db.Directory, "attachments")),
            Options.Create(new AttachmentOptions()), _db.Clock, NullLogger<AttachmentVault>.Instance);
        _tickets = new TicketService(_db.Factory, _db.Clock, _ticketFeed, new TicketEmails(new Dashboard.Web.Infrastructure.PublicUrls(new PortalOptions(), Dashboard.Web.Tests.Infrastructure.TestDatabase.HostAddress)), vault,
            new StoreAccess(_db.Factory), NullLogger<TicketService>.Instance);
        (_store, _, _order) = await _db.AddStoreAsync("Northwind Keys");
        await using (var db = _db.NewContext())
        {
            db.Users.Add(new AppUser { Id = UserId, UserName = "ada@test.example", Email = "ada@test.example", DisplayName = "Ada Lovelace", CurrentStoreId = _store.Id });
            db.StoreMembers.Add(new StoreMember { StoreId = _store.Id, UserId = UserId, Role = StoreRole.Owner });
            await db.SaveChangesAsync();
        }
        Services.AddSingleton(_db.Factory);
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(_feed);
        Services.AddSingleton(_presence);
        Services.AddSingleton(_ticketFeed);
        Services.AddSingleton<NotificationQueries>();
        Services.AddScoped<StoreContext>();
        AddAuthorization().SetAuthorized("Ada Lovelace").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true)); // last: it starts the renderer
    }

    public new async ValueTask DisposeAsync()
    {
        await DisposeComponentsAsync();
        _presence.Dispose();
        await _db.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<SupportCase> OpenAsync(string subject = "Key missing") =>
        (await _cases.OpenAsync(_store.Id, _order.Id, subject, "Where is my key?")).Case!;

    [Fact]
    public async Task Opening_and_closing_the_presence_bar_1000_times_leaves_no_subscriber_behind()
    {
        var c = await OpenAsync();
        var baseline = _feed.SubscriberCount;

        for (var i = 0; i < 1000; i++)
        {
            var cut = Render<CasePresenceBar>(p => p.Add(b => b.StoreId, _store.Id).Add(b => b.CaseId, c.Id));
            if (i == 0)
            {
                cut.WaitForAssertion(() => _presence.SubscriberCount.ShouldBe(1));
                _feed.SubscriberCount.ShouldBe(baseline + 1, "the bar listens for replies while open");
            }
            await DisposeComponentsAsync();
        }

        _presence.SubscriberCount.ShouldBe(0);
        _feed.SubscriberCount.ShouldBe(baseline);
        _presence.TrackedCaseCount.ShouldBe(0, "every session said goodbye");
    }

    [Fact]
    public async Task Prerendering_joins_nothing_and_subscribes_to_nothing()
    {
        var c = await OpenAsync();
        var baseline = _feed.SubscriberCount;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        Render<CasePresenceBar>(p => p.Add(b => b.StoreId, _store.Id).Add(b => b.CaseId, c.Id));
        Render<NotificationMenu>();
        _presence.SubscriberCount.ShouldBe(0);
        _feed.SubscriberCount.ShouldBe(baseline);
        _ticketFeed.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_bar_shows_who_else_is_viewing_and_typing_and_not_the_user_themself()
    {
        var c = await OpenAsync();
        var cut = Render<CasePresenceBar>(p => p.Add(b => b.StoreId, _store.Id).Add(b => b.CaseId, c.Id));
        cut.FindAll("[data-testid=presence-avatar]").ShouldBeEmpty();

        using var theo = _presence.Join(_store.Id, c.Id, "user-theo", "Theo Merchant");
        cut.WaitForAssertion(() => cut.Find("[data-testid=presence-text]").TextContent.ShouldBe("Theo is viewing"));
        cut.Find("[data-testid=presence-avatar]").GetAttribute("data-user-id").ShouldBe("user-theo");
        cut.Find("[data-testid=presence-avatar]").TextContent.Trim().ShouldBe("TM");

        theo.Typing();
        cut.WaitForAssertion(() => cut.Find("[data-testid=presence-text]").TextContent.ShouldBe("Theo is typing…"));
        theo.DraftSent();
        cut.WaitForAssertion(() => cut.Find("[data-testid=presence-text]").TextContent.ShouldBe("Theo is viewing"));
    }

    [Fact]
    public async Task A_colleague_replying_while_the_user_types_raises_the_warning_and_binding()
    {
        var c = await OpenAsync();
        string? bound = null;
        var cut = Render<CasePresenceBar>(p => p.Add(b => b.StoreId, _store.Id).Add(b => b.CaseId, c.Id)
            .Add(b => b.ReplyWarningChanged, (string? w) => bound = w));
        cut.Instance.NotifyTyping();

        (await _cases.ReplyAsync(_store.Id, c.Id, Actor.Merchant("Theo Merchant", "user-theo"), "Done")).Outcome.ShouldBe(CaseOutcome.Ok);

        cut.WaitForAssertion(() => cut.Find("[data-testid=presence-reply-warning]").TextContent.ShouldContain("Theo replied while you were typing — review before sending"));
        bound.ShouldBe("Theo replied while you were typing — review before sending");
        await cut.InvokeAsync(() => cut.Instance.NotifyDraftSentAsync());
        cut.FindAll("[data-testid=presence-reply-warning]").ShouldBeEmpty();
        bound.ShouldBeNull();
    }

    [Fact]
    public async Task The_users_own_reply_or_a_reply_without_a_draft_raises_no_warning()
    {
        var c = await OpenAsync();
        var warnings = new List<string?>();
        var cut = Render<CasePresenceBar>(p => p.Add(b => b.StoreId, _store.Id).Add(b => b.CaseId, c.Id)
            .Add(b => b.ReplyWarningChanged, (string? w) => warnings.Add(w)));

        // No draft open: a colleague's reply is news, not a collision.
        (await _cases.ReplyAsync(_store.Id, c.Id, Actor.Merchant("Bo Colleague", "user-bo"), "No draft open")).Outcome.ShouldBe(CaseOutcome.Ok);
        cut.Instance.NotifyTyping();
        // The user's own reply (another tab) while typing is not a collision either.
        (await _cases.ReplyAsync(_store.Id, c.Id, Actor.Merchant("Ada Lovelace", UserId), "My own")).Outcome.ShouldBe(CaseOutcome.Ok);
        // The marker, published after both on the same feed: a colleague replying during the draft does warn.
        (await _cases.ReplyAsync(_store.Id, c.Id, Actor.Merchant("Theo Merchant", "user-theo"), "Done")).Outcome.ShouldBe(CaseOutcome.Ok);

        cut.WaitForAssertion(() => warnings.ShouldNotBeEmpty());
        warnings.ShouldBe(["Theo replied while you were typing — review before sending"], "neither earlier reply raised a warning");
    }

    [Fact]
    public async Task Notifications_count_new_cases_and_customer_replies_since_last_seen_and_mark_all_seen_resets()
    {
        var queries = Services.GetRequiredService<NotificationQueries>();
        await queries.MarkAllSeenAsync(UserId);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        var a = await OpenAsync("First");
        var b = await OpenAsync("Second");
        _db.Clock.Advance(TimeSpan.FromSeconds(5));
        (await _cases.CustomerReplyAsync(_store.Id, a.Id, "Any news?")).Outcome.ShouldBe(CaseOutcome.Ok);

        var summary = await queries.GetAsync(UserId, _store.Id);
        summary.UnseenCount.ShouldBe(3, "two new cases and one reply (the opening messages are the cases themselves)");
        summary.Items.Select(i => (i.Kind, i.CaseId)).ShouldBe(
            [(NotificationKind.NewCase, b.Id), (NotificationKind.NewCase, a.Id), (NotificationKind.CustomerReply, a.Id)], ignoreOrder: true);
        summary.Items.ShouldAllBe(i => i.Href == "/cases/" + i.CaseId);
        summary.AwaitingYou.ShouldBe(1);

        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await queries.MarkAllSeenAsync(UserId);
        (await queries.GetAsync(UserId, _store.Id)).UnseenCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_menu_badge_and_the_tab_title_follow_live_changes()
    {
        await Services.GetRequiredService<NotificationQueries>().MarkAllSeenAsync(UserId);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        RenderProviders();
        var cut = Render<NotificationMenu>();
        cut.WaitForAssertion(() => cut.Instance.Summary.ShouldNotBeNull());
        cut.Instance.Summary!.UnseenCount.ShouldBe(0);

        var c = await OpenAsync();
        _db.Clock.Advance(TimeSpan.FromSeconds(5));
        (await _cases.CustomerReplyAsync(_store.Id, c.Id, "Hello again")).Outcome.ShouldBe(CaseOutcome.Ok);

        cut.WaitForAssertion(() => cut.Instance.Summary!.UnseenCount.ShouldBe(2));
        cut.Find("[data-testid=notification-button] .visually-hidden").TextContent.ShouldBe("Notifications: 2 new", "the badge is hidden from screen readers; this text names the button");
        cut.WaitForAssertion(() => SetTitleCount.Invocations.Last().Arguments.Single().ShouldBe(1));
        SetTitleCount.Invocations.Select(i => (int)i.Arguments.Single()!).ShouldBe([0, 1], "once for the first count, once for the change: not on every render");
        NotificationQueries.TabTitle(12, "Cases", "Northwind Keys").ShouldBe("(12) Cases · Northwind Keys");
        NotificationQueries.TabTitle(0, "Cases", "Northwind Keys").ShouldBe("Cases · Northwind Keys");
    }

    [Fact]
    public async Task Supports_answer_to_the_stores_ticket_adds_a_line_to_the_open_menu_and_a_staff_note_does_not()
    {
        await Services.GetRequiredService<NotificationQueries>().MarkAllSeenAsync(UserId);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = _db.NewContext())
        {
            db.Users.Add(new AppUser { Id = "user-jordan", UserName = "jordan@test.example", Email = "jordan@test.example", DisplayName = "Jordan Reyes", IsPlatformSupport = true, TwoFactorEnabled = true });
            await db.SaveChangesAsync();
        }
        var ticket = (await _tickets.OpenAsync(_store.Id, Actor.Merchant("Ada Lovelace", UserId), new TicketDraft("Payouts have been pending for three days."))).Ticket!;
        RenderProviders();
        var cut = Render<NotificationMenu>();
        cut.WaitForAssertion(() => cut.Instance.Summary.ShouldNotBeNull());
        cut.Instance.Summary!.UnseenCount.ShouldBe(0, "the user's own ticket is not news");
        _ticketFeed.SubscriberCount.ShouldBe(1);

        _db.Clock.Advance(TimeSpan.FromSeconds(5));
        (await _tickets.AddNoteAsync(ticket.Id, "user-jordan", "Internal: PSP batch is late")).Outcome.ShouldBe(TicketOutcome.Ok);
        (await _tickets.AnswerAsync(ticket.Id, "user-jordan", "Released today.")).Outcome.ShouldBe(TicketOutcome.Ok);

        cut.WaitForAssertion(() => cut.Instance.Summary!.UnseenCount.ShouldBe(1, "the answer, not the note"));
        cut.Find("[data-testid=notification-button] .visually-hidden").TextContent.ShouldBe("Notifications: 1 new", "the badge is hidden from screen readers; this text names the button");
        var item = cut.Instance.Summary!.Items.ShouldHaveSingleItem();
        item.Kind.ShouldBe(NotificationKind.SupportAnswer);
        item.Text.ShouldBe("Pandabase Support answered your ticket");
        item.Href.ShouldBe("/help/1");

        await DisposeComponentsAsync();
        _ticketFeed.SubscriberCount.ShouldBe(0);
    }
}
