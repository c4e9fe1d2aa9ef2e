using System.Net;
using Dashboard.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Api;

/// <summary>Idempotent retries, conflicting writes, and the per-token rate limit.</summary>
public class StoreApiRetryTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Client => app.Api(StoreApiApp.NorthwindAll);

    private async Task<int> MerchantMessagesAsync(string caseId)
    {
        await using var db = app.Db();
        return await db.CaseMessages.CountAsync(m => m.CaseId == caseId && m.AuthorKind == AuthorKind.Merchant, Ct);
    }

    [Fact]
    public async Task Same_key_and_body_replays_the_first_response_without_a_second_message()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT")).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        var before = await MerchantMessagesAsync(id);
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Sent once"}""", key);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstBody);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();

        var retry = await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Sent once"}""", key);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(firstBody);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await MerchantMessagesAsync(id)).ShouldBe(before + 1);

        // Another token's identical key is its own key.
        await using (var db = app.Db()) (await db.IdempotencyRecords.CountAsync(r => r.Key == key.Item2, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_422()
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        (await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"First"}""", key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await MerchantMessagesAsync(id);
        await (await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Second"}""", key))
            .ShouldFailAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key was already used with a different request");
        (await MerchantMessagesAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_execute_once()
    {
        var id = (await app.AnyCaseAsync("AWAITING_CUSTOMER")).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        var before = await MerchantMessagesAsync(id);
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Racing"}""", key)));
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1);
        (await MerchantMessagesAsync(id)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Stale_if_match_version_is_409_and_changes_nothing()
    {
        var id = (await app.AnyCaseAsync("OPEN", skip: 2)).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}";
        var get = await Client.GetAsync(url, Ct);
        var etag = get.Headers.ETag!.Tag;
        (await Client.SendJsonAsync(HttpMethod.Patch, url, """{"priority":"HIGH"}""", ("If-Match", etag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A second writer still holding the old version loses.
        await (await Client.SendJsonAsync(HttpMethod.Patch, url, """{"status":"CLOSED"}""", ("If-Match", etag))).ShouldFailAsync(HttpStatusCode.Conflict);
        var data = (await Client.GetJsonAsync(url, HttpStatusCode.OK)).GetProperty("data");
        data.GetProperty("status").GetString().ShouldBe("OPEN");
        data.GetProperty("priority").GetString().ShouldBe("HIGH");
    }

    [Fact]
    public async Task Racing_patches_each_win_or_get_409_and_none_is_lost()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT", skip: 2)).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}";
        var before = long.Parse((await Client.GetAsync(url, Ct)).Headers.ETag!.Tag.Trim('"'));
        string[] priorities = ["LOW", "HIGH", "URGENT", "NORMAL", "LOW", "HIGH", "URGENT", "NORMAL"];
        var responses = await Task.WhenAll(priorities.Select(p => Client.SendJsonAsync(HttpMethod.Patch, url, $$"""{"priority":"{{p}}"}""")));
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        await using var db = app.Db();
        var supportCase = await db.Cases.SingleAsync(c => c.Id == id, Ct);
        // Every winner bumped the version once; a loser changed nothing (no lost update).
        var winners = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        winners.ShouldBeGreaterThan(0);
        (supportCase.Version - before).ShouldBeInRange(1, winners);
    }

    [Fact]
    public async Task Bad_idempotency_key_is_400()
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString()!;
        await (await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/read", null, ("Idempotency-Key", new string('k', 256))))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "Idempotency-Key must be 1–255 characters");
    }
}

/// <summary>The rate limit, with a factory configured for 3 requests a minute.</summary>
public class StoreApiRateLimitTests(StoreApiRateLimitTests.LowLimitApp app) : IClassFixture<StoreApiRateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : StoreApiApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("StoreApi:RateLimitPerMinute", "3");
        }
    }

    [Fact]
    public async Task Fourth_request_in_a_minute_is_429_with_retry_after_and_other_tokens_are_unaffected()
    {
        var client = app.Api(StoreApiApp.NorthwindReadOnly);
        for (var i = 0; i < 3; i++)
            (await client.GetAsync(StoreApiApp.Cases() + "?limit=1", Xunit.TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await client.GetAsync(StoreApiApp.Cases() + "?limit=1", Xunit.TestContext.Current.CancellationToken);
        await limited.ShouldFailAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        retryAfter.TotalSeconds.ShouldBeInRange(1, 60);
        (await app.Api(StoreApiApp.NorthwindAll).GetAsync(StoreApiApp.Cases() + "?limit=1", Xunit.TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
