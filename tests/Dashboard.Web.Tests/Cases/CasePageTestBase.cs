using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Cases;

/// <summary>
/// bUnit with the product's real case services on a real SQLite file, and a signed-in store member
/// (StoreContext reads the user from bUnit's fake authentication state, as it does in the app).
/// </summary>
public abstract class CasePageTestBase : DashboardTestContext, IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected Store Store { get; private set; } = null!;
    protected Customer Customer { get; private set; } = null!;
    protected Order Order { get; private set; } = null!;
    protected AppUser User { get; private set; } = null!;
    protected static readonly Actor Ada = Actor.Merchant("Ada Merchant", "user-ada");

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        (Store, Customer, Order) = await Db.AddStoreAsync("Northwind Test");
        User = await AddUserAsync("Nadia Holm", Store.Id);
        Services.AddLogging();
        Services.AddSingleton(Db.Factory);
        PageClock = Db.Clock;
        Services.AddSingleton<TimeProvider>(_ => PageClock);
        Services.AddSingleton(Db.Feed);
        // The page hosts the attachment picker and list and the presence bar: real services, on files
        // under the test database's folder and the in-process live transport.
        var attachmentOptions = Options.Create(new AttachmentOptions());
        var storage = new FileSystemAttachmentStorage(Path.Combine(Db.Directory, "attachments"));
        var vault = new AttachmentVault(storage, attachmentOptions, Db.Clock, NullLogger<AttachmentVault>.Instance);
        Services.AddSingleton<IAttachmentStorage>(storage);
        Services.AddSingleton(vault);
        Services.AddSingleton(new AttachmentLinks(new byte[32], attachmentOptions, Db.Clock));
        Services.AddSingleton(new CasePresence(new InProcessCaseChangeTransport(), Db.Feed, Db.Factory, Db.Clock, NullLogger<CasePresence>.Instance));
        Services.AddSingleton(Db.CaseService(vault: vault));
        Services.AddSingleton(Db.CaseQueries());
        Services.AddSingleton(new StoreAccess(Db.Factory));
        Services.AddScoped<StoreContext>();
        Services.AddSupport(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        AddFeatureServices();
        _auth = AddAuthorization();
        SignIn(User);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// The TimeProvider pages get: the database's clock, unless a test sets another before its first render
    /// (read when a page first asks for it; bUnit refuses new registrations after the first render).
    /// </summary>
    protected TimeProvider PageClock { get; set; } = null!;

    /// <summary>A derived test class registers its feature's services here (bUnit refuses registrations after the first render).</summary>
    protected virtual void AddFeatureServices() { }

    private Bunit.TestDoubles.BunitAuthorizationContext _auth = null!;

    /// <summary>Who the pages see as signed in; call before rendering (StoreContext reads it once).</summary>
    protected void SignIn(AppUser user)
    {
        _auth.SetAuthorized(user.DisplayName);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
    }

    protected async Task<AppUser> AddUserAsync(string name, string? storeId, bool platformSupport = false)
    {
        await using var db = Db.NewContext();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.example";
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = name, CurrentStoreId = storeId, IsPlatformSupport = platformSupport,
            TwoFactorEnabled = platformSupport, // platform support must have two-factor sign-in on to act as support
        };
        db.Users.Add(user);
        if (storeId is not null) db.StoreMembers.Add(new StoreMember { StoreId = storeId, UserId = user.Id, Role = StoreRole.Owner });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A second completed order of the same customer, so each case can have its own order.</summary>
    protected async Task<SupportCase> OpenCaseAsync(string subject = "Licence key missing", CasePriority priority = CasePriority.Normal, string? storeId = null, string? orderId = null) =>
        await Db.OpenCaseAsync(storeId ?? Store.Id, orderId ?? Order.Id, subject, priority);

    /// <summary>Changes a case's row behind the services' back (no version bump, no event), to reach states the UI alone cannot.</summary>
    protected async Task SetStatusBehindTheScenesAsync(string caseId, CaseStatus status)
    {
        await using var db = Db.NewContext();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status));
    }

    /// <summary>A CaseService on its own feed: a change "elsewhere" the page does not hear about.</summary>
    protected CaseService SilentCaseService() => Db.CaseService(feed: new CaseChangeFeed(NullLogger<CaseChangeFeed>.Instance, new InProcessCaseChangeTransport()));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Db is not null) await Db.DisposeAsync();
    }
}
