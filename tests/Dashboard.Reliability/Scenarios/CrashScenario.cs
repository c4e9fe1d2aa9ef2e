using System.Net;
using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Reliability.Harness;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// Rounds of 50 concurrent replies (each with its own Idempotency-Key) during which the app is killed
/// with SIGKILL once a random number of answers has come back; then restarted. Checked after each
/// restart: every acknowledged reply is in the database exactly once, with its trail line, email and
/// the case moved (no half-written case); every reply the client did not hear about is retried with
/// its key as the API documents and ends stored exactly once; no key is left pending; the tab
/// counters equal a recount.
/// </summary>
public static class CrashScenario
{
    private const int Burst = 50;

    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        await using var data = await DataSet.CreateAsync(options.Root, "crash", cases: Burst * options.CrashRounds);
        var settings = options.AppSettings(new() { ["Outbox:Enabled"] = "false", ["StoreApi:IdempotencyPendingTimeout"] = "00:00:03" });
        var app = await AppUnderTest.StartAsync("app", data.Directory, settings);
        int acknowledged = 0, unanswered = 0, lost = 0, missingAfterRetry = 0, duplicates = 0, replays = 0, stuck = 0, halfWritten = 0, counterMismatches = 0;
        try
        {
            for (var round = 0; round < options.CrashRounds; round++)
            {
                var replies = data.CaseIds.Skip(round * Burst).Take(Burst)
                    .Select((caseId, i) => (CaseId: caseId, Key: Guid.NewGuid().ToString(), Body: $"Round {round} reply {i}")).ToList();
                var killAfter = Random.Shared.Next(1, Burst);
                var answers = new Dictionary<string, ApiAnswer>();
                using (var api = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret))
                {
                    var sends = replies.Select(async r => (r.Key, Answer: await api.ReplyAsync(r.CaseId, r.Body, r.Key))).ToList();
                    var answered = 0;
                    var pending = sends.ToList();
                    while (pending.Count > 0)
                    {
                        var done = await Task.WhenAny(pending);
                        pending.Remove(done);
                        if (done.Result.Answer.Status is not null && ++answered == killAfter) app.Kill(); // the signal: the killAfter-th answer arrived
                    }
                    foreach (var (key, answer) in sends.Select(s => s.Result)) answers[key] = answer;
                }
                app.Kill();
                var heard = answers.Values.Count(a => a.Status == HttpStatusCode.Created);
                acknowledged += heard;
                unanswered += Burst - heard;

                await using (app) { }
                app = await AppUnderTest.StartAsync("app", data.Directory, settings);
                using var retryApi = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret);

