using System.Data.Common;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
    public async Task Concurrent_writes_on_one_case_one_wins_the_other_conflicts_and_loses_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        // Two real writers through the service: each has loaded the case and asked the rules before
        // either starts its transaction (the barrier holds both at the transaction's start).
        var bothLoaded = new TransactionBarrier(writers: 2);
        var service = _db.CaseService(factory: _db.FactoryWith(bothLoaded));

        var results = await Task.WhenAll(
            Task.Run(() => service.ReplyAsync(store.Id, c.Id, Ada, "Here is your key.")),
            Task.Run(() => service.UpdateAsync(store.Id, c.Id, Actor.Merchant("Bo Merchant"), null, CaseStatus.Closed)));

        results.Select(r => r.Outcome).ShouldBe([CaseOutcome.Ok, CaseOutcome.Conflict], ignoreOrder: true);
        results.Single(r => r.Outcome == CaseOutcome.Conflict).Error.ShouldBe(CaseResult.ConflictMessage);
        var replyWon = results[0].Outcome == CaseOutcome.Ok;
        var detail = (await _db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Case.Version.ShouldBe(c.Version + 1, "one write, one version");
        detail.Case.Status.ShouldBe(replyWon ? CaseStatus.AwaitingCustomer : CaseStatus.Closed);
        string[] winnersEntries = replyWon
            ? ["Here is your key.", "Status changed from Open to Awaiting customer by Ada Merchant"]
            : ["Status changed from Open to Closed by Bo Merchant"];
        detail.Messages.Select(m => m.Body).Skip(1).ShouldBe(winnersEntries, "the winner's entries, none of the loser's");
        var counts = await _db.CaseQueries().CountsAsync(store.Id);
        counts.ShouldBe(replyWon ? new TabCounts(0, 0, 1, 0) : new TabCounts(0, 0, 0, 1), "the loser's counter change rolled back with it");
        counts.ShouldBe(await RecountAsync(store.Id));
    }

    /// <summary>
    /// Every status change of the transition table (and the refusals and non-status triggers in
    /// between), one after the other on three cases: after each, the tab counters are exactly the
    /// expected numbers and equal a recount of the rows.
    /// </summary>
    [Fact]
    public async Task Counters_follow_every_status_change()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var s = _db.CaseService();
        var id = store.Id;
        var a = (await _db.OpenCaseAsync(id, order.Id, "A")).Id;
        var b = (await _db.OpenCaseAsync(id, order.Id, "B")).Id;
        var c = (await _db.OpenCaseAsync(id, order.Id, "C")).Id;
        var support = await _db.AddSupportUserAsync();
        await ExpectCounts("three cases opened", new TabCounts(0, 3, 0, 0));
        const CaseStatus Open = CaseStatus.Open, AwaitingCustomer = CaseStatus.AwaitingCustomer, Closed = CaseStatus.Closed;

        // (step, what the service is asked, outcome, counts after: Awaiting you, Open, Awaiting customer, Closed)
        (string Step, Func<Task<CaseResult>> Act, CaseOutcome Outcome, TabCounts After)[] steps =
        [
            ("customer replies: Open → Awaiting merchant", () => s.CustomerReplyAsync(id, a, "1"), CaseOutcome.Ok, new(1, 2, 0, 0)),
            ("customer replies: Awaiting merchant → same", () => s.CustomerReplyAsync(id, a, "2"), CaseOutcome.Ok, new(1, 2, 0, 0)),
            ("merchant replies: Awaiting merchant → Awaiting customer", () => s.ReplyAsync(id, a, Ada, "3"), CaseOutcome.Ok, new(0, 2, 1, 0)),
            ("customer replies: Awaiting customer → Awaiting merchant", () => s.CustomerReplyAsync(id, a, "4"), CaseOutcome.Ok, new(1, 2, 0, 0)),
            ("merchant sets Awaiting customer: from Awaiting merchant", () => s.UpdateAsync(id, a, Ada, null, AwaitingCustomer), CaseOutcome.Ok, new(0, 2, 1, 0)),
            ("merchant sets Awaiting customer: already there", () => s.UpdateAsync(id, a, Ada, null, AwaitingCustomer), CaseOutcome.Ok, new(0, 2, 1, 0)),
            ("merchant replies: Awaiting customer → same", () => s.ReplyAsync(id, a, Ada, "5"), CaseOutcome.Ok, new(0, 2, 1, 0)),
            ("customer closes: Awaiting customer → Closed", () => s.CustomerCloseAsync(id, a), CaseOutcome.Ok, new(0, 2, 0, 1)),
            ("customer replies: Closed → Awaiting merchant (reopens)", () => s.CustomerReplyAsync(id, a, "6"), CaseOutcome.Ok, new(1, 2, 0, 0)),
            ("customer closes: Awaiting merchant → Closed", () => s.CustomerCloseAsync(id, a), CaseOutcome.Ok, new(0, 2, 0, 1)),
            ("merchant reopens: Closed → Open", () => s.UpdateAsync(id, a, Ada, null, Open), CaseOutcome.Ok, new(0, 3, 0, 0)),
            ("customer closes: Open → Closed", () => s.CustomerCloseAsync(id, a), CaseOutcome.Ok, new(0, 2, 0, 1)),
            ("merchant replies: Open → Awaiting customer", () => s.ReplyAsync(id, b, Ada, "7"), CaseOutcome.Ok, new(0, 1, 1, 1)),
            ("merchant closes: Awaiting customer → Closed", () => s.UpdateAsync(id, b, Ada, null, Closed), CaseOutcome.Ok, new(0, 1, 0, 2)),
            ("merchant reopens: Closed → Open", () => s.UpdateAsync(id, b, Ada, null, Open), CaseOutcome.Ok, new(0, 2, 0, 1)),
            ("merchant sets Awaiting customer: from Open", () => s.UpdateAsync(id, b, Ada, null, AwaitingCustomer), CaseOutcome.Ok, new(0, 1, 1, 1)),
            ("customer replies: Open → Awaiting merchant", () => s.CustomerReplyAsync(id, c, "8"), CaseOutcome.Ok, new(1, 0, 1, 1)),
            ("merchant closes: Awaiting merchant → Closed", () => s.UpdateAsync(id, c, Ada, null, Closed), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("merchant reopens: Closed → Open", () => s.UpdateAsync(id, c, Ada, null, Open), CaseOutcome.Ok, new(0, 1, 1, 1)),
            ("merchant closes: Open → Closed", () => s.UpdateAsync(id, c, Ada, null, Closed), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("refused: merchant replies on a closed case", () => s.ReplyAsync(id, c, Ada, "9"), CaseOutcome.Refused, new(0, 0, 1, 2)),
            ("refused: merchant closes a closed case", () => s.UpdateAsync(id, c, Ada, null, Closed), CaseOutcome.Refused, new(0, 0, 1, 2)),
            ("refused: merchant sets Awaiting merchant", () => s.UpdateAsync(id, b, Ada, null, CaseStatus.AwaitingMerchant), CaseOutcome.Refused, new(0, 0, 1, 2)),
            ("stale version: conflict", () => s.UpdateAsync(id, b, Ada, null, Closed, expectedVersion: 0), CaseOutcome.Conflict, new(0, 0, 1, 2)),
            ("priority of a closed case", () => s.UpdateAsync(id, c, Ada, CasePriority.Urgent, null), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("mark read", () => s.MarkReadAsync(id, b), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("refused: support posts on a case that is not escalated", () => s.SupportPostAsync(b, support, "Hello from support"), CaseOutcome.Refused, new(0, 0, 1, 2)),
            ("escalation signal", () => s.RaiseSignalAsync(b, EscalationSignalKind.DisputeRisk, "dispute risk", "test"), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("support posts", () => s.SupportPostAsync(b, support, "Hello from support"), CaseOutcome.Ok, new(0, 0, 1, 2)),
            ("customer replies: Closed → Awaiting merchant", () => s.CustomerReplyAsync(id, c, "10"), CaseOutcome.Ok, new(1, 0, 1, 1)),
        ];

        foreach (var (step, act, outcome, after) in steps)
        {
            (await act()).Outcome.ShouldBe(outcome, step);
            await ExpectCounts(step, after);
        }

        async Task ExpectCounts(string step, TabCounts expected)
        {
            (await _db.CaseQueries().CountsAsync(id)).ShouldBe(expected, $"counters after: {step}");
            (await RecountAsync(id)).ShouldBe(expected, $"rows after: {step}");
        }
    }

    /// <summary>The tab counts recounted from the case rows (what the counters must always equal).</summary>
    private async Task<TabCounts> RecountAsync(string storeId)
    {
        await using var db = _db.NewContext();
        var byStatus = await db.Cases.Where(x => x.StoreId == storeId).GroupBy(x => x.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        int Of(CaseStatus status) => byStatus.GetValueOrDefault(status);
        return new TabCounts(Of(CaseStatus.AwaitingMerchant), Of(CaseStatus.Open), Of(CaseStatus.AwaitingCustomer), Of(CaseStatus.Closed));
    }

    /// <summary>
    /// Holds every transaction start until <paramref name="writers"/> writers have reached theirs: each
    /// has read the case by then, so they really write from the same version. The wait is bounded so a
    /// writer that never comes fails the test instead of hanging it.
    /// </summary>
    private sealed class TransactionBarrier(int writers) : DbTransactionInterceptor
    {
        private int _arrived;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _arrived) == writers) _all.TrySetResult();
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return result;
        }
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
