using Dashboard.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.OpenApi;

namespace Dashboard.Web.Features.Api;

/// <summary>The Store API's wiring: one call for services, one for the pipeline and endpoints.</summary>
public static class StoreApiFeature
{
    public const string DocumentName = "v2";
    public const string PathPrefix = "/v2";

    public static IServiceCollection AddStoreApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreApiOptions>().BindConfiguration(StoreApiOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "StoreApi:MaxRequestBodyBytes must be positive")
            .Validate(o => o.IdempotencyRetention >= TimeSpan.FromHours(24), "StoreApi:IdempotencyRetention must be at least 24 hours")
            .Validate(o => o.IdempotencyPendingTimeout > TimeSpan.Zero && o.IdempotencyPendingTimeout < o.IdempotencyRetention,
                "StoreApi:IdempotencyPendingTimeout must be positive and shorter than the retention")
            .ValidateOnStart();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<StoreApiRateLimiter>();
        services.AddSingleton<ApiTokenGate>();
        services.AddScoped<StoreApiAuthFilter>();
        services.AddScoped<IdempotencyFilter>();
        services.AddSingleton<StoreApiAllowedMethods>();
        services.AddTokenApiOpenApi(DocumentName,
            new OpenApiInfo
            {
                Title = "Store API", Version = "v2",
                Description = "Support cases and orders of one store. Authenticate with a store API token: Authorization: Bearer sk_…",
            },
            "Store API token. Use the sk_ prefixed secret key as the Bearer token.", WireEnums);
        return services;
    }

    public static void MapStoreApi(this WebApplication app)
    {
        app.UseApiErrorEnvelope(PathPrefix);

        app.MapOpenApi("/{documentName}/openapi.json").AllowAnonymous();
        app.MapStoreApiEndpoints();
        app.MapGet("/api-docs", () => Results.Stream(
                typeof(StoreApiFeature).Assembly.GetManifestResourceStream(DocsResource)
                    ?? throw new InvalidOperationException("API docs resource missing"), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> WireEnums = new()
    {
        [(typeof(ApiCase), "status")] = WireNames.All<CaseStatus>(),
        [(typeof(ApiCaseDetail), "status")] = WireNames.All<CaseStatus>(),
        [(typeof(ApiCase), "priority")] = WireNames.All<CasePriority>(),
        [(typeof(ApiCaseDetail), "priority")] = WireNames.All<CasePriority>(),
        [(typeof(ApiCase), "lastMessageBy")] = WireNames.All<AuthorKind>(),
        [(typeof(ApiCaseDetail), "lastMessageBy")] = WireNames.All<AuthorKind>(),
        [(typeof(ApiCase), "closedBy")] = WireNames.All<AuthorKind>(),
        [(typeof(ApiCaseDetail), "closedBy")] = WireNames.All<AuthorKind>(),
        [(typeof(ApiMessage), "authorKind")] = WireNames.All<AuthorKind>(),
        [(typeof(ApiOrder), "status")] = WireNames.All<OrderStatus>(),
        [(typeof(ApiPayment), "status")] = WireNames.All<PaymentStatus>(),
        [(typeof(ApiLicense), "status")] = WireNames.All<LicenseStatus>(),
        [(typeof(PatchCaseRequest), "priority")] = WireNames.All<CasePriority>(),
        [(typeof(PatchCaseRequest), "status")] = [.. CaseWorkflow.MerchantSettableStatuses.Select(s => WireNames.ToWire(s))],
    };

    private const string DocsResource = "Dashboard.Web.Features.Api.api-docs.html";
}
