using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Cases;

/// <summary>The case service on a real SQLite file: the state machine, counters, trail and conflicts.</summary>
public class CaseServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static readonly Actor Ada = Actor.Merchant("Ada Merchant", "user-ada");

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Reply_moves_case_to_awaiting_customer_and_appends_message_and_trail()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);

        var result = await _db.CaseService().ReplyAsync(store.Id, c.Id, Ada, "  Here is your key.  ");

        result.Outcome.ShouldBe(CaseOutcome.Ok);
        var detail = (await _db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Case.Status.ShouldBe(CaseStatus.AwaitingCustomer);
        detail.Case.UnreadCount.ShouldBe(0);
        detail.Messages.Select(m => (m.AuthorKind, m.Body)).ShouldBe([
            (AuthorKind.Customer, "Where is my key?"),
            (AuthorKind.Merchant, "Here is your key."),
            (AuthorKind.System, "Status changed from Open to Awaiting customer by Ada Merchant"),
        ]);
        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(new TabCounts(0, 0, 1, 0));
    }

    [Fact]
    public async Task Reply_on_closed_case_is_refused_with_the_spec_message_and_nothing_is_saved()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        (await _db.CaseService().UpdateAsync(store.Id, c.Id, Ada, null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);

        var result = await _db.CaseService().ReplyAsync(store.Id, c.Id, Ada, "Hello?");

        result.Outcome.ShouldBe(CaseOutcome.Refused);
        result.Error.ShouldBe("Case is closed; reopen it to reply");
        var detail = (await _db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Messages.ShouldNotContain(m => m.Body == "Hello?");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_reply_is_invalid(string body)
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        var result = await _db.CaseService().ReplyAsync(store.Id, c.Id, Ada, body);
        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe("Message cannot be empty");
    }

    [Fact]
    public async Task Reply_over_4000_characters_is_invalid_and_4000_is_accepted()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        var tooLong = await _db.CaseService().ReplyAsync(store.Id, c.Id, Ada, new string('x', 4001));
        tooLong.Outcome.ShouldBe(CaseOutcome.Invalid);
        tooLong.Error.ShouldBe("Message is too long: 4,001 characters, the limit is 4,000");
        (await _db.CaseService().ReplyAsync(store.Id, c.Id, Ada, new string('x', 4000))).Outcome.ShouldBe(CaseOutcome.Ok);
    }

    [Fact]
    public async Task Another_stores_case_is_not_found()
    {
        var (store, _, order) = await _db.AddStoreAsync("Mine");
        var (other, _, _) = await _db.AddStoreAsync("Theirs");
        var c = await _db.OpenCaseAsync(store.Id, order.Id);

        (await _db.CaseService().ReplyAsync(other.Id, c.Id, Ada, "hi")).Outcome.ShouldBe(CaseOutcome.NotFound);
        (await _db.CaseQueries().GetAsync(other.Id, c.Id, TimelineAudience.MerchantDashboard)).ShouldBeNull();
    }

    [Fact]
    public async Task Write_based_on_an_old_version_is_a_conflict_and_loses_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        var seenVersion = c.Version;

        (await _db.CaseService().UpdateAsync(store.Id, c.Id, Ada, CasePriority.High, null, seenVersion)).Outcome.ShouldBe(CaseOutcome.Ok);
        var second = await _db.CaseService().UpdateAsync(store.Id, c.Id, Actor.Merchant("Bo"), CasePriority.Low, null, seenVersion);

        second.Outcome.ShouldBe(CaseOutcome.Conflict);
        (await _db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.Priority.ShouldBe(CasePriority.High);
    }

    [Fact]
    public async Task Concurrent_writes_on_one_case_one_wins_the_other_conflicts()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        // Two writers that both loaded the case before either saved.
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        var a = await first.Cases.SingleAsync(x => x.Id == c.Id);
        var b = await second.Cases.SingleAsync(x => x.Id == c.Id);
        a.Priority = CasePriority.Urgent; a.Version++;
        b.Priority = CasePriority.Low; b.Version++;
        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Counters_follow_every_status_change()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var service = _db.CaseService();
        var one = await _db.OpenCaseAsync(store.Id, order.Id);
        var two = await _db.OpenCaseAsync(store.Id, order.Id);
        await service.CustomerReplyAsync(store.Id, one.Id, "any news?");
        await service.UpdateAsync(store.Id, two.Id, Ada, null, CaseStatus.Closed);

        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(new TabCounts(AwaitingYou: 1, Open: 0, AwaitingCustomer: 0, Closed: 1));
        await using var db = _db.NewContext();
        (await db.Cases.CountAsync(x => x.StoreId == store.Id && x.Status == CaseStatus.Closed)).ShouldBe(1);
    }

    [Fact]
    public async Task List_sorts_by_last_message_then_created_then_id_and_pages_without_overlap()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await _db.OpenCaseAsync(store.Id, order.Id, $"Case {i}")).Id);
            _db.Clock.Advance(TimeSpan.FromMinutes(i % 2)); // some share a timestamp
        }
        var queries = _db.CaseQueries();
        var page1 = await queries.ListAsync(store.Id, new CaseListQuery { PageSize = 4 });
        var page2 = await queries.ListAsync(store.Id, new CaseListQuery { PageSize = 4, Page = 2 });

        page1.Total.ShouldBe(7);
        page1.TotalPages.ShouldBe(2);
        var all = page1.Rows.Concat(page2.Rows).ToList();
        all.Select(r => r.Id).ShouldBe(all.Select(r => r.Id).Distinct());
        all.Count.ShouldBe(7);
        all.ShouldBe(all.OrderByDescending(r => r.LastMessageAt).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal));
    }
}
