using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>The ticket service on real SQLite: numbers, the rules' effects, who may act, attachments.</summary>
public class TicketServiceTests : IAsyncLifetime
{
    private TicketTestKit _kit = null!;
    private TicketService Service => _kit.Service;

    public async ValueTask InitializeAsync() => _kit = await TicketTestKit.CreateAsync();
    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private const string Body = "Our payouts have been pending for three days now.";

    [Fact]
    public async Task Opening_without_subject_generates_it_and_takes_the_defaults()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var result = await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body));

        result.Outcome.ShouldBe(TicketOutcome.Ok, result.Error);
        var ticket = result.Ticket!;
        ticket.Number.ShouldBe(1);
        ticket.Subject.ShouldBe("Our payouts have been pending for three days now");
        ticket.Category.ShouldBe(TicketCategory.Other);
        ticket.Severity.ShouldBe(TicketSeverity.Normal);
        ticket.Status.ShouldBe(TicketStatus.Open);
        ticket.Id.Version.ShouldBe(7, "ids are time-ordered UUID v7");
        result.Message!.AuthorLabel.ShouldBe(member.DisplayName);
        result.Message.AuthorKind.ShouldBe(AuthorKind.Merchant);
    }

    [Fact]
    public async Task Twenty_tickets_opened_at_once_get_the_numbers_1_to_20_and_another_store_counts_on_its_own()
    {
        var (store, member) = await _kit.AddStoreAsync("Busy Store");
        var (other, otherMember) = await _kit.AddStoreAsync("Other Store");

        var opening = Enumerable.Range(1, 20)
            .Select(i => Task.Run(() => Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft($"Concurrent ticket number {i} please help"))))
            .Append(Task.Run(() => Service.OpenAsync(other.Id, TicketTestKit.As(otherMember), new TicketDraft("The other store's first ticket"))))
            .ToArray();
        var results = await Task.WhenAll(opening);

        results.ShouldAllBe(r => r.Outcome == TicketOutcome.Ok);
        await using var db = _kit.Db.NewContext();
        var numbers = await db.Tickets.Where(t => t.StoreId == store.Id).Select(t => t.Number).OrderBy(n => n).ToListAsync();
        numbers.ShouldBe(Enumerable.Range(1, 20).ToList());
        (await db.Tickets.Where(t => t.StoreId == other.Id).Select(t => t.Number).SingleAsync()).ShouldBe(1);
        (await db.TicketCounters.SingleAsync(c => c.StoreId == store.Id)).LastNumber.ShouldBe(20);

        var next = await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft("And one more after the rush"));
        next.Ticket!.Number.ShouldBe(21);
    }

    [Fact]
    public async Task Support_answer_sets_answered_emails_the_store_and_reaches_the_store_live()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staff = await _kit.AddUserAsync("Jordan Reyes", platformSupport: true);
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;
        var heard = new TaskCompletionSource<TicketChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _kit.Feed.SubscribeStore(store.Id, c => { if (c.Kind == TicketChangeKind.SupportAnswer) heard.TrySetResult(c); return Task.CompletedTask; });

        _kit.Db.Clock.Advance(TimeSpan.FromHours(2));
        var answer = await Service.AnswerAsync(ticket.Id, staff.Id, "Payouts were held by a bank holiday; they go out today.");

        answer.Outcome.ShouldBe(TicketOutcome.Ok, answer.Error);
        answer.Ticket!.Status.ShouldBe(TicketStatus.Answered);
        answer.Message!.AuthorLabel.ShouldBe("Pandabase Support");
        answer.Message.AuthorKind.ShouldBe(AuthorKind.Support);
        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(60))).Status.ShouldBe(TicketStatus.Answered);

        await using var db = _kit.Db.NewContext();
        var email = await db.Outbox.SingleAsync();
        email.ToAddress.ShouldBe(store.NotificationEmail);
        email.Kind.ShouldBe(TicketEmails.AnsweredKind);
        email.Subject.ShouldBe($"Re: {ticket.Subject} [#000001]");
        email.TextBody.ShouldContain("Payouts were held by a bank holiday");
        email.TextBody.ShouldContain("/help/1");
        email.FromName.ShouldBe("Pandabase Support");
    }

    [Fact]
    public async Task The_notification_menu_lists_supports_answer_with_a_link_to_the_thread_and_never_a_note()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staff = await _kit.AddUserAsync("Jordan Reyes", platformSupport: true);
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;
        var notifications = new NotificationQueries(_kit.Db.Factory, _kit.Db.Clock);
        _kit.Db.Clock.Advance(TimeSpan.FromMinutes(1));

        await Service.AddNoteAsync(ticket.Id, staff.Id, "Internal only");
        (await notifications.GetAsync(member.Id, store.Id)).Items.ShouldNotContain(i => i.Kind == NotificationKind.SupportAnswer);

        await Service.AnswerAsync(ticket.Id, staff.Id, "Released today.");
        var summary = await notifications.GetAsync(member.Id, store.Id);
        var item = summary.Items.Where(i => i.Kind == NotificationKind.SupportAnswer).ShouldHaveSingleItem();
        item.Href.ShouldBe($"/help/{ticket.Number}");
        item.Text.ShouldBe("Pandabase Support answered your ticket");
        item.Subject.ShouldBe($"#000001 {ticket.Subject}");
        summary.UnseenCount.ShouldBe(1);

        await notifications.MarkAllSeenAsync(member.Id);
        (await notifications.GetAsync(member.Id, store.Id)).UnseenCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_notification_menus_ticket_query_reads_a_range_of_the_store_index_not_the_whole_table()
    {
        var (store, _) = await _kit.AddStoreAsync();
        await using var db = _kit.Db.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = TicketNotifications.AnswersSince(db, store.Id, _kit.Db.Clock.GetUtcNow().UtcDateTime).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        plan.ShouldContain(line => line.Contains("USING INDEX IX_TicketMessages_StoreId_AuthorKind_CreatedAt") && line.Contains("CreatedAt>?"),
            string.Join(" | ", plan));
        plan.ShouldNotContain(line => line.StartsWith("SCAN"), string.Join(" | ", plan));
    }

    [Fact]
    public async Task Merchant_reply_reopens_an_answered_ticket_and_puts_it_back_in_the_queue()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staff = await _kit.AddUserAsync("Jordan Reyes", platformSupport: true);
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;
        await Service.AnswerAsync(ticket.Id, staff.Id, "Done on our side.");
        _kit.Db.Clock.Advance(TimeSpan.FromMinutes(5));

        var reply = await Service.ReplyAsync(store.Id, new TicketKey(null, ticket.Number), TicketTestKit.As(member), "Still pending here.");

        reply.Ticket!.Status.ShouldBe(TicketStatus.Open);
        reply.Ticket.WaitingSince.ShouldBe(_kit.Db.Clock.UtcNow);
        var queue = await _kit.Support.QueueAsync(staff.Id, new TicketQueueQuery(Status: TicketStatus.Open));
        queue!.Rows.Select(r => r.Id).ShouldBe([ticket.Id]);
    }

    [Fact]
    public async Task A_staff_note_is_never_shown_to_the_merchant_nor_emailed_nor_announced_to_the_store()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staff = await _kit.AddUserAsync("Jordan Reyes", platformSupport: true);
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;
        var storeHeard = new List<TicketChange>();
        var staffHeard = new TaskCompletionSource<TicketChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = _kit.Feed.SubscribeStore(store.Id, c => { lock (storeHeard) storeHeard.Add(c); return Task.CompletedTask; });
        using var b = _kit.Feed.SubscribeEveryStore(c => { if (c.Kind == TicketChangeKind.StaffNote) staffHeard.TrySetResult(c); return Task.CompletedTask; });

        var note = await Service.AddNoteAsync(ticket.Id, staff.Id, "SECRET: store flagged for payout review");

        note.Outcome.ShouldBe(TicketOutcome.Ok, note.Error);
        note.Message!.Kind.ShouldBe(TicketEntryKind.StaffNote);
        note.Message.AuthorLabel.ShouldBe("Jordan Reyes");
        await staffHeard.Task.WaitAsync(TimeSpan.FromSeconds(60));
        lock (storeHeard) storeHeard.ShouldBeEmpty();

        var merchantView = await _kit.Queries.GetAsync(store.Id, new TicketKey(ticket.Id, null));
        merchantView!.Entries.ShouldHaveSingleItem().Body.ShouldBe(Body);
        merchantView.Ticket.Version.ShouldBe(ticket.Version, "a note leaves the ticket as the merchant sees it");
        merchantView.Ticket.LastActivityAt.ShouldBe(ticket.LastActivityAt);
        var staffView = await _kit.Support.GetAsync(staff.Id, ticket.Id);
        staffView!.Value.Thread.Entries.Select(e => e.Body).ShouldBe([Body, "SECRET: store flagged for payout review"]);

        await Service.AnswerAsync(ticket.Id, staff.Id, "We are on it.");
        await using var db = _kit.Db.NewContext();
        (await db.Outbox.AnyAsync(o => o.TextBody.Contains("SECRET") || o.HtmlBody.Contains("SECRET"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_members_act_on_a_stores_tickets_and_only_support_answers()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var (_, stranger) = await _kit.AddStoreAsync("Stranger's Store");
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;

        (await Service.OpenAsync(store.Id, TicketTestKit.As(stranger), new TicketDraft(Body))).Outcome.ShouldBe(TicketOutcome.Forbidden);
        (await Service.ReplyAsync(store.Id, new TicketKey(ticket.Id, null), TicketTestKit.As(stranger), "hi")).Outcome.ShouldBe(TicketOutcome.NotFound);
        (await Service.AnswerAsync(ticket.Id, member.Id, "I am not support")).Outcome.ShouldBe(TicketOutcome.Forbidden);
        (await Service.AddNoteAsync(ticket.Id, member.Id, "nor this")).Outcome.ShouldBe(TicketOutcome.Forbidden);
        (await Service.CloseAsync(ticket.Id, member.Id)).Outcome.ShouldBe(TicketOutcome.Forbidden);
        (await _kit.Support.QueueAsync(member.Id, new TicketQueueQuery())).ShouldBeNull();
        (await _kit.Support.GetAsync(member.Id, ticket.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_status_change_based_on_an_old_version_is_a_conflict()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staff = await _kit.AddUserAsync("Jordan Reyes", platformSupport: true);
        var ticket = (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!;
        await Service.AnswerAsync(ticket.Id, staff.Id, "Answer that arrives first.");

        var stale = await Service.SetStatusAsync(store.Id, new TicketKey(ticket.Id, null), TicketTestKit.As(member), TicketStatus.Closed, expectedVersion: ticket.Version);

        stale.Outcome.ShouldBe(TicketOutcome.Conflict);
        (await _kit.Queries.GetAsync(store.Id, new TicketKey(ticket.Id, null)))!.Ticket.Status.ShouldBe(TicketStatus.Answered);
    }

    [Fact]
    public async Task A_screenshot_attaches_to_the_opening_message_with_the_case_attachment_checks()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var png = await _kit.StageAsync("screen shot.png", SampleFiles.Png());

        var opened = await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body), [png.ToUpload()]);

        opened.Outcome.ShouldBe(TicketOutcome.Ok, opened.Error);
        var thread = await _kit.Queries.GetAsync(store.Id, new TicketKey(opened.Ticket!.Id, null));
        var attachment = thread!.Entries.Single().Attachments.ShouldHaveSingleItem();
        attachment.ContentType.ShouldBe("image/png");
        attachment.FileName.ShouldBe("screen shot.png");
        await using var bytes = await _kit.Vault.OpenAsync(attachment.AsAttachment());
        bytes.ShouldNotBeNull();
        (await _kit.Vault.Storage.OpenReadAsync(png.StagingKey)).ShouldBeNull("the staged copy is released");
    }

    [Fact]
    public async Task A_disguised_file_is_refused_and_nothing_is_opened()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var staged = await _kit.Vault.StageAsync("invoice.png", new MemoryStream(SampleFiles.HtmlRenamedPng()));
        staged.Succeeded.ShouldBeFalse("staging checks by content");
        staged.Error.ShouldNotBeNull().ShouldContain("invoice.png");

        var six = new List<AttachmentUpload>();
        for (var i = 0; i < 6; i++) six.Add((await _kit.StageAsync($"s{i}.png", SampleFiles.Png())).ToUpload());
        var tooMany = await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body), six);
        tooMany.Outcome.ShouldBe(TicketOutcome.Invalid);
        tooMany.Error.ShouldBe(AttachmentVault.TooManyFiles);
        await using var db = _kit.Db.NewContext();
        (await db.Tickets.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Refusals_carry_the_rules_message()
    {
        var (store, member) = await _kit.AddStoreAsync();
        var key = new TicketKey(null, (await Service.OpenAsync(store.Id, TicketTestKit.As(member), new TicketDraft(Body))).Ticket!.Number);

        (await Service.SetStatusAsync(store.Id, key, TicketTestKit.As(member), TicketStatus.Answered)).Error.ShouldBe(TicketWorkflow.Messages.AnsweredIsSupportOnly);
        (await Service.SetStatusAsync(store.Id, key, TicketTestKit.As(member), TicketStatus.Open)).Error.ShouldBe(TicketWorkflow.Messages.AlreadyOpen);
        (await Service.SetStatusAsync(store.Id, key, TicketTestKit.As(member), TicketStatus.Closed)).Outcome.ShouldBe(TicketOutcome.Ok);
        (await Service.SetStatusAsync(store.Id, key, TicketTestKit.As(member), TicketStatus.Closed)).Error.ShouldBe(TicketWorkflow.Messages.AlreadyClosed);
        (await Service.SetStatusAsync(store.Id, key, TicketTestKit.As(member), TicketStatus.Open)).Ticket!.Status.ShouldBe(TicketStatus.Open);
    }
}
