using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>
/// Ticket changes on the live transport between two real app instances over a real redis-server: an answer
/// written on one instance reaches the store's pages on the other; a staff note reaches support's pages only.
/// </summary>
public class TicketRedisFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // bounds a failure only
    private TwoInstancesOnRedis? _live;
    private TestDatabase _db = null!;
    private RedisServer _redis = null!;
    private LiveAppHost _a = null!, _b = null!;

    public async ValueTask InitializeAsync()
    {
        _live = await TwoInstancesOnRedis.StartAsync();
        (_db, _redis, _a, _b) = (_live.Db, _live.Redis, _live.A, _live.B);
    }

    public ValueTask DisposeAsync() => _live?.DisposeAsync() ?? ValueTask.CompletedTask;

    [Fact]
    public async Task An_answer_on_one_instance_reaches_the_stores_pages_on_the_other_and_a_note_only_supports()
    {
        _b.Get<ICaseChangeTransport>().ShouldBeOfType<RedisCaseChangeTransport>();
        var (store, _, _) = await _db.AddStoreAsync();
        var member = new AppUser { UserName = "m@test.example", Email = "m@test.example", DisplayName = "Mia Member" };
        var staff = new AppUser { UserName = "s@test.example", Email = "s@test.example", DisplayName = "Sam Staff", IsPlatformSupport = true, TwoFactorEnabled = true };
        await using (var db = _db.NewContext())
        {
            db.Users.AddRange(member, staff);
            db.StoreMembers.Add(new StoreMember { StoreId = store.Id, UserId = member.Id, Role = StoreRole.Agent });
            await db.SaveChangesAsync();
        }
        var storePage = new Recorder();
        var supportPage = new Recorder();
        using var a = _b.Get<TicketChangeFeed>().SubscribeStore(store.Id, storePage.Add);
        using var b = _b.Get<TicketChangeFeed>().SubscribeEveryStore(supportPage.Add);

        var tickets = _a.Get<TicketService>();
        var opened = await tickets.OpenAsync(store.Id, Actor.Merchant(member.DisplayName, member.Id), new TicketDraft("Our payouts are stuck since Monday."));
        (await supportPage.WaitForAsync(c => c.Kind == TicketChangeKind.Opened, Wait)).ShouldNotBeNull("support's queue on B hears of the new ticket");
        await tickets.AddNoteAsync(opened.Ticket!.Id, staff.Id, "Internal only");
        await tickets.AnswerAsync(opened.Ticket.Id, staff.Id, "Released today.");

        var answer = await storePage.WaitForAsync(c => c.Kind == TicketChangeKind.SupportAnswer, Wait);
        answer.ShouldNotBeNull("the store's page on B hears the answer written on A");
        answer.Status.ShouldBe(TicketStatus.Answered);
        answer.Number.ShouldBe(1);
        (await supportPage.WaitForAsync(c => c.Kind == TicketChangeKind.StaffNote, Wait)).ShouldNotBeNull();
        storePage.Seen.ShouldNotContain(c => c.Kind == TicketChangeKind.StaffNote, "a store never hears of a staff note");
        storePage.Seen.Count(c => c.Kind == TicketChangeKind.SupportAnswer).ShouldBe(1, "delivered once per instance");
    }

    private sealed class Recorder
    {
        private readonly List<TicketChange> _seen = [];
        private readonly SemaphoreSlim _signal = new(0);

        public IReadOnlyList<TicketChange> Seen { get { lock (_seen) return [.. _seen]; } }

        public Task Add(TicketChange change)
        {
            lock (_seen) _seen.Add(change);
            _signal.Release();
            return Task.CompletedTask;
        }

        public async Task<TicketChange?> WaitForAsync(Func<TicketChange, bool> match, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_seen) if (_seen.FirstOrDefault(match) is { } hit) return hit;
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                await _signal.WaitAsync(left);
            }
        }
    }
}
