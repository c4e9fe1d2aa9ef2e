using System.Diagnostics;
using Dashboard.Reliability.Harness;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// The SMTP server (aiosmtpd) is down while replies keep coming; it returns after the chosen outage.
/// Every email queued meanwhile must arrive exactly once (by Message-ID in the server's maildir),
/// and the time from the server's return to the last delivery is reported (the outbox retries with
/// exponential backoff: 10 s, doubling, capped at an hour).
/// </summary>
public static class SmtpScenario
{
    private const int Replies = 30;

    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        await using var data = await DataSet.CreateAsync(options.Root, "smtp", cases: Replies);
        var maildir = Path.Combine(options.Root, "maildir");
        await using var smtp = ServerProcess.Smtp(maildir);
        await using var app = await AppUnderTest.StartAsync("app", data.Directory, options.AppSettings(new()
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:UseStartTls"] = "false",
            ["Outbox:PollInterval"] = "00:00:01",
        }));
        using var api = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret);

        // The server is down from the start: replies are written, their emails queue.
        var outage = Stopwatch.StartNew();
        var sent = 0;
        for (var i = 0; i < Replies; i++)
            if ((await api.ReplyAsync(data.CaseIds[i], $"Reply {i} while the mail server is down", Guid.NewGuid().ToString())).Ok) sent++;
        string[] expected;
        await using (var db = data.Db())
            expected = await db.Outbox.Where(o => o.SentAt == null).Select(o => o.MessageIdHeader).ToArrayAsync();
        Console.WriteLine($"  {sent} replies accepted while SMTP is down; {expected.Length} emails queued");

        var left = TimeSpan.FromSeconds(options.SmtpDownSeconds) - outage.Elapsed;
        if (left > TimeSpan.Zero) await Task.Delay(left); // the outage itself: the length under test, not a wait for the app
        int attempts;
        await using (var db = data.Db())
            attempts = await db.Outbox.Where(o => o.SentAt == null).SumAsync(o => o.Attempts);
        await smtp.StartAsync();
        var back = Stopwatch.StartNew();
        Console.WriteLine($"  SMTP back after {outage.Elapsed.TotalSeconds:0} s ({attempts} failed attempts meanwhile)");

        // Wait for the outbox to report every email sent (bounded: the next backoff step is at most the outage again).
        var until = TimeSpan.FromSeconds(options.SmtpDownSeconds * 2 + 120);
        int unsent;
        while (true)
        {
            await using (var db = data.Db()) unsent = await db.Outbox.CountAsync(o => o.SentAt == null);
            if (unsent == 0 || back.Elapsed > until) break;
            await Task.Delay(500);
        }
        var deliveredAfter = back.Elapsed;
        var received = Maildir.MessageIds(maildir);
        var missing = expected.Count(id => !received.Contains(id));
        var duplicated = received.GroupBy(id => id).Count(g => g.Count() > 1);
        return new Outcome("smtp", missing + duplicated + unsent,
            $"SMTP down {options.SmtpDownSeconds} s while {expected.Length} emails queued: {expected.Length - missing} delivered, {missing} missing, {duplicated} twice; " +
            $"all delivered {deliveredAfter.TotalSeconds:0} s after the server returned");
    }
}

public static class Maildir
{
    /// <summary>The Message-ID header of every message in the maildir's new/ folder, as written (&lt;…&gt;).</summary>
    public static List<string> MessageIds(string maildir)
    {
        var dir = Path.Combine(maildir, "new");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir).Select(f => File.ReadLines(f)
                .FirstOrDefault(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))?["Message-ID:".Length..].Trim() ?? "")
            .ToList();
    }
}
