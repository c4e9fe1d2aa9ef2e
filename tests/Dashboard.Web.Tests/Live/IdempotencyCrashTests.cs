using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// The real app as a child process gets 50 concurrent replies, each with its own Idempotency-Key, and
/// is killed (SIGKILL) while some keys are claimed but not answered: the test takes SQLite's write
/// lock, so nothing moves while it looks, and kills the app only once it sees such a key. After a
/// restart every reply is retried with its key, as the API tells clients to: each must be answered
/// 201, an answer the client already had must come back byte for byte, and each reply must be stored
/// exactly once, with its email queued once and the tab counters equal to a recount.
/// </summary>
public class IdempotencyCrashTests : IAsyncLifetime
{
    private const int Replies = 50;
    private TestDatabase _db = null!;
    private readonly List<AppProcess> _apps = [];

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        await _db.DisposeAsync();
    }

    private sealed record Reply(string CaseId, string Key, string Body);

    [Fact]
    public async Task Killed_mid_burst_every_reply_is_stored_once_and_every_retry_gets_its_answer()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var secret = await AddTokenAsync(store.Id);
        var service = _db.CaseService(clock: TimeProvider.System);
        var replies = new List<Reply>();
        for (var i = 0; i < Replies; i++)
            replies.Add(new Reply((await service.OpenAsync(store.Id, order.Id, $"Case {i}", "Hello")).Case!.Id, Guid.NewGuid().ToString(), $"Reply number {i}"));

        var first = Start();
        using var before = Client(await first.ListeningAtAsync(), secret);
        var sends = replies.Select(r => SendAsync(before, store.Id, r)).ToList();
        var (pending, answered) = await KillWhileAKeyIsPendingAsync(first, sends);
        pending.ShouldBeGreaterThan(0, "the kill must catch a claimed but unanswered key, or this test proves nothing");
        var acknowledged = (await Task.WhenAll(sends)).Where(a => a is { Status: HttpStatusCode.Created }).ToDictionary(a => a!.Key, a => a!.Json);

        var second = Start();
        using var after = Client(await second.ListeningAtAsync(), secret);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        foreach (var reply in replies)
        {
            var retry = await RetryUntilAnsweredAsync(after, store.Id, reply, until);
            retry.Status.ShouldBe(HttpStatusCode.Created, $"{reply.Key}: {retry.Json}");
            if (acknowledged.TryGetValue(reply.Key, out var original)) retry.Json.ShouldBe(original, "the client's answer comes back unchanged");
        }

        await using var db = _db.NewContext();
        var merchant = await db.CaseMessages.Where(m => m.StoreId == store.Id && m.AuthorKind == AuthorKind.Merchant)
            .Select(m => new { m.CaseId, m.Body }).ToListAsync();
        merchant.Select(m => (m.CaseId, m.Body)).Order().ShouldBe(replies.Select(r => (r.CaseId, r.Body)).Order(), "each reply stored exactly once");
        (await db.IdempotencyRecords.CountAsync(r => r.StatusCode == IdempotencyFilter.Pending)).ShouldBe(0);
        (await db.Outbox.CountAsync(o => o.Kind == EmailKinds.CaseReply)).ShouldBe(Replies, "one email per reply");
        var cases = await db.Cases.Where(c => c.StoreId == store.Id).ToListAsync();
        cases.ShouldAllBe(c => c.Status == CaseStatus.AwaitingCustomer && c.LastMessageBy == AuthorKind.Merchant && c.Version == 1, "each case changed exactly once after opening");
        var counts = await db.CaseCounts.SingleAsync(c => c.StoreId == store.Id);
        (counts.Open, counts.AwaitingCustomer, counts.AwaitingMerchant, counts.Closed).ShouldBe((0, Replies, 0, 0), "counters equal a recount");
        Xunit.TestContext.Current.SendDiagnosticMessage($"killed with {pending} keys pending and {answered} answered; {acknowledged.Count} answers had reached the client");
    }

    /// <summary>
    /// Takes the write lock again and again until a claimed, unanswered key is in the database, then
    /// kills the app while still holding it, so the database is exactly what was seen.
    /// </summary>
    private async Task<(int Pending, int Answered)> KillWhileAKeyIsPendingAsync(AppProcess app, List<Task<Answer?>> sends)
    {
        var path = Path.Combine(_db.Directory, "dashboard.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60, Pooling = false }.ToString());
        await connection.OpenAsync();
        while (true)
        {
            await using var lockHolder = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: waits for, then holds, the write lock
            await using var command = connection.CreateCommand();
            command.Transaction = lockHolder;
            command.CommandText = $"SELECT COALESCE(SUM(StatusCode = {IdempotencyFilter.Pending}), 0), COALESCE(SUM(StatusCode <> {IdempotencyFilter.Pending}), 0) FROM IdempotencyRecords";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (pending, answered) = (reader.GetInt32(0), reader.GetInt32(1));
            await reader.DisposeAsync();
            if (pending > 0)
            {
                app.Kill();
                await lockHolder.RollbackAsync();
                return (pending, answered);
            }
            await lockHolder.RollbackAsync();
            if (sends.All(s => s.IsCompleted)) return (0, answered);
            await Task.Yield();
        }
    }

    private sealed record Answer(string Key, HttpStatusCode Status, string Json, TimeSpan? RetryAfter);

    private static async Task<Answer?> SendAsync(HttpClient client, string storeId, Reply reply)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/core/stores/{storeId}/cases/{reply.CaseId}/messages")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { body = reply.Body }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(IdempotencyFilter.Header, reply.Key);
            using var response = await client.SendAsync(request);
            return new Answer(reply.Key, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException)
        {
            return null; // the app died before answering: the client never learnt the outcome
        }
    }

    /// <summary>Retries as the API documents: on 409, after Retry-After (the pending timeout is 2 s here).</summary>
    private static async Task<Answer> RetryUntilAnsweredAsync(HttpClient client, string storeId, Reply reply, DateTime until)
    {
        while (true)
        {
            var answer = await SendAsync(client, storeId, reply) ?? throw new InvalidOperationException("the restarted app did not answer");
            if (answer.Status != HttpStatusCode.Conflict || DateTime.UtcNow > until) return answer;
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1)); // the protocol's own wait, not synchronisation
        }
    }

    private static HttpClient Client(Uri baseAddress, string secret)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<string> AddTokenAsync(string storeId)
    {
        var secret = ApiTokenService.NewSecret();
        await using var db = _db.NewContext();
        db.ApiTokens.Add(new ApiToken
        {
            StoreId = storeId, Name = "Crash test", Prefix = secret[..ApiTokenService.PrefixLength], SecretHash = ApiTokenService.Hash(secret),
            Scopes = ApiTokenService.AllScopes, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    private AppProcess Start()
    {
        var app = new AppProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Dashboard__DataDirectory"] = _db.Directory,
            ["DemoData__Enabled"] = "false",
            ["Outbox__Enabled"] = "false",
            ["StoreApi__RateLimitPerMinute"] = "0",
            ["StoreApi__IdempotencyPendingTimeout"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        _apps.Add(app);
        return app;
    }
}

public static class AppProcessAddress
{
    /// <summary>Where the app listens, from Kestrel's "Now listening on:" line (needs Microsoft.Hosting.Lifetime at Information).</summary>
    public static async Task<Uri> ListeningAtAsync(this AppProcess app, TimeSpan? timeout = null)
    {
        const string marker = "Now listening on: ";
        await app.WaitForLineAsync(l => l.Contains(marker, StringComparison.Ordinal), 1, timeout ?? TimeSpan.FromSeconds(120));
        var line = app.Lines.First(l => l.Contains(marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
    }
}
