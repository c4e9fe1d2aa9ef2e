using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>The ticket services on a real SQLite file and real file-system attachment storage, with people to act.</summary>
public sealed class TicketTestKit : IAsyncDisposable
{
    public TestDatabase Db { get; }
    public InProcessCaseChangeTransport Transport { get; } = new();
    public TicketChangeFeed Feed { get; }
    public AttachmentVault Vault { get; }
    public TicketService Service { get; }
    public TicketQueries Queries { get; }
    public SupportTicketQueries Support { get; }
    public TicketEmails Emails { get; } = new(new Dashboard.Web.Infrastructure.PublicUrls(new PortalOptions(), TestDatabase.HostAddress));

    private TicketTestKit(TestDatabase db)
    {
        Db = db;
        Feed = new TicketChangeFeed(Transport, NullLogger<TicketChangeFeed>.Instance);
        Vault = new AttachmentVault(new FileSystemAttachmentStorage(Path.Combine(db.Directory, "attachments")),
            Options.Create(new AttachmentOptions()), db.Clock, NullLogger<AttachmentVault>.Instance);
        var access = new StoreAccess(db.Factory);
        Service = new TicketService(db.Factory, db.Clock, Feed, Emails, Vault, access, NullLogger<TicketService>.Instance);
        Queries = new TicketQueries(db.Factory);
        Support = new SupportTicketQueries(db.Factory, access);
    }

    public static async Task<TicketTestKit> CreateAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>A store and one member (Owner) who acts in the dashboard.</summary>
    public async Task<(Store Store, AppUser Member)> AddStoreAsync(string name = "Test Store")
    {
        var (store, _, _) = await Db.AddStoreAsync(name);
        var member = await AddUserAsync($"Member of {name}");
        await using var db = Db.NewContext();
        db.StoreMembers.Add(new StoreMember { StoreId = store.Id, UserId = member.Id, Role = StoreRole.Owner });
        await db.SaveChangesAsync();
        return (store, member);
    }

    public async Task<AppUser> AddUserAsync(string name, bool platformSupport = false)
    {
        var email = $"u{Guid.NewGuid():N}@test.example";
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, DisplayName = name,
            // Support powers need two-factor sign-in on (ADR 0010).
            IsPlatformSupport = platformSupport, TwoFactorEnabled = platformSupport };
        await using var db = Db.NewContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static Actor As(AppUser member) => Actor.Merchant(member.DisplayName, member.Id);

    public async Task<StagedFile> StageAsync(string name, byte[] bytes)
    {
        var staged = await Vault.StageAsync(name, new MemoryStream(bytes));
        staged.Error.ShouldBeNull();
        return staged.File!;
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
