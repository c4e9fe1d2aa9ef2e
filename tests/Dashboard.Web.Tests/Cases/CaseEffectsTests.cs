using Dashboard.Domain;
using Dashboard.Web.Features.Cases.Effects;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Cases;

/// <summary>An effect the state machine emits and nothing performs is a bug no other test sees.</summary>
public class CaseEffectsTests
{
    [Fact]
    public async Task Every_case_effect_flag_has_exactly_one_handler_in_the_host()
    {
        await using var services = HostServices();
        var handlers = services.GetServices<ICaseEffectHandler>().ToList();

        foreach (var flag in Enum.GetValues<CaseEffects>().Where(f => f != CaseEffects.None))
            handlers.Count(h => h.Effect == flag).ShouldBe(1, $"case effect {flag} needs exactly one handler");
        Should.NotThrow(() => services.GetRequiredService<CaseEffectHandlers>());
    }

    [Fact]
    public void Every_effect_handler_class_of_the_product_is_registered_in_the_host()
    {
        var classes = typeof(DashboardHost).Assembly.GetTypes()
            .Where(t => typeof(ICaseEffectHandler).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        var builder = Builder();

        var registered = builder.Services.Where(d => d.ServiceType == typeof(ICaseEffectHandler)).Select(d => d.ImplementationType).ToList();

        registered.ShouldBe(classes, ignoreOrder: true);
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_an_effect_of_the_state_machine_has_no_handler()
    {
        var builder = Builder();
        var closingEmail = builder.Services.Single(d => d.ImplementationType == typeof(SendAutoClosedNoticeHandler));
        builder.Services.Remove(closingEmail);
        await using var app = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => app.PrepareDatabaseAsync());

        error.Message.ShouldBe($"No handler for case effect(s): {CaseEffects.SendAutoClosedNotice}");
    }

    [Fact]
    public void The_registry_refuses_to_start_when_a_flag_has_no_handler()
    {
        var emails = TestDatabase.NewCaseEmails();

        var error = Should.Throw<InvalidOperationException>(() =>
            new CaseEffectHandlers([new NotifyMerchantHandler(emails), new EmailCustomerHandler(emails)]));

        error.Message.ShouldContain(nameof(CaseEffects.SendAutoReply));
    }

    [Fact]
    public void The_registry_refuses_two_handlers_for_one_flag()
    {
        var emails = TestDatabase.NewCaseEmails();

        Should.Throw<InvalidOperationException>(() => new CaseEffectHandlers([
            new NotifyMerchantHandler(emails), new EmailCustomerHandler(emails), new SendAutoReplyHandler(emails), new SendAutoReplyHandler(emails),
        ])).Message.ShouldContain("More than one handler");
    }

    [Fact]
    public void Each_product_service_is_registered_once()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Dashboard:DataDirectory"] = Path.Combine(Path.GetTempPath(), "dashboard-tests", "wiring-" + Guid.NewGuid().ToString("N"));
        builder.AddDashboard();
        // Several registrations are the point for these: one per handler / hosted service.
        Type[] many = [typeof(ICaseEffectHandler), typeof(Microsoft.Extensions.Hosting.IHostedService), typeof(Microsoft.AspNetCore.Authorization.IAuthorizationHandler)];

        var twice = builder.Services
            .Where(d => d.ServiceType.Assembly == typeof(DashboardHost).Assembly && !many.Contains(d.ServiceType))
            .GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => g.Key.Name).ToList();

        twice.ShouldBeEmpty();
    }

    private static ServiceProvider HostServices() => Builder().Services.BuildServiceProvider();

    private static WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Dashboard:DataDirectory"] = Path.Combine(Path.GetTempPath(), "dashboard-tests", "wiring-" + Guid.NewGuid().ToString("N"));
        builder.AddDashboard();
        return builder;
    }
}
