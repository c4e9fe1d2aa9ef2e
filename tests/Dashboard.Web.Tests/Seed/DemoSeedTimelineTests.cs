using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Seed;

/// <summary>
/// The whole demo seed, read back as the product shows it: each case's timeline (oldest first) is
/// replayed through <see cref="CaseWorkflow"/> and must end in exactly the stored fields. A seeded
/// case that disagrees with its own timeline is a state the product could never have produced.
/// </summary>
public class DemoSeedTimelineTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_seeded_case_is_what_its_timeline_replayed_through_the_state_machine_produces()
    {
        _ = app.Services; // starts the host, which seeds
        var seededBy = DateTime.UtcNow;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(Ct);
        var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, Ct);
        var cases = await db.Cases.AsNoTracking().ToListAsync(Ct);
        var messages = (await db.CaseMessages.AsNoTracking().ToListAsync(Ct)).ToLookup(m => m.CaseId);
        cases.Count.ShouldBeGreaterThan(200);

        var problems = new List<string>();
        foreach (var c in cases)
        {
            var timeline = messages[c.Id].OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).ToList();
            try
            {
                var replayed = TimelineReplay.Play(timeline, stores[c.StoreId].AutoClosePeriods, c.Priority);
                problems.AddRange(Compare(c, replayed, seededBy).Select(p => $"{c.Id} ({stores[c.StoreId].Name}): {p}"));
            }
            catch (TimelineReplay.ImpossibleException e)
            {
                problems.Add($"{c.Id} ({stores[c.StoreId].Name}): {e.Message}");
            }
        }
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(20)));
    }

    private static IEnumerable<string> Compare(SupportCase stored, CaseState replayed, DateTime seededBy)
    {
        if (stored.Status != replayed.Status) yield return $"status {stored.Status}, timeline says {replayed.Status}";
        if (stored.Priority != replayed.Priority) yield return $"priority {stored.Priority}, timeline says {replayed.Priority}";
        if (stored.Escalated != replayed.Escalated) yield return $"escalated {stored.Escalated}, timeline says {replayed.Escalated}";
        if (stored.LastMessageAt != replayed.LastMessageAt) yield return $"lastMessageAt {stored.LastMessageAt:O}, timeline says {replayed.LastMessageAt:O}";
        if (stored.LastMessageBy != replayed.LastMessageBy) yield return $"lastMessageBy {stored.LastMessageBy}, timeline says {replayed.LastMessageBy}";
        if (stored.ClosedAt != replayed.ClosedAt) yield return $"closedAt {stored.ClosedAt:O}, timeline says {replayed.ClosedAt:O}";
        if (stored.ClosedBy != replayed.ClosedBy) yield return $"closedBy {stored.ClosedBy}, timeline says {replayed.ClosedBy}";
        // Marking read leaves no line in the timeline: it can only have zeroed the count, and later.
        var read = stored.UnreadCount == 0 && stored.UpdatedAt >= replayed.UpdatedAt;
        if (stored.UnreadCount != replayed.UnreadCount && !read) yield return $"unreadCount {stored.UnreadCount}, timeline says {replayed.UnreadCount}";
        if (stored.UpdatedAt != replayed.UpdatedAt && !read) yield return $"updatedAt {stored.UpdatedAt:O}, timeline says {replayed.UpdatedAt:O}";
        if (stored.UpdatedAt > seededBy) yield return $"updatedAt {stored.UpdatedAt:O} is in the future";
    }
}

/// <summary>Turns a stored timeline back into the triggers that wrote it and plays them.</summary>
public static class TimelineReplay
{
    public sealed class ImpossibleException(string message) : Exception(message);

