using System.Net;
using Dashboard.Data;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// Two instances behind one balancer: a person signed in on one is signed in on the other, because
/// the Data Protection keys live in the shared database under one application name. Each instance
/// here has its own data directory, so only the database is shared.
/// </summary>
public class SharedKeysTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_is_accepted_by_another_on_the_same_database()
    {
        await using var a = new OperationsApp(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _ = a.Server;
        var database = Path.Combine(a.DataDirectory, "dashboard.db");
        await using var b = new OperationsApp(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={database}" });

        var user = await AccountTestUsers.CreateAsync(a);
        var signIn = await new Infrastructure.FormClient(a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            .SignInAsync(user.Email!, AccountTestUsers.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)).Split(';')[0];

        (await CaseListStatusAsync(a, cookie)).ShouldBe(HttpStatusCode.OK);
        (await CaseListStatusAsync(b, cookie)).ShouldBe(HttpStatusCode.OK, "instance B reads instance A's cookie");

        await using var db = await a.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(Ct);
        (await db.DataProtectionKeys.CountAsync(Ct)).ShouldBe(1, "one key ring, in the database, used by both");
        var keyFiles = Path.Combine(b.DataDirectory, "keys");
        (Directory.Exists(keyFiles) ? Directory.GetFiles(keyFiles, "key-*.xml") : []).ShouldBeEmpty("no key ring of its own on disk");
    }

    [Fact]
    public async Task An_instance_on_another_database_does_not_accept_the_cookie()
    {
        await using var a = new OperationsApp(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        await using var other = new OperationsApp(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var user = await AccountTestUsers.CreateAsync(a);
        var signIn = await new Infrastructure.FormClient(a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            .SignInAsync(user.Email!, AccountTestUsers.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)).Split(';')[0];

        (await CaseListStatusAsync(other, cookie)).ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpStatusCode> CaseListStatusAsync(OperationsApp app, string cookie)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cases");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, Ct);
        if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain(AccountPaths.Login);
        return response.StatusCode;
    }
}
