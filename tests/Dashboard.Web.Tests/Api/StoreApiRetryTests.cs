using System.Net;
using Dashboard.Domain;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Api;
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
    }

    [Fact]
    public async Task Another_tokens_identical_key_is_its_own_key_and_executes()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT", skip: 1)).GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        var before = await MerchantMessagesAsync(id);
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var second = app.Api(await app.NewTokenAsync("Second integration", ApiScopes.CasesWrite | ApiScopes.CasesRead));

        var first = await Client.SendJsonAsync(HttpMethod.Post, url, """{"body":"Same words"}""", key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await second.SendJsonAsync(HttpMethod.Post, url, """{"body":"Same words"}""", key);
        var otherBody = await other.Content.ReadAsStringAsync(Ct);

        other.StatusCode.ShouldBe(HttpStatusCode.Created, otherBody);
        other.Headers.Contains("Idempotent-Replayed").ShouldBeFalse("the key belongs to the first token only");
        otherBody.ShouldContain("API: Second integration", Case.Sensitive, "the reply was written by the second token");
        (await MerchantMessagesAsync(id)).ShouldBe(before + 2, "same key, same body, two tokens: two replies");
        await using var db = app.Db();
        (await db.IdempotencyRecords.CountAsync(r => r.Key == key.Item2, Ct)).ShouldBe(2, "one record per token");
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
        var start = await Client.GetAsync(url, Ct);
        var before = long.Parse(start.Headers.ETag!.Tag.Trim('"'));
        var startPriority = (await start.ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data").GetProperty("priority").GetString();
        // Every patch is a real change whatever order the winners commit in: the three other priorities
        // (each differs from whatever a previous winner set) and one status change that only one can make.
        var bodies = new[] { "LOW", "NORMAL", "HIGH", "URGENT" }.Where(p => p != startPriority).Select(p => $$"""{"priority":"{{p}}"}""")
            .Append("""{"status":"AWAITING_CUSTOMER"}""").ToArray();

        var responses = await Task.WhenAll(bodies.Select(b => Client.SendJsonAsync(HttpMethod.Patch, url, b)));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var winners = new List<(long Version, string Body)>();
        for (var i = 0; i < responses.Length; i++)
            if (responses[i].StatusCode == HttpStatusCode.OK)
                winners.Add((long.Parse(responses[i].Headers.ETag!.Tag.Trim('"')), bodies[i]));
        winners.ShouldNotBeEmpty();
        // Each winner committed its own version: no two winners share a bump (that would be a lost update).
        winners.Select(w => w.Version).Order().ShouldBe(Enumerable.Range(1, winners.Count).Select(n => before + n));

        await using var db = app.Db();
        var supportCase = await db.Cases.SingleAsync(c => c.Id == id, Ct);
        supportCase.Version.ShouldBe(before + winners.Count);
        // Every winner's change is visible: the last priority written is the case's, the status change if it won,
        // and one trail line per winner, in commit order.
        var priorities = winners.Where(w => w.Body.Contains("priority")).OrderBy(w => w.Version).Select(w => System.Text.Json.JsonDocument.Parse(w.Body).RootElement.GetProperty("priority").GetString()!).ToList();
        var statusWon = winners.Any(w => w.Body.Contains("status"));
        WireNames.ToWire(supportCase.Priority).ShouldBe(priorities.LastOrDefault() ?? startPriority);
        supportCase.Status.ShouldBe(statusWon ? CaseStatus.AwaitingCustomer : CaseStatus.AwaitingMerchant);
        var trail = await db.CaseMessages.Where(m => m.CaseId == id && m.AuthorKind == AuthorKind.System && m.Sequence >= (before + 1) * 100)
            .OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync(Ct);
        trail.Count.ShouldBe(winners.Count, string.Join("\n", trail));
        trail.Count(t => t.StartsWith("Priority changed from")).ShouldBe(priorities.Count);
        trail.Count(t => t.StartsWith("Status changed from Awaiting merchant to Awaiting customer")).ShouldBe(statusWon ? 1 : 0);
        static string Label(string wire) => WireNames.TryParse<CasePriority>(wire, out var p) ? CaseWorkflow.Label(p.Value) : throw new FormatException(wire);
        trail.Where(t => t.StartsWith("Priority changed")).ShouldBe(
            priorities.Select((p, i) => $"Priority changed from {Label(i == 0 ? startPriority! : priorities[i - 1])} to {Label(p)} by API: Demo all scopes"));
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
