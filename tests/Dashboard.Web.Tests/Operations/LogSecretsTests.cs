using System.Net;
using Dashboard.Web.Tests.Api;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// What the app logs while a merchant replies through the Store API and people sign in: never the
/// message text, the API token or a password (logs go to shared systems with wider access).
/// The product's own categories log at Debug here, the rest at the host's configured levels.
/// </summary>
public class LogSecretsTests(LogSecretsTests.App app) : IClassFixture<LogSecretsTests.App>
{
    public sealed class App : StoreApiApp
    {
        public LogCapture Capture { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Dashboard", "Debug");
            builder.ConfigureLogging(l => l.AddProvider(Capture));
        }
    }

    [Fact]
    public async Task A_reply_through_the_api_and_sign_ins_leave_no_body_token_or_password_in_the_logs()
    {
        var body = "Private reply text " + Guid.NewGuid().ToString("N");
        var c = await app.AnyCaseAsync("AWAITING_MERCHANT");
        var reply = await app.Api(StoreApiApp.NorthwindAll).SendJsonAsync(HttpMethod.Post,
            $"{StoreApiApp.Cases()}/{c.GetProperty("id").GetString()}/messages", $$"""{"body":"{{body}}"}""");
        reply.StatusCode.ShouldBe(HttpStatusCode.Created);
        var wrongPassword = "Wrong-pass-" + Guid.NewGuid().ToString("N")[..12];
        (await FormClient.For(app).SignInAsync("owner@northwind.test", wrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await Security.AccountTestUsers.CreateAsync(app);
        (await FormClient.For(app).SignInAsync(user.Email!, Security.AccountTestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var lines = app.Capture.Lines;
        lines.ShouldNotBeEmpty();
        lines.Where(l => l.Contains(body, StringComparison.Ordinal)).ShouldBeEmpty("message text in the log");
        lines.Where(l => l.Contains(StoreApiApp.NorthwindAll, StringComparison.Ordinal)).ShouldBeEmpty("API token in the log");
        lines.Where(l => l.Contains(wrongPassword, StringComparison.Ordinal) || l.Contains(Security.AccountTestUsers.Password, StringComparison.Ordinal))
            .ShouldBeEmpty("password in the log");
    }
}
