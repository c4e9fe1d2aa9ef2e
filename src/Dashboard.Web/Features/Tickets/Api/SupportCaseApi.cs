using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
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
        services.AddTokenApiOpenApi(DocumentName,
            new OpenApiInfo
            {
                Title = "Support cases API", Version = "v1",
                Description = "The store's own requests to " + CaseWorkflow.SupportBrand + ". Authenticate with a store API token (scopes TICKETS_READ, TICKETS_WRITE): Authorization: Bearer sk_…",
            },
            "Store API token with TICKETS_READ and/or TICKETS_WRITE.", WireEnums);

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
