namespace Dashboard.Web.Features.Seed;

public static class SeedFeature
{
    /// <summary>The demo stores, accounts, tokens and files (<c>DemoData:Enabled</c>, on in Development).</summary>
    public static IServiceCollection AddSeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        services.AddTransient<DemoDataSeeder>();
        return services;
    }
}
