using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// One OpenAPI document for an API authenticated with store API tokens (the Store API v2, the support-cases
/// API): its endpoints by group name, a bearer scheme required everywhere, enums listed by their wire names
/// and request bodies declared with <see cref="ApiRequestBody"/>.
/// </summary>
public static class TokenApiOpenApi
{
    public static IServiceCollection AddTokenApiOpenApi(this IServiceCollection services, string documentName, OpenApiInfo info,
        string tokenDescription, IReadOnlyDictionary<(Type DeclaringType, string Property), IReadOnlyList<string>> wireEnums) =>
        services.AddOpenApi(documentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == documentName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = info;
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "sk_ secret", Description = tokenDescription,
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Enums travel as strings; list their wire names in the schema.
                if (context.JsonPropertyInfo is { } property && wireEnums.TryGetValue((property.DeclaringType, property.Name), out var names))
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
}
