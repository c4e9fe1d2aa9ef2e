using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>
/// The support-cases API's OpenAPI document, <c>/support-cases/openapi.json</c>: a document of its own because
/// its conventions (lowercase enums, <c>{data, meta}</c>, UUIDs) are not the Store API v2's. Listed on <c>/api-docs</c>.
/// </summary>
public static class SupportCaseApi
{
    public const string DocumentName = "support-cases";

    public static void AddSupportCaseOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == DocumentName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Support cases API", Version = "v1",
                    Description = "The store's own requests to " + CaseWorkflow.SupportBrand + ". Authenticate with a store API token (scopes TICKETS_READ, TICKETS_WRITE): Authorization: Bearer sk_…",
                };
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "sk_ secret",
                    Description = "Store API token with TICKETS_READ and/or TICKETS_WRITE.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo is { } property && WireEnums.TryGetValue((property.DeclaringType, property.Name), out var names))
                    schema.Enum = names.Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)).ToList();
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, ct) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRequestBody>().FirstOrDefault() is not { } body) return;
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                    },
                };
            });
        });

    private static IReadOnlyList<string> Wire<T>(IEnumerable<T> values) where T : struct, Enum => [.. values.Select(LowerWireNames.ToWire)];

    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> WireEnums = new()
    {
        [(typeof(ApiSupportCase), "category")] = Wire(TicketVocabulary.Categories),
        [(typeof(ApiSupportCaseDetail), "category")] = Wire(TicketVocabulary.Categories),
        [(typeof(CreateSupportCaseRequest), "category")] = Wire(TicketVocabulary.Categories),
        [(typeof(ApiSupportCase), "severity")] = Wire(TicketVocabulary.Severities),
        [(typeof(ApiSupportCaseDetail), "severity")] = Wire(TicketVocabulary.Severities),
        [(typeof(CreateSupportCaseRequest), "severity")] = Wire(TicketVocabulary.Severities),
        [(typeof(ApiSupportCase), "status")] = Wire(TicketVocabulary.Statuses),
        [(typeof(ApiSupportCaseDetail), "status")] = Wire(TicketVocabulary.Statuses),
        [(typeof(ApiSupportCaseReplyResult), "status")] = Wire(TicketVocabulary.Statuses),
        [(typeof(UpdateSupportCaseRequest), "status")] = ["open", "closed"],
        [(typeof(ApiSupportCaseMessage), "authorKind")] = ["merchant", "support"],
    };
}
