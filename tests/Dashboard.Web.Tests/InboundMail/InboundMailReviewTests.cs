using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// Held mail in the hands of people: a store's members see and act on their store's, platform support
/// on everything; posting makes it the customer's message on the case, discarding keeps the record.
/// </summary>
public class InboundMailReviewTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private static byte[] Raw(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Bea's reply, sent from her work address instead of the one the case knows.</summary>
    private async Task<(SupportCase Case, long HeldId)> HeldFromOtherAddressAsync()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.From.Clear();
        message.From.Add(new MailboxAddress("Bea Buyer", "bea@buyer-work.example"));
        var result = await InboundTestKit.Processor(_db).ProcessAsync(Raw(message));
        result.Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        return (c, result.RecordId!.Value);
    }

    [Fact]
    public async Task A_store_owner_sees_held_mail_of_the_store_and_posts_it_as_the_customers_message()
    {
        var (c, id) = await HeldFromOtherAddressAsync();
        var (owner, name) = await _db.AddMemberAsync(c.StoreId, "Ada Merchant");
        var review = InboundTestKit.Review(_db);

        var held = (await review.ListAsync(owner, c.StoreId, InboundEmailStatus.HeldForReview)).ShouldHaveSingleItem();
        (held.Id, held.CaseId, held.CaseSubject, held.FromAddress, held.HasRaw).ShouldBe((id, c.Id, c.Subject, "bea@buyer-work.example", true));
        held.Reason.ShouldBe("The sender bea@buyer-work.example is not the case's customer (bea.buyer@gmail.com)");
        held.Text.ShouldBe(MailFixture.Gmail.ExpectedText);
        (await review.CountHeldAsync(owner, c.StoreId)).ShouldBe(1);

        var result = await review.PostAsync(owner, name, id);

        result.ShouldBe(ReviewResult.Done("Posted to the case as the customer's message"));
        var timeline = await _db.TimelineAsync(c.Id);
        var reply = timeline.Single(m => m.Kind == CaseEntryKind.Message && m.Body == MailFixture.Gmail.ExpectedText);
        reply.AuthorKind.ShouldBe(AuthorKind.Customer);
        reply.Attachments.Select(a => a.FileName).ShouldBe([MailFixture.Gmail.AttachmentName]);
        timeline.ShouldContain(m => m.Kind == CaseEntryKind.Trail
            && m.Body == "An email from bea@buyer-work.example was held for review (The sender bea@buyer-work.example is not the case's customer (bea.buyer@gmail.com)) and posted by Ada Merchant");
        (await _db.CaseAsync(c.Id)).Status.ShouldBe(CaseStatus.AwaitingMerchant);

        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.ResolvedBy, record.CaseMessageId, record.RawKey).ShouldBe((InboundEmailStatus.Posted, "Ada Merchant", reply.Id, null));
        _db.HeldRawFiles().ShouldBeEmpty("the raw copy goes once the email is handled");
        (await review.ListAsync(owner, c.StoreId, InboundEmailStatus.HeldForReview)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Discarding_keeps_the_record_and_posts_nothing()
    {
        var (c, id) = await HeldFromOtherAddressAsync();
        var (agent, name) = await _db.AddMemberAsync(c.StoreId, "Theo Agent", StoreRole.Agent);
        var before = (await _db.TimelineAsync(c.Id)).Count;

        (await InboundTestKit.Review(_db).DiscardAsync(agent, name, id)).ShouldBe(ReviewResult.Done("Discarded"));

        (await _db.TimelineAsync(c.Id)).Count.ShouldBe(before);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.ResolvedBy, record.ResolvedAt, record.RawKey).ShouldBe((InboundEmailStatus.Discarded, "Theo Agent", _db.Clock.UtcNow, null));
        _db.HeldRawFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_of_another_store_neither_sees_nor_acts_on_it()
    {
        var (c, id) = await HeldFromOtherAddressAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var (stranger, name) = await _db.AddMemberAsync(other.Id, "Grace Owner");
        var review = InboundTestKit.Review(_db);

        (await review.ListAsync(stranger, other.Id, InboundEmailStatus.HeldForReview)).ShouldBeEmpty();
        await Should.ThrowAsync<AccessDeniedException>(() => review.ListAsync(stranger, c.StoreId, InboundEmailStatus.HeldForReview));
        (await review.PostAsync(stranger, name, id)).ShouldBe(ReviewResult.Refused(InboundMailReview.NotFoundMessage));
        (await review.DiscardAsync(stranger, name, id)).ShouldBe(ReviewResult.Refused(InboundMailReview.NotFoundMessage));

        (await _db.InboundAsync()).ShouldHaveSingleItem().Status.ShouldBe(InboundEmailStatus.HeldForReview);
        _db.HeldRawFiles().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Platform_support_sees_unmatched_mail_and_posts_it_to_the_case_it_names()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var (owner, _) = await _db.AddMemberAsync(c.StoreId, "Ada Merchant");
        var support = await _db.AddSupportUserAsync();
        var message = MailFixture.Gmail.Message();
        message.To.Clear();
        message.To.Add(new MailboxAddress("Help", "help@pandabase.example"));
        message.Headers.Remove("Delivered-To");
        message.InReplyTo = null;
        message.References.Clear();
        var held = await InboundTestKit.Processor(_db).ProcessAsync(Raw(message));
        var review = InboundTestKit.Review(_db);

        (await review.ListAsync(owner, c.StoreId, InboundEmailStatus.HeldForReview)).ShouldBeEmpty("matched to no store: only support sees it");
        (await review.ListAsync(support.UserId!, null, InboundEmailStatus.HeldForReview)).ShouldHaveSingleItem().CaseId.ShouldBeNull();
        (await review.PostAsync(owner, "Ada Merchant", held.RecordId!.Value, c.Id)).ShouldBe(ReviewResult.Refused(InboundMailReview.NotFoundMessage));
        (await review.PostAsync(support.UserId!, "Jordan Reyes", held.RecordId!.Value)).ShouldBe(ReviewResult.Refused("Enter the case id (cs_…) to post this email to"));

        (await review.PostAsync(support.UserId!, "Jordan Reyes", held.RecordId!.Value, c.Id)).Succeeded.ShouldBeTrue();

        (await _db.TimelineAsync(c.Id)).ShouldContain(m => m.AuthorKind == AuthorKind.Customer && m.Body == MailFixture.Gmail.ExpectedText);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.CaseId, record.StoreId).ShouldBe((InboundEmailStatus.Posted, c.Id, c.StoreId));
    }

    [Fact]
    public async Task Once_handled_a_second_action_is_refused_and_changes_nothing()
    {
        var (c, id) = await HeldFromOtherAddressAsync();
        var (owner, name) = await _db.AddMemberAsync(c.StoreId, "Ada Merchant");
        var review = InboundTestKit.Review(_db);
        (await review.PostAsync(owner, name, id)).Succeeded.ShouldBeTrue();

        (await review.DiscardAsync(owner, name, id)).ShouldBe(ReviewResult.Refused(InboundMailReview.NotFoundMessage));
        (await review.PostAsync(owner, name, id)).ShouldBe(ReviewResult.Refused(InboundMailReview.NotFoundMessage));

        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
        (await _db.InboundAsync()).ShouldHaveSingleItem().Status.ShouldBe(InboundEmailStatus.Posted);
    }
}