    public static CaseState Play(IReadOnlyList<CaseMessage> timeline, AutoClosePeriods autoClose, CasePriority currentPriority)
    {
        if (timeline.Count == 0 || timeline[0].AuthorKind != AuthorKind.Customer)
            throw new ImpossibleException("the timeline does not start with the customer's opening message");
        var state = CaseWorkflow.Open(InitialPriority(timeline, currentPriority), timeline[0].CreatedAt);
        var i = 1;
        while (i < timeline.Count)
        {
            var entry = timeline[i];
            // Auto-replies and notes change nothing about the case (spec: "the case still reads as unanswered").
            if (entry.Kind is CaseEntryKind.AutoReply or CaseEntryKind.TeamNote or CaseEntryKind.StaffNote) { i++; continue; }
            var trigger = TriggerOf(entry, autoClose);
            var decision = CaseWorkflow.Decide(state, trigger, entry.CreatedAt);
            if (!decision.IsAllowed)
                throw new ImpossibleException($"\"{Short(entry.Body)}\" at {entry.CreatedAt:O} is refused by the state machine: {decision.Refusal}");
            // A message carries its own trail lines right after it; a trail-only trigger is its first line.
            var next = decision.AppendsMessage ? i + 1 : i;
            foreach (var line in decision.TrailLines)
            {
                if (next >= timeline.Count || timeline[next].AuthorKind != AuthorKind.System || timeline[next].Body != line.Text || timeline[next].Kind != line.Kind)
                    throw new ImpossibleException($"after \"{Short(entry.Body)}\" the state machine writes \"{line.Text}\" ({line.Kind}), the timeline has \"{(next < timeline.Count ? Short(timeline[next].Body) : "nothing")}\"");
                next++;
            }
            if (next == i) throw new ImpossibleException($"\"{Short(entry.Body)}\" changes nothing the timeline shows");
            state = decision.NewState;
            i = next;
        }
        return state;
    }

    private static CaseTrigger TriggerOf(CaseMessage entry, AutoClosePeriods autoClose)
    {
        switch (entry.AuthorKind)
        {
            case AuthorKind.Customer: return new CaseTrigger.CustomerReplies();
            case AuthorKind.Merchant: return new CaseTrigger.MerchantReplies(entry.AuthorName);
            case AuthorKind.Support: return new CaseTrigger.SupportPosts();
            case AuthorKind.System: break;
            default: throw new ImpossibleException($"unknown author kind {entry.AuthorKind}");
        }
        var line = entry.Body;
        if (line == "Closed by the customer") return new CaseTrigger.CustomerCloses();
        if (line.StartsWith("Closed automatically after ", StringComparison.Ordinal)) return new CaseTrigger.AutoClose(autoClose);
        if (line.StartsWith("The customer was warned by email that the case closes automatically on ", StringComparison.Ordinal))
            return new CaseTrigger.AutoCloseWarns(autoClose);
        if (Prefixed(line, $"Escalated to {CaseWorkflow.SupportBrand}: ") is { } reason) return new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, reason);
        if (Prefixed(line, "Reopened by ") is { } reopener && reopener != "the customer")
            return new CaseTrigger.MerchantUpdates(reopener, null, CaseStatus.Open);
        if (Change(line, "Status changed from ") is { } status)
            return new CaseTrigger.MerchantUpdates(status.By, null, Enum.GetValues<CaseStatus>().Single(s => CaseWorkflow.Label(s) == status.To));
        if (Change(line, "Priority changed from ") is { } priority)
            return new CaseTrigger.MerchantUpdates(priority.By, Enum.GetValues<CasePriority>().Single(p => CaseWorkflow.Label(p) == priority.To), null);
        throw new ImpossibleException($"no trigger writes the line \"{line}\" on its own");
    }

    /// <summary>The priority the case was opened with: the "from" of its first priority change, else the current one.</summary>
    private static CasePriority InitialPriority(IReadOnlyList<CaseMessage> timeline, CasePriority current) =>
        timeline.Where(m => m.AuthorKind == AuthorKind.System).Select(m => Change(m.Body, "Priority changed from "))
            .FirstOrDefault(c => c is not null) is { } first
            ? Enum.GetValues<CasePriority>().Single(p => CaseWorkflow.Label(p) == first.From)
            : current;

    private static string? Prefixed(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : null;

    /// <summary>"{prefix}{From} to {To} by {By}".</summary>
    private static (string From, string To, string By)? Change(string line, string prefix)
    {
        if (Prefixed(line, prefix) is not { } rest) return null;
        var to = rest.IndexOf(" to ", StringComparison.Ordinal);
        var by = rest.IndexOf(" by ", to + 4, StringComparison.Ordinal);
        return to < 0 || by < 0 ? null : (rest[..to], rest[(to + 4)..by], rest[(by + 4)..]);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
