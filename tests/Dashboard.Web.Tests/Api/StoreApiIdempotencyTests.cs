using System.Net;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// Idempotency-Key after a crash: the answer is recorded with the change it reports, a key left pending
/// by a dead attempt is taken over within seconds, and a replay repeats the whole answer.
/// </summary>
public class StoreApiIdempotencyTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Client => app.Api(StoreApiApp.NorthwindAll);

    private async Task<string> TokenIdAsync()
    {
        await using var db = app.Db();
        var hash = ApiTokenService.Hash(StoreApiApp.NorthwindAll);
        return await db.ApiTokens.Where(t => t.SecretHash == hash).Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<int> MerchantMessagesAsync(string caseId)
    {
        await using var db = app.Db();
        return await db.CaseMessages.CountAsync(m => m.CaseId == caseId && m.AuthorKind == AuthorKind.Merchant, Ct);
    }

    /// <summary>What a crashed attempt leaves: the key claimed, nothing answered, claimed <paramref name="ago"/>.</summary>
    private async Task LeavePendingAsync(string key, string url, string body, TimeSpan ago)
    {
        await using var db = app.Db();
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes("POST " + url + "\n"));
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(body));
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            TokenId = await TokenIdAsync(), Key = key, RequestHash = Convert.ToHexStringLower(sha.GetHashAndReset()),
            ClaimId = "crashed-attempt", StatusCode = IdempotencyFilter.Pending, CreatedAt = DateTime.UtcNow - ago,
        });
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_key_left_pending_by_a_crashed_attempt_is_taken_over_after_seconds_and_the_reply_posted_once()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT")).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        const string body = """{"body":"Posted after the crash"}""";
        var key = Guid.NewGuid().ToString();
        await LeavePendingAsync(key, url, body, ago: TimeSpan.FromSeconds(11)); // default pending timeout: 10 s
        var before = await MerchantMessagesAsync(id);

        var retry = await Client.SendJsonAsync(HttpMethod.Post, url, body, ("Idempotency-Key", key));
        (await retry.ReadEnvelopeAsync(HttpStatusCode.Created)).GetProperty("data").GetProperty("message").GetProperty("body").GetString()
            .ShouldBe("Posted after the crash");
        (await MerchantMessagesAsync(id)).ShouldBe(before + 1);
        var again = await Client.SendJsonAsync(HttpMethod.Post, url, body, ("Idempotency-Key", key));
        again.Headers.GetValues(IdempotencyFilter.ReplayedHeader).ShouldBe(["true"]);
        (await MerchantMessagesAsync(id)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_key_pending_for_less_than_the_timeout_is_409_with_retry_after_the_rest_of_it()
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        const string body = """{"body":"Still running"}""";
        var key = Guid.NewGuid().ToString();
        await LeavePendingAsync(key, url, body, ago: TimeSpan.FromSeconds(2));

        var busy = await Client.SendJsonAsync(HttpMethod.Post, url, body, ("Idempotency-Key", key));
        await busy.ShouldFailAsync(HttpStatusCode.Conflict, "A request with this Idempotency-Key is still being processed; retry after the time in the Retry-After header");
        busy.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 8);
    }

    [Fact]
    public async Task A_replay_repeats_location_and_etag()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT", skip: 1)).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var first = await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Once"}""", key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var replay = await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Once"}""", key);
        replay.Headers.GetValues(IdempotencyFilter.ReplayedHeader).ShouldBe(["true"]);
        replay.Headers.Location.ShouldBe(first.Headers.Location);
        replay.Headers.ETag.ShouldBe(first.Headers.ETag);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Mark_read_with_a_key_records_its_answer_with_the_change()
    {
        var items = (await Client.GetJsonAsync($"{StoreApiApp.Cases()}?status=AWAITING_MERCHANT&limit=100", HttpStatusCode.OK))
            .GetProperty("data").GetProperty("items").EnumerateArray();
        var unread = items.First(i => i.GetProperty("unreadCount").GetInt32() > 0).GetProperty("id").GetString()!;
        var key = Guid.NewGuid().ToString();
        var first = await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{unread}/read", null, ("Idempotency-Key", key));
        (await first.ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data").GetProperty("unreadCount").GetInt32().ShouldBe(0);
        await using var db = app.Db();
        var record = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, Ct);
        (record.StatusCode, record.ResponseBody).ShouldBe((200, await first.Content.ReadAsStringAsync(Ct)));
    }
}

/// <summary>The transaction rule itself, on a real database: an attempt that lost its key cannot commit.</summary>
public class IdempotencyClaimTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_reply_whose_key_was_taken_over_rolls_back_entirely()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        await using (var db = _db.NewContext())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { TokenId = "tok_x", Key = "k", RequestHash = "h", ClaimId = "the-retry", CreatedAt = _db.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        var lost = new IdempotencyClaim("tok_x", "k", "the-first-attempt");

        await Should.ThrowAsync<IdempotencyClaimLostException>(() => _db.CaseService().ReplyAsync(store.Id, c.Id, Actor.Merchant("Theo"), "Too late",
            inTransaction: (db, _, ct) => lost.RecordAsync(db, ApiResult.Ok("answer"), ct)));

        await using var check = _db.NewContext();
        (await check.CaseMessages.CountAsync(m => m.CaseId == c.Id)).ShouldBe(1, "only the opening message");
        (await check.Cases.SingleAsync(x => x.Id == c.Id)).Version.ShouldBe(c.Version);
        (await check.IdempotencyRecords.SingleAsync()).StatusCode.ShouldBe(IdempotencyFilter.Pending, "the retry's claim is untouched");
        (await check.CaseCounts.SingleAsync(x => x.StoreId == store.Id)).Open.ShouldBe(1);
    }

    [Fact]
    public async Task A_reply_that_holds_its_key_commits_with_the_recorded_answer()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        await using (var db = _db.NewContext())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { TokenId = "tok_x", Key = "k", RequestHash = "h", ClaimId = "mine", CreatedAt = _db.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        var claim = new IdempotencyClaim("tok_x", "k", "mine");

        var result = await _db.CaseService().ReplyAsync(store.Id, c.Id, Actor.Merchant("Theo"), "On time",
            inTransaction: (db, change, ct) => claim.RecordAsync(db, ApiResult.Ok(change.Message!.Body, 201), ct));

        result.Outcome.ShouldBe(CaseOutcome.Ok);
        await using var check = _db.NewContext();
        var record = await check.IdempotencyRecords.SingleAsync();
        (record.StatusCode, record.ResponseBody).ShouldBe((201, """{"ok":true,"data":"On time"}"""));
    }
}
