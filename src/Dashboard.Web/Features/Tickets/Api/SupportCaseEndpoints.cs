using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>
/// The store's platform support tickets under <c>/api/v1/support-cases</c>, the YNS support-cases contract:
/// lowercase enums, UUID ids plus a number per store, <c>{data, meta}</c> on the list and bare objects
/// otherwise. Authenticated like the Store API (the store's <c>sk_</c> token, rate limit, scopes
/// TICKETS_READ / TICKETS_WRITE); the store is the token's. Errors use the Store API's error envelope
/// <c>{"ok": false, "error": {"code", "message"}}</c>, the message naming the field.
/// Every change goes through <see cref="TicketService"/>, every read through <see cref="TicketQueries"/>.
/// </summary>
public static class SupportCaseEndpoints
{
    public const string Path = "/api/v1/support-cases";
    public const int QueryMax = 200;

    public static readonly string KeyError = $"idOrNumber must be a case UUID or number (42, 000042 or #000042)";

    public static RouteGroupBuilder MapSupportCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path)
            .AddEndpointFilter<StoreApiAuthFilter>()
            .WithGroupName(SupportCaseApi.DocumentName)
            .WithTags("Support cases");
        foreach (var status in new[] { 401, 403, 429 })
            group.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiFail), ["application/json"]));

        group.MapGet("", ListAsync).WithName("ListSupportCases").WithSummary("List support cases")
            .WithDescription("The store's support cases, newest activity first. limit 1–100 (default 10), offset ≥ 0 (default 0), query over subject and number, status open/answered/closed/all, severity critical/high/normal/low/all. meta.count is the number of cases matching the filters in all. Requires TICKETS_READ.")
            .WithMetadata(new RequiredScope(ApiScopes.TicketsRead))
            .Produces<ApiSupportCaseList>(200, "application/json").Produces<ApiFail>(400, "application/json");

        group.MapPost("", CreateAsync).WithName("CreateSupportCase").WithSummary("Create a support case")
            .WithDescription("Opens a support case: body 10–10,000 characters; subject 3–200 (generated from the first words of the body when omitted); category (default other); severity (default normal); author label 1–120 (default API). 201 with the case. Idempotency-Key makes a retry safe. Requires TICKETS_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.TicketsWrite), new ApiRequestBody(typeof(CreateSupportCaseRequest)))
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces<ApiSupportCase>(201, "application/json").Produces<ApiFail>(400, "application/json")
            .Produces<ApiFail>(409, "application/json").Produces<ApiFail>(413, "application/json").Produces<ApiFail>(422, "application/json");

        group.MapGet("/{idOrNumber}", GetAsync).WithName("GetSupportCase").WithSummary("Get a support case with its messages")
            .WithDescription("The case and its message thread, oldest first. idOrNumber: the UUID or the number (42, 000042 or #000042). Requires TICKETS_READ.")
            .WithMetadata(new RequiredScope(ApiScopes.TicketsRead))
            .Produces<ApiSupportCaseDetail>(200, "application/json").Produces<ApiFail>(400, "application/json").Produces<ApiFail>(404, "application/json");

        group.MapPatch("/{idOrNumber}", UpdateAsync).WithName("UpdateSupportCase").WithSummary("Reopen or close a support case")
            .WithDescription("status open (only a closed case reopens) or closed (an open or answered case). answered is set by support only and is refused. Requires TICKETS_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.TicketsWrite), new ApiRequestBody(typeof(UpdateSupportCaseRequest)))
            .Produces<ApiSupportCase>(200, "application/json").Produces<ApiFail>(400, "application/json")
            .Produces<ApiFail>(404, "application/json").Produces<ApiFail>(409, "application/json").Produces<ApiFail>(413, "application/json");

        group.MapPost("/{idOrNumber}/messages", ReplyAsync).WithName("AddSupportCaseReply").WithSummary("Add a reply")
            .WithDescription("Adds a merchant reply (body 1–10,000 characters; author label 1–120, default API). Replying to an answered or closed case reopens it. 201 with the message and the case's status. Idempotency-Key makes a retry safe. Requires TICKETS_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.TicketsWrite), new ApiRequestBody(typeof(AddSupportCaseMessageRequest)))
            .AddEndpointFilter<IdempotencyFilter>()
            .Produces<ApiSupportCaseReplyResult>(201, "application/json").Produces<ApiFail>(400, "application/json")
            .Produces<ApiFail>(404, "application/json").Produces<ApiFail>(409, "application/json").Produces<ApiFail>(413, "application/json").Produces<ApiFail>(422, "application/json");

        return group;
    }

    internal static async Task<IResult> ListAsync(HttpContext http, TicketQueries queries, CancellationToken ct,
        string? limit = null, string? offset = null, string? query = null, string? status = null, string? severity = null)
    {
        var size = TicketLimits.PageSizeDefault;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > TicketLimits.PageSizeMax))
            return ApiResult.BadRequest($"limit must be an integer from 1 to {TicketLimits.PageSizeMax}");
        var skip = 0;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            return ApiResult.BadRequest("offset must be an integer of 0 or more");
        if (query is { Length: > QueryMax }) return ApiResult.BadRequest($"query must be at most {QueryMax} characters");
        if (!TryFilter<TicketStatus>(status, out var statusFilter)) return ApiResult.BadRequest(OneOf("status", TicketVocabulary.Statuses, orAll: true));
        if (!TryFilter<TicketSeverity>(severity, out var severityFilter)) return ApiResult.BadRequest(OneOf("severity", TicketVocabulary.Severities, orAll: true));

        var page = await queries.ListAsync(http.ApiCaller().StoreId, new TicketListQuery(statusFilter, severityFilter, query, skip, size), ct);
        return Json(200, new ApiSupportCaseList(page.Rows.Select(ApiSupportCase.From).ToList(), new ApiSupportCaseListMeta(page.Total, skip, size)));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TicketService tickets,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        _ = idempotencyKey; // handled by IdempotencyFilter; declared for the OpenAPI document
        var (body, error) = await ApiBody.ReadJsonAsync(http, new CreateSupportCaseRequest());
        if (error is not null) return error;
        return await ApplyCreate(http, tickets, body!, ct);
    }

    /// <summary>Opening a ticket once its fields are read (the POST body, or an MCP tool's arguments).</summary>
    internal static async Task<IResult> ApplyCreate(HttpContext http, TicketService tickets, CreateSupportCaseRequest body, CancellationToken ct)
    {
        TicketCategory? category = null;
        if (body.Category is not null)
        {
            if (!LowerWireNames.TryParse<TicketCategory>(body.Category, out var c)) return ApiResult.BadRequest(OneOf("category", TicketVocabulary.Categories));
            category = c;
        }
        TicketSeverity? severity = null;
        if (body.Severity is not null)
        {
            if (!LowerWireNames.TryParse<TicketSeverity>(body.Severity, out var s)) return ApiResult.BadRequest(OneOf("severity", TicketVocabulary.Severities));
            severity = s;
        }

        var caller = http.ApiCaller();
        var outcome = await tickets.OpenAsync(caller.StoreId, ApiAuthor(body.Author), new TicketDraft(body.Body, body.Subject, category, severity), ct: ct);
        if (!outcome.Succeeded) return Failure(outcome);
        var result = Json(201, ApiSupportCase.From(outcome.Ticket!));
        result.Headers["Location"] = $"{Path}/{outcome.Ticket!.Id:D}";
        return result;
    }

    internal static async Task<IResult> GetAsync(string idOrNumber, HttpContext http, TicketQueries queries, AttachmentLinks links, CancellationToken ct)
    {
        if (!TicketKey.TryParse(idOrNumber, out var key)) return ApiResult.BadRequest(KeyError);
        var thread = await queries.GetAsync(http.ApiCaller().StoreId, key, ct);
        return thread is null ? NotFound() : Json(200, ApiSupportCaseDetail.From(thread, links, BaseUrl(http)));
    }

    private static async Task<IResult> UpdateAsync(string idOrNumber, HttpContext http, TicketService tickets, CancellationToken ct)
    {
        if (!TicketKey.TryParse(idOrNumber, out var key)) return ApiResult.BadRequest(KeyError);
        var (body, error) = await ApiBody.ReadJsonAsync(http, new UpdateSupportCaseRequest());
        if (error is not null) return error;
        return await ApplyStatus(idOrNumber, body!.Status, http, tickets, ct);
    }

    /// <summary>Reopening or closing once the status is read (the PATCH body, or an MCP tool's argument).</summary>
    internal static async Task<IResult> ApplyStatus(string idOrNumber, string? status, HttpContext http, TicketService tickets, CancellationToken ct)
    {
        if (!TicketKey.TryParse(idOrNumber, out var key)) return ApiResult.BadRequest(KeyError);
        if (status is null) return ApiResult.BadRequest("status is required: open or closed");
        if (!LowerWireNames.TryParse<TicketStatus>(status, out var target)) return ApiResult.BadRequest("status must be open or closed");

        var outcome = await tickets.SetStatusAsync(http.ApiCaller().StoreId, key, ApiAuthor(null), target.Value, ct: ct);
        return outcome.Succeeded ? Json(200, ApiSupportCase.From(outcome.Ticket!)) : Failure(outcome);
    }

    private static async Task<IResult> ReplyAsync(string idOrNumber, HttpContext http, TicketService tickets, AttachmentLinks links,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        _ = idempotencyKey;
        if (!TicketKey.TryParse(idOrNumber, out var key)) return ApiResult.BadRequest(KeyError);
        var (body, error) = await ApiBody.ReadJsonAsync(http, new AddSupportCaseMessageRequest());
        if (error is not null) return error;
        return await ApplyReply(idOrNumber, body!.Body, body.Author, http, tickets, links, ct);
    }

    /// <summary>A reply once its fields are read (the POST body, or an MCP tool's arguments).</summary>
    internal static async Task<IResult> ApplyReply(string idOrNumber, string? text, string? author, HttpContext http, TicketService tickets,
        AttachmentLinks links, CancellationToken ct)
    {
        if (!TicketKey.TryParse(idOrNumber, out var key)) return ApiResult.BadRequest(KeyError);
        var outcome = await tickets.ReplyAsync(http.ApiCaller().StoreId, key, ApiAuthor(author), text, ct: ct);
        if (!outcome.Succeeded) return Failure(outcome);
        var result = Json(201, new ApiSupportCaseReplyResult(ApiSupportCaseMessage.From(outcome.Message!, links, BaseUrl(http)),
            LowerWireNames.ToWire(outcome.Ticket!.Status)));
        result.Headers["Location"] = $"{Path}/{outcome.Ticket.Id:D}";
        return result;
    }

    /// <summary>The label of an API message: the caller's <c>author</c>, else "API". Checked (1–120) by the service.</summary>
    private static Actor ApiAuthor(string? author) => Actor.Merchant(author ?? TicketLimits.DefaultApiAuthor);

    private static ApiResult Json(int status, object body) => new(status, body);

    private static ApiResult NotFound() => ApiResult.NotFound("Support case not found");

    private static ApiResult Failure(TicketResult outcome) => outcome.Outcome switch
    {
        TicketOutcome.NotFound => NotFound(),
        TicketOutcome.Invalid or TicketOutcome.Refused => ApiResult.BadRequest(outcome.Error ?? "Refused"),
        TicketOutcome.Conflict => ApiResult.Conflict("The support case was changed by another request at the same time; fetch it again and retry"),
        TicketOutcome.Forbidden => ApiResult.Forbidden(outcome.Error ?? "Forbidden"),
        TicketOutcome.Ok => throw new InvalidOperationException("Not a failure"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Outcome, null),
    };

    /// <summary>Absent or <c>all</c>: no filter. Otherwise the exact lowercase name.</summary>
    private static bool TryFilter<T>(string? wire, out T? value) where T : struct, Enum
    {
        value = null;
        if (wire is null || wire == "all") return true;
        return LowerWireNames.TryParse(wire, out value);
    }

    private static string OneOf<T>(string field, IEnumerable<T> values, bool orAll = false) where T : struct, Enum =>
        orAll ? $"{field} must be one of {string.Join(", ", values.Select(LowerWireNames.ToWire))} or all"
              : $"{field} must be one of {TicketVocabulary.WireList(values)}";

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
