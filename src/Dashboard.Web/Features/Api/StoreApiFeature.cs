using Dashboard.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OpenApi;
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
            .ValidateOnStart();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<StoreApiRateLimiter>();
        services.AddScoped<StoreApiAuthFilter>();
        services.AddScoped<IdempotencyFilter>();
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == DocumentName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Store API", Version = "v2",
                    Description = "Support cases and orders of one store. Authenticate with a store API token: Authorization: Bearer sk_…",
                };
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "sk_ secret",
                    Description = "Store API token. Use the sk_ prefixed secret key as the Bearer token.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Enums travel as strings; list their wire names in the schema.
                if (context.JsonPropertyInfo is { } property && WireEnums.TryGetValue((property.DeclaringType, property.Name), out var names))
                    schema.Enum = names.Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)).ToList();
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<ApiRequestBody>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                        },
                    };
                }
            });
        });
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
        [(typeof(PatchCaseRequest), "status")] = [.. WireNames.All<CaseStatus>().Where(n => n != "AWAITING_MERCHANT")],
    };

    private const string DocsResource = "Dashboard.Web.Features.Api.api-docs.html";
}
