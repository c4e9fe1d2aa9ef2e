using Dashboard.Web.Features.Attachments;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// Store API v2 under <c>/v2/core/stores/{storeId}</c>. Every change goes through <see cref="CaseService"/>
/// (so through <see cref="CaseWorkflow"/>), every read through <see cref="CaseQueries"/>, exactly as the dashboard.
/// </summary>
public static class StoreApiEndpoints
{
    public const int PageMax = 10_000_000;

    public static RouteGroupBuilder MapStoreApiEndpoints(this IEndpointRouteBuilder app)
    {
        var store = app.MapGroup("/v2/core/stores/{storeId}")
            .AddEndpointFilter<StoreApiAuthFilter>()
            .WithGroupName(StoreApiFeature.DocumentName)
            .WithTags("Store API")
            .ProducesProblemless(401, 403, 429);

        store.MapGet("/cases", ListCases).WithName("ListCases").WithSummary("List cases")
            .WithDescription("Cases of the store, sorted by lastMessageAt desc, then createdAt desc, then id desc. Requires CASES_READ.")
            .WithMetadata(new RequiredScope(ApiScopes.CasesRead)).ProducesApi<ApiCaseList>(200, 400);

        store.MapGet("/cases/{caseId}", GetCase).WithName("GetCase").WithSummary("Get a case with its messages")
            .WithDescription("The case object plus its timeline (messages, auto-replies and SYSTEM trail lines, oldest first; internal notes never). The ETag is the case version, usable as If-Match. Requires CASES_READ.")
            .WithMetadata(new RequiredScope(ApiScopes.CasesRead)).ProducesApi<ApiCaseDetail>(200, 400, 404);

        store.MapPatch("/cases/{caseId}", UpdateCase).WithName("UpdateCase").WithSummary("Update priority or status")
            .WithDescription("At least one of priority, status. → CLOSED from any non-closed state; → OPEN only from CLOSED; → AWAITING_CUSTOMER from any non-closed state; AWAITING_MERCHANT is refused. Optional If-Match: the case version (ETag); a stale version is 409. Requires CASES_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.CasesWrite)).WithMetadata(new ApiRequestBody(typeof(PatchCaseRequest)))
            .ProducesApi<ApiCase>(200, 400, 404, 409, 413, 415);

        store.MapPost("/cases/{caseId}/messages", PostMessage).WithName("ReplyToCase").WithSummary("Reply to the customer")
            .WithDescription("Posts a merchant reply as JSON {\"body\"} or multipart/form-data (field body, up to 5 files parts: PNG, JPEG, GIF, WebP, PDF, plain text or ZIP, checked by content, 10 MB each; too large → 413) (1–4,000 characters after trimming, an emoji counting as one; control characters other than newline and tab refused, invisible-only bodies empty, bidi overrides removed), authored as \"API: <token name>\"; the case moves to AWAITING_CUSTOMER. 201 with the message and the case. A closed case answers 400 \"Case is closed; reopen it to reply\". Idempotency-Key makes a retry safe. Requires CASES_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.CasesWrite)).AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(new ApiRequestBody(typeof(PostMessageRequest))).ProducesApi<ApiReplyResult>(201, 400, 404, 409, 413, 415, 422, 507);

        store.MapPost("/cases/{caseId}/read", MarkRead).WithName("MarkCaseRead").WithSummary("Mark a case read")
            .WithDescription("Sets unreadCount to 0 and returns the case. Idempotency-Key accepted. Requires CASES_WRITE.")
            .WithMetadata(new RequiredScope(ApiScopes.CasesWrite)).AddEndpointFilter<IdempotencyFilter>()
            .ProducesApi<ApiCase>(200, 400, 404, 409, 422);

        store.MapGet("/orders/{orderId}", GetOrder).WithName("GetOrder").WithSummary("Get order details")
            .WithDescription("Items, customer, billing address, payment, licenses and custom fields. Requires ORDERS_READ.")
            .WithMetadata(new RequiredScope(ApiScopes.OrdersRead)).ProducesApi<ApiOrder>(200, 400, 404);

        return store;
    }

    private static RouteGroupBuilder ProducesProblemless(this RouteGroupBuilder group, params int[] statuses)
    {
        foreach (var status in statuses) group.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiFail), ["application/json"]));
        return group;
    }

    internal static async Task<IResult> ListCases(string storeId, CaseQueries queries, CancellationToken ct,
        string? page = null, string? limit = null, string? status = null, string? priority = null, string? customerId = null, string? orderId = null)
    {
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber < 1 || pageNumber > PageMax))
            return ApiResult.BadRequest($"page must be an integer between 1 and {PageMax}");
        var size = Limits.PageSizeDefault;
        if (limit is not null && (!int.TryParse(limit, out size) || size < 1 || size > Limits.PageSizeMax))
            return ApiResult.BadRequest($"limit must be between 1 and {Limits.PageSizeMax}");
        CaseStatus? statusFilter = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<CaseStatus>(status, out var s)) return ApiResult.BadRequest(OneOf<CaseStatus>("status"));
            statusFilter = s;
        }
        CasePriority? priorityFilter = null;
        if (priority is not null)
        {
            if (!WireNames.TryParse<CasePriority>(priority, out var p)) return ApiResult.BadRequest(OneOf<CasePriority>("priority"));
            priorityFilter = p;
        }
        if (customerId is not null && !Ids.IsValid(customerId, Ids.Customer)) return ApiResult.BadRequest(InvalidId("customerId", Ids.Customer));
        if (orderId is not null && !Ids.IsValid(orderId, Ids.Order)) return ApiResult.BadRequest(InvalidId("orderId", Ids.Order));

        var result = await queries.ListAsync(storeId, new CaseListQuery
        {
            Status = statusFilter, Priority = priorityFilter, CustomerId = customerId, OrderId = orderId, Page = pageNumber, PageSize = size,
        }, ct);
        return ApiResult.Ok(new ApiCaseList(result.Rows.Select(ApiCase.From).ToList(),
            new ApiPagination(result.Page, result.PageSize, result.Total, result.TotalPages)));
    }

    internal static async Task<IResult> GetCase(string storeId, string caseId, HttpContext http, CaseQueries queries, AttachmentLinks links, CancellationToken ct)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        var detail = await queries.GetAsync(storeId, caseId, TimelineAudience.StoreApi, ct);
        if (detail is null) return CaseNotFound();
        var result = ApiResult.Ok(ApiCaseDetail.From(detail, links, BaseUrl(http)));
        result.Headers["ETag"] = ETag(detail.Case.Version);
        return result;
    }

    private static async Task<IResult> UpdateCase(string storeId, string caseId, HttpContext http, CaseService cases, CaseQueries queries,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        if (!TryParseIfMatch(ifMatch, out var expectedVersion)) return ApiResult.BadRequest("If-Match must be the case's ETag (its version)");
        var (body, error) = await ApiBody.ReadJsonAsync(http, new PatchCaseRequest());
        if (error is not null) return error;
        return await ApplyUpdate(storeId, caseId, body!.Priority, body.Status, expectedVersion, http, cases, queries, ct);
    }

    /// <summary>The update once its fields are read (the PATCH body, or an MCP tool's arguments).</summary>
    internal static async Task<IResult> ApplyUpdate(string storeId, string caseId, string? wirePriority, string? wireStatus, long? expectedVersion,
        HttpContext http, CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        CasePriority? priority = null;
        if (wirePriority is not null)
        {
            if (!WireNames.TryParse<CasePriority>(wirePriority, out var p)) return ApiResult.BadRequest(OneOf<CasePriority>("priority"));
            priority = p;
        }
        CaseStatus? status = null;
        if (wireStatus is not null)
        {
            if (!WireNames.TryParse<CaseStatus>(wireStatus, out var s))
                return ApiResult.BadRequest($"status must be one of {string.Join(", ", CaseWorkflow.MerchantSettableStatuses.Select(s => WireNames.ToWire(s)))}");
            status = s;
        }

        var caller = http.ApiCaller();
        var answer = new InTransactionAnswer(http, CaseAnswerAsync);
        var outcome = await cases.UpdateAsync(storeId, caseId, Actor.Merchant(caller.AuthorName), priority, status, expectedVersion, answer.Hook, ct);
        return await CaseAnswer(outcome, answer, storeId, caseId, queries, ct);
    }

    private static async Task<IResult> PostMessage(string storeId, string caseId, HttpContext http, CaseService cases,
        AttachmentIntake intake, AttachmentLinks links,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        _ = idempotencyKey; // handled by IdempotencyFilter; declared for the OpenAPI document
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        var caller = http.ApiCaller();
        var author = Actor.Merchant(caller.AuthorName);

        // The answer is built inside the reply's transaction (and recorded there for an Idempotency-Key).
        var answer = new InTransactionAnswer(http, (db, change, token) => ReplyAnswerAsync(db, change, links, BaseUrl(http), token));
        CaseResult outcome;
        if (AttachmentIntake.IsMultipart(http.Request))
        {
            // multipart/form-data: field "body" plus up to 5 "files" parts, checked by content as they
            // stream in (never buffered whole); a refusal leaves nothing stored.
            var read = await intake.ReadMultipartAsync(http.Request, ct);
            if (!read.Succeeded) return read.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => ApiResult.TooLarge(read.Error!),
                StatusCodes.Status507InsufficientStorage => ApiResult.Error(read.Status, "STORAGE_FULL", read.Error!),
                _ => ApiResult.BadRequest(read.Error!),
            };
            try
            {
                outcome = await cases.ReplyAsync(storeId, caseId, author, read.Body, read.Files, inTransaction: answer.Hook, ct: ct);
            }
            catch
            {
                await intake.DiscardAsync(read); // staged bytes never outlive a reply that failed
                throw;
            }
            if (!outcome.Succeeded) await intake.DiscardAsync(read);
        }
        else
        {
            var (body, error) = await ApiBody.ReadJsonAsync(http, new PostMessageRequest(), "application/json or multipart/form-data");
            if (error is not null) return error;
            outcome = await cases.ReplyAsync(storeId, caseId, author, body!.Body, inTransaction: answer.Hook, ct: ct);
        }
        return ReplyAnswer(outcome, answer);
    }

    /// <summary>A text reply without files, from its body (an MCP tool's argument).</summary>
    internal static async Task<IResult> ApplyReply(string storeId, string caseId, string? body, HttpContext http, CaseService cases, AttachmentLinks links, CancellationToken ct)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        var answer = new InTransactionAnswer(http, (db, change, token) => ReplyAnswerAsync(db, change, links, BaseUrl(http), token));
        var outcome = await cases.ReplyAsync(storeId, caseId, Actor.Merchant(http.ApiCaller().AuthorName), body, inTransaction: answer.Hook, ct: ct);
        return ReplyAnswer(outcome, answer);
    }

    private static IResult ReplyAnswer(CaseResult outcome, InTransactionAnswer answer) => outcome.Succeeded
        ? answer.Answer ?? throw new InvalidOperationException("A reply always commits a change, so its answer was built in the transaction")
        : Failure(outcome);

    private static async Task<ApiResult> ReplyAnswerAsync(DashboardDbContext db, CaseResult change, AttachmentLinks links, string baseUrl, CancellationToken ct)
    {
        var result = ApiResult.Ok(new ApiReplyResult(ApiMessage.From(change.Message!, links, baseUrl), await ApiCaseAsync(db, change, ct)),
            StatusCodes.Status201Created);
        result.Headers["Location"] = $"/v2/core/stores/{change.Case!.StoreId}/cases/{change.Case.Id}";
        result.Headers["ETag"] = ETag(change.Case.Version);
        return result;
    }

    private static async Task<ApiResult> CaseAnswerAsync(DashboardDbContext db, CaseResult change, CancellationToken ct)
    {
        var result = ApiResult.Ok(await ApiCaseAsync(db, change, ct));
        result.Headers["ETag"] = ETag(change.Case!.Version);
        return result;
    }

    /// <summary>The case as the change left it, read on the change's own connection (the customer came with the case; the order is read here).</summary>
    private static async Task<ApiCase> ApiCaseAsync(DashboardDbContext db, CaseResult change, CancellationToken ct)
    {
        var supportCase = change.Case!;
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == supportCase.OrderId, ct);
        return ApiCase.From(supportCase, supportCase.Customer, order);
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static Task<IResult> MarkRead(string storeId, string caseId, HttpContext http, CaseService cases, CaseQueries queries,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        _ = idempotencyKey;
        return ApplyMarkRead(storeId, caseId, http, cases, queries, ct);
    }

    internal static async Task<IResult> ApplyMarkRead(string storeId, string caseId, HttpContext http, CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return ApiResult.BadRequest(InvalidId("caseId", Ids.Case));
        var answer = new InTransactionAnswer(http, CaseAnswerAsync);
        return await CaseAnswer(await cases.MarkReadAsync(storeId, caseId, answer.Hook, ct), answer, storeId, caseId, queries, ct);
    }

    internal static async Task<IResult> GetOrder(string storeId, string orderId, IDbContextFactory<DashboardDbContext> dbFactory, CancellationToken ct)
    {
        if (!Ids.IsValid(orderId, Ids.Order)) return ApiResult.BadRequest(InvalidId("orderId", Ids.Order));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Customer).Include(o => o.Items).Include(o => o.Licenses)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId && o.StoreId == storeId, ct);
        return order is null ? ApiResult.NotFound("Order not found") : ApiResult.Ok(ApiOrder.From(order));
    }

    /// <summary>The answer built in the change's transaction; when nothing needed changing (no transaction), the case as it stands.</summary>
    private static async Task<IResult> CaseAnswer(CaseResult outcome, InTransactionAnswer answer, string storeId, string caseId, CaseQueries queries, CancellationToken ct)
    {
        if (!outcome.Succeeded) return Failure(outcome);
        if (answer.Answer is { } built) return built;
        var row = await queries.GetRowAsync(storeId, caseId, ct);
        if (row is null) return CaseNotFound();
        var result = ApiResult.Ok(ApiCase.From(row));
        result.Headers["ETag"] = ETag(outcome.Case!.Version);
        return result;
    }

    private static ApiResult Failure(CaseResult outcome) => outcome.Outcome switch
    {
        CaseOutcome.NotFound => CaseNotFound(),
        CaseOutcome.Refused or CaseOutcome.Invalid => ApiResult.BadRequest(outcome.Error ?? "Refused"),
        CaseOutcome.Forbidden => ApiResult.Forbidden(outcome.Error ?? "Forbidden"),
        CaseOutcome.Conflict => ApiResult.Conflict("The case was changed by another request at the same time; fetch it again and retry"),
        CaseOutcome.StorageFull => ApiResult.Error(StatusCodes.Status507InsufficientStorage, "STORAGE_FULL", outcome.Error!),
        CaseOutcome.Ok => throw new InvalidOperationException("Not a failure"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Outcome, null),
    };

    private static ApiResult CaseNotFound() => ApiResult.NotFound("Case not found");

    private static string ETag(long version) => $"\"{version}\"";

    private static bool TryParseIfMatch(string? header, out long? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header)) return true;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (long.TryParse(value.Trim('"'), out var v) && v >= 0) { version = v; return true; }
        return false;
    }

    private static string OneOf<T>(string field) where T : struct, Enum => $"{field} must be one of {string.Join(", ", WireNames.All<T>())}";

    private static string InvalidId(string field, string prefix) => $"{field} is not a valid id ({prefix}…, {Ids.MinLength}–{Ids.MaxLength} characters)";
}