                // Acknowledged replies must be there exactly once, as answered.
                var stored = await StoredRepliesAsync(data, replies.Select(r => r.CaseId).ToList());
                foreach (var r in replies.Where(r => answers[r.Key].Status == HttpStatusCode.Created))
                {
                    var messageId = JsonDocument.Parse(answers[r.Key].Body).RootElement.GetProperty("data").GetProperty("message").GetProperty("id").GetString();
                    var found = stored.Count(m => m.CaseId == r.CaseId && m.Body == r.Body);
                    if (found == 0 || !stored.Any(m => m.Id == messageId)) lost++;
                }
                // Everything else is retried with its key, following Retry-After on 409.
                foreach (var r in replies.Where(r => answers[r.Key].Status != HttpStatusCode.Created))
                {
                    var answer = await RetryAsync(retryApi, r.CaseId, r.Body, r.Key);
                    if (answer.Status != HttpStatusCode.Created) { stuck++; Console.WriteLine($"    {r.Key}: {answer.Status} {answer.Body}{answer.TransportError}"); }
                }
                replays += await ReplayedCountAsync(retryApi, replies.Where(r => answers[r.Key].Status == HttpStatusCode.Created).Take(5).ToList());
                stored = await StoredRepliesAsync(data, replies.Select(r => r.CaseId).ToList());
                foreach (var r in replies)
                {
                    var count = stored.Count(m => m.CaseId == r.CaseId && m.Body == r.Body);
                    if (count == 0 && answers[r.Key].Status != HttpStatusCode.Created) missingAfterRetry++;
                    if (count > 1) duplicates++;
                }
                halfWritten += await HalfWrittenAsync(data, replies.Select(r => r.CaseId).ToList());
                var (counted, recount) = await data.CountersAsync();
                if (counted != recount) counterMismatches++;
                await using (var db = data.Db())
                    stuck += await db.IdempotencyRecords.CountAsync(x => x.StatusCode == 0);
                Console.WriteLine($"  round {round + 1}: killed after {killAfter} answers; {heard} acknowledged, {Burst - heard} retried; counters {counted} (recount {recount})");
            }
        }
        finally
        {
            await app.DisposeAsync();
        }
        var total = Burst * options.CrashRounds;
        var failures = lost + missingAfterRetry + duplicates + stuck + halfWritten + counterMismatches;
        return new Outcome("crash", failures,
            $"{options.CrashRounds} kill -9 rounds × {Burst} concurrent replies: {acknowledged} of {total} acknowledged before the kill, {lost} lost, {duplicates} duplicated; " +
            $"{unanswered} unanswered replies retried with their keys: {missingAfterRetry} never stored, {stuck} left without an answer; {replays} acknowledged replies retried and replayed; " +
            $"{halfWritten} half-written cases; counters equal a recount in {options.CrashRounds - counterMismatches} of {options.CrashRounds} rounds");
    }

    private sealed record StoredReply(string Id, string CaseId, string Body);

    private static async Task<List<StoredReply>> StoredRepliesAsync(DataSet data, List<string> caseIds)
    {
        await using var db = data.Db();
        return await db.CaseMessages.AsNoTracking().Where(m => caseIds.Contains(m.CaseId) && m.AuthorKind == AuthorKind.Merchant)
            .Select(m => new StoredReply(m.Id, m.CaseId, m.Body)).ToListAsync();
    }

    /// <summary>
    /// A case is whole when its reply, trail line, email, status and version all agree — or when none of
    /// them is there (the reply was never stored; that is counted as "never stored", not here).
    /// </summary>
    private static async Task<int> HalfWrittenAsync(DataSet data, List<string> caseIds)
    {
        await using var db = data.Db();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync();
        var messages = (await db.CaseMessages.AsNoTracking().Where(m => caseIds.Contains(m.CaseId)).ToListAsync()).ToLookup(m => m.CaseId);
        var emails = (await db.Outbox.AsNoTracking().Where(o => caseIds.Contains(o.CaseId!) && o.Kind == "case-reply").ToListAsync()).ToLookup(o => o.CaseId);
        return cases.Count(c =>
        {
            var replies = messages[c.Id].Count(m => m.AuthorKind == AuthorKind.Merchant);
            var trail = messages[c.Id].Count(m => m.AuthorKind == AuthorKind.System);
            var replied = replies == 1 && trail == 1 && emails[c.Id].Count() == 1 && c.Status == CaseStatus.AwaitingCustomer && c.Version == 1
                          && c.LastMessageBy == AuthorKind.Merchant;
            var untouched = replies == 0 && trail == 0 && !emails[c.Id].Any() && c.Status == CaseStatus.Open && c.Version == 0;
            return !replied && !untouched;
        });
    }

    private static async Task<ApiAnswer> RetryAsync(StoreApi api, string caseId, string body, string key)
    {
        // As the API documents: on 409 wait the Retry-After; on no answer at all (a timeout) send again with the same key.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var answer = await api.ReplyAsync(caseId, body, key);
            var again = answer.Status == HttpStatusCode.Conflict || answer.Status is null;
            if (!again || DateTime.UtcNow > until) return answer;
            if (answer.Status is null) Console.WriteLine($"    {key}: no answer ({answer.TransportError}); sending again with the same key");
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A retry of an acknowledged reply must replay it (Idempotent-Replayed), not post again.</summary>
    private static async Task<int> ReplayedCountAsync(StoreApi api, List<(string CaseId, string Key, string Body)> acknowledged)
    {
        var replayed = 0;
        foreach (var r in acknowledged)
            if ((await api.ReplyAsync(r.CaseId, r.Body, r.Key)).Status == HttpStatusCode.Created) replayed++;
        return replayed;
    }
}
