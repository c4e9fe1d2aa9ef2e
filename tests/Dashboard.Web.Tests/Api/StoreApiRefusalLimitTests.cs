using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// Requests without a valid token are limited per client address before any lookup (429 with
/// Retry-After), and a refused secret is answered from memory instead of the database each time.
/// </summary>
public class StoreApiRefusalLimitTests(StoreApiRefusalLimitTests.ThreeRefusalsApp app) : IClassFixture<StoreApiRefusalLimitTests.ThreeRefusalsApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public sealed class ThreeRefusalsApp : StoreApiApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("StoreApi:RefusedPerMinutePerAddress", "3");
        }
    }

    [Fact]
    public async Task After_three_refusals_an_address_gets_429_with_retry_after_whatever_it_sends()
    {
        var valid = app.Api(StoreApiApp.NorthwindAll);
        (await valid.GetAsync(StoreApiApp.Cases() + "?limit=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "valid requests use none of the refusals");

        await (await app.Api(null).GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "Missing API token: send Authorization: Bearer sk_…");
        await (await app.Api("sk_guess_000000000000000001").GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "Invalid API token");
        await (await app.Api("not-even-a-secret").GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "Invalid API token");

        var limited = await app.Api("sk_guess_000000000000000002").GetAsync(StoreApiApp.Cases(), Ct);
        await limited.ShouldFailAsync(HttpStatusCode.TooManyRequests,
            "Too many requests without a valid API token from this address; retry after the time in the Retry-After header");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        // The address waits out the window before anything is looked up, even with a good token.
        await (await valid.GetAsync(StoreApiApp.Cases() + "?limit=1", Ct)).ShouldFailAsync(HttpStatusCode.TooManyRequests);
    }
}

/// <summary>A refused secret costs one database lookup, not one per request.</summary>
public class StoreApiRefusalMemoryTests(StoreApiRefusalMemoryTests.CountingApp app) : IClassFixture<StoreApiRefusalMemoryTests.CountingApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The real host, with EF Core's own log of every SQL command it runs kept for the test.</summary>
    public sealed class CountingApp : StoreApiApp
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CommandLog(Commands))
                .AddFilter<CommandLog>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
        }
    }

    [Fact]
    public async Task An_unknown_or_revoked_secret_is_looked_up_once_then_answered_from_memory()
    {
        var unknown = app.Api("sk_unknown_secret_0000000000000001");
        var revokedSecret = await RevokedTokenAsync();
        var revoked = app.Api(revokedSecret);
        var before = TokenLookups();
        for (var i = 0; i < 5; i++)
        {
            await (await unknown.GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "Invalid API token");
            await (await revoked.GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "API token has been revoked");
        }
        (TokenLookups() - before).ShouldBe(2, "one lookup per refused secret");

        // A valid token is still checked on every request, so revoking one takes effect at once.
        var valid = app.Api(StoreApiApp.NorthwindReadOnly);
        before = TokenLookups();
        for (var i = 0; i < 3; i++) (await valid.GetAsync(StoreApiApp.Cases() + "?limit=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (TokenLookups() - before).ShouldBe(3);
    }

    private int TokenLookups() => app.Commands.Count(c => c.Contains("FROM \"ApiTokens\"", StringComparison.Ordinal) && c.Contains("SecretHash", StringComparison.Ordinal));

    private async Task<string> RevokedTokenAsync()
    {
        var secret = Dashboard.Web.Features.Api.ApiTokenService.NewSecret();
        await using var db = app.Db();
        db.ApiTokens.Add(new Dashboard.Data.Entities.ApiToken
        {
            StoreId = StoreApiApp.Northwind, Name = "Revoked", Prefix = secret[..12], SecretHash = Dashboard.Web.Features.Api.ApiTokenService.Hash(secret),
            Scopes = Dashboard.Data.Entities.ApiScopes.CasesRead, CreatedAt = DateTime.UtcNow, RevokedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return secret;
    }

    private sealed class CommandLog(ConcurrentQueue<string> commands) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(commands);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> commands) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                commands.Enqueue(formatter(state, exception));
        }
    }
}
