using Dashboard.Domain;
using Dashboard.Web.Features.SavedReplies;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Team;

/// <summary>Saved replies (SavedReplyService): members of the store use and manage them; names unique per store; the auto-reply's placeholders.</summary>
public class SavedReplyServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SavedReplyService _replies = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _replies = new SavedReplyService(_db.Factory, _db.Clock, new StoreAccess(_db.Factory));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task An_agent_adds_edits_and_deletes_a_saved_reply_and_names_are_unique_per_store()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var agent = await _db.AddMemberAsync(store.Id, "Mia Chen");
        var otherOwner = await _db.AddMemberAsync(other.Id, "Olga Owner", StoreRole.Owner);

        var added = await _replies.SaveAsync(agent.UserId, store.Id, null, "  Refund policy ", " Hi {{customer.first_name}}! ");
        var duplicate = await _replies.SaveAsync(agent.UserId, store.Id, null, "Refund policy", "Another text");
        var sameNameElsewhere = await _replies.SaveAsync(otherOwner.UserId, other.Id, null, "Refund policy", "Theirs");
        var edited = await _replies.SaveAsync(agent.UserId, store.Id, added.Reply!.Id, "Refunds", "Refunds take 5 days.");

        (added.Reply.Name, added.Reply.Body).ShouldBe(("Refund policy", "Hi {{customer.first_name}}!"));
        (duplicate.Error, duplicate.Field).ShouldBe((SavedReplyService.NameTaken("Refund policy"), SavedReplyResult.NameField));
        sameNameElsewhere.Succeeded.ShouldBeTrue();
        edited.Succeeded.ShouldBeTrue();
        (await _replies.ListAsync(agent.UserId, store.Id)).Select(r => (r.Name, r.Body)).ShouldBe([("Refunds", "Refunds take 5 days.")]);
        (await _replies.DeleteAsync(agent.UserId, store.Id, added.Reply.Id)).Succeeded.ShouldBeTrue();
        (await _replies.ListAsync(agent.UserId, store.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_outside_the_store_can_neither_read_nor_change_its_saved_replies()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var owner = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        var outsider = await _db.AddMemberAsync(other.Id, "Olga Outsider", StoreRole.Owner);
        var reply = (await _replies.SaveAsync(owner.UserId, store.Id, null, "Key resent", "We sent your key again.")).Reply!;

        (await _replies.ListAsync(outsider.UserId, store.Id)).ShouldBeEmpty();
        (await _replies.SaveAsync(outsider.UserId, store.Id, null, "Mine", "Text")).Error.ShouldBe(SavedReplyService.NotAMember);
        (await _replies.SaveAsync(outsider.UserId, store.Id, reply.Id, "Changed", "Text")).Error.ShouldBe(SavedReplyService.NotAMember);
        (await _replies.DeleteAsync(outsider.UserId, store.Id, reply.Id)).Error.ShouldBe(SavedReplyService.NotAMember);
        // Through their own store they cannot reach another store's reply either.
        (await _replies.DeleteAsync(outsider.UserId, other.Id, reply.Id)).Error.ShouldBe(SavedReplyService.NotFound);
        (await _replies.ListAsync(owner.UserId, store.Id)).Select(r => r.Name).ShouldBe(["Key resent"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_for_its_field()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var agent = await _db.AddMemberAsync(store.Id, "Mia Chen");

        var noName = await _replies.SaveAsync(agent.UserId, store.Id, null, " ", "Text");
        var longName = await _replies.SaveAsync(agent.UserId, store.Id, null, new string('n', SavedReplyRules.NameMax + 1), "Text");
        var unknown = await _replies.SaveAsync(agent.UserId, store.Id, null, "Greeting", "Hi {{customer.name}}");
        var tooLong = await _replies.SaveAsync(agent.UserId, store.Id, null, "Long", new string('x', SavedReplyRules.TextMax + 1));

        (noName.Error, noName.Field).ShouldBe(("Give the saved reply a name", SavedReplyResult.NameField));
        longName.Error.ShouldBe("The name is too long: 81 characters, the limit is 80");
        (unknown.Error, unknown.Field).ShouldBe(($"Unknown placeholder {{{{customer.name}}}}. You can use: {AutoReplyTemplate.PlaceholderList}", SavedReplyResult.TextField));
        tooLong.Error.ShouldBe("The text is too long: 2,001 characters, the limit is 2,000");
        (await _replies.ListAsync(agent.UserId, store.Id)).ShouldBeEmpty();
    }
}
