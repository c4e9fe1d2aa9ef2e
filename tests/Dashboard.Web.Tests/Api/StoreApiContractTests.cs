using System.Net;
using System.Text.Json;
using static Dashboard.Web.Tests.Api.StoreApiHttp;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// The wire shapes, property for property and in order, as the reference (pandabase cases list/update,
/// order details) documents them: every field present, absent values as null, times ISO-8601 UTC "Z".
/// </summary>
public class StoreApiContractTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    // name:kind — s string, s? string or null, t time, t? time or null, n integer, b boolean, o object, o? object or null, a array
    internal static readonly string[] CaseShape =
    [
        "id:s", "subject:s", "status:s", "priority:s", "orderId:s", "customerId:s", "lastMessageAt:t", "lastMessageBy:s",
        "unreadCount:n", "escalated:b", "closedAt:t?", "closedBy:s?", "createdAt:t", "updatedAt:t", "customer:o", "order:o",
    ];
    internal static readonly string[] CaseCustomerShape = ["id:s", "email:s", "firstName:s?", "lastName:s?"];
    internal static readonly string[] CaseOrderShape = ["id:s", "orderNumber:s", "amount:n", "currency:s"];
    internal static readonly string[] PaginationShape = ["page:n", "limit:n", "total:n", "totalPages:n"];
    internal static readonly string[] MessageShape = ["id:s", "authorKind:s", "authorName:s", "body:s", "attachments:a", "createdAt:t"];
    internal static readonly string[] OrderShape =
    [
        "id:s", "orderNumber:s", "status:s", "amount:n", "currency:s", "gateway:s?", "discounted:b", "discountCode:s?",
        "customFields:o", "returnUrl:s?", "items:a", "customer:o", "billingAddress:o?", "payment:o?", "licenses:a", "createdAt:t", "updatedAt:t",
    ];
    internal static readonly string[] OrderItemShape = ["id:s", "productId:s", "variantId:s?", "name:s", "quantity:n", "price:n"];
    internal static readonly string[] OrderCustomerShape = ["id:s", "email:s", "firstName:s?", "lastName:s?", "guest:b"];
    internal static readonly string[] AddressShape = ["id:s", "addressLine1:s?", "addressLine2:s?", "city:s?", "state:s?", "postalCode:s?", "country:s?"];
    internal static readonly string[] PaymentShape =
    [
        "id:s", "referenceId:s?", "amount:n", "discountAmount:n", "platformFeeAmount:n", "pspFeeAmount:n", "taxAmount:n",
        "totalAmount:n", "settledAmount:n", "status:s", "pspProvider:s?", "couponCode:s?", "taxId:s?", "createdAt:t",
    ];
    internal static readonly string[] LicenseShape = ["id:s", "key:s", "status:s", "productId:s", "variantId:s?", "claimedAt:t?"];

    internal static void ShouldHaveShape(JsonElement element, string[] shape, params string[] extra)
    {
        element.ValueKind.ShouldBe(JsonValueKind.Object);
        var names = element.EnumerateObject().Select(p => p.Name).ToArray();
        names.ShouldBe(shape.Select(s => s.Split(':')[0]).Concat(extra).ToArray(), "property names and order as the reference");
        foreach (var field in shape)
        {
            var (name, kind) = (field.Split(':')[0], field.Split(':')[1]);
            var value = element.GetProperty(name);
            var nullable = kind.EndsWith('?');
            if (nullable && value.ValueKind == JsonValueKind.Null) continue;
            switch (kind.TrimEnd('?'))
            {
                case "s": value.ValueKind.ShouldBe(JsonValueKind.String, name); break;
                case "n": value.ValueKind.ShouldBe(JsonValueKind.Number, name); value.TryGetInt64(out _).ShouldBeTrue(name + " is an integer"); break;
                case "b": value.ValueKind.ShouldBeOneOf([JsonValueKind.True, JsonValueKind.False], name); break;
                case "o": value.ValueKind.ShouldBe(JsonValueKind.Object, name); break;
                case "a": value.ValueKind.ShouldBe(JsonValueKind.Array, name); break;
                case "t":
                    value.ValueKind.ShouldBe(JsonValueKind.String, name);
                    value.GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", name + " is ISO-8601 UTC in whole seconds, as the reference shows");
                    break;
                default: throw new InvalidOperationException(kind);
            }
        }
    }

    internal static void ShouldBeCase(JsonElement c, params string[] extra)
    {
        ShouldHaveShape(c, CaseShape, extra);
        ShouldHaveShape(c.GetProperty("customer"), CaseCustomerShape);
        ShouldHaveShape(c.GetProperty("order"), CaseOrderShape);
        c.GetProperty("status").GetString().ShouldBeOneOf("OPEN", "AWAITING_CUSTOMER", "AWAITING_MERCHANT", "CLOSED");
        c.GetProperty("priority").GetString().ShouldBeOneOf("LOW", "NORMAL", "HIGH", "URGENT");
        c.GetProperty("lastMessageBy").GetString().ShouldBeOneOf("CUSTOMER", "MERCHANT", "SUPPORT", "SYSTEM");
        c.GetProperty("customer").GetProperty("id").GetString().ShouldBe(c.GetProperty("customerId").GetString());
        c.GetProperty("order").GetProperty("id").GetString().ShouldBe(c.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task List_has_the_reference_shape_with_nulls_present()
    {
        var root = await app.Api(StoreApiApp.NorthwindAll).GetJsonAsync(StoreApiApp.Cases() + "?limit=100", HttpStatusCode.OK);
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["ok", "data"]);
        var data = root.GetProperty("data");
        ShouldHaveShape(data, ["items:a", "pagination:o"]);
        ShouldHaveShape(data.GetProperty("pagination"), PaginationShape);
        var items = data.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(100);
        foreach (var item in items) ShouldBeCase(item);
        // The demo data has open cases: their closedAt/closedBy are written as null, not left out.
        items.ShouldContain(i => i.GetProperty("closedAt").ValueKind == JsonValueKind.Null && i.GetProperty("closedBy").ValueKind == JsonValueKind.Null);
        items.ShouldContain(i => i.GetProperty("closedBy").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task List_is_sorted_by_last_message_then_created_then_id_and_pages_do_not_overlap()
    {
        var client = app.Api(StoreApiApp.NorthwindAll);
        var all = new List<JsonElement>();
        JsonElement pagination = default;
        for (var page = 1; page <= 3; page++)
        {
            var data = (await client.GetJsonAsync($"{StoreApiApp.Cases()}?limit=50&page={page}", HttpStatusCode.OK)).GetProperty("data");
            all.AddRange(data.GetProperty("items").EnumerateArray());
            pagination = data.GetProperty("pagination");
        }
        var total = pagination.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(130);
        pagination.GetProperty("totalPages").GetInt32().ShouldBe((total + 49) / 50);
        all.Select(c => c.GetProperty("id").GetString()).Distinct().Count().ShouldBe(Math.Min(total, 150));
        var keys = all.Select(c => (c.GetProperty("lastMessageAt").GetString()!, c.GetProperty("createdAt").GetString()!, c.GetProperty("id").GetString()!)).ToList();
        keys.ShouldBe(keys.OrderByDescending(k => k.Item1, StringComparer.Ordinal).ThenByDescending(k => k.Item2, StringComparer.Ordinal)
            .ThenByDescending(k => k.Item3, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("status", "AWAITING_MERCHANT")]
    [InlineData("status", "CLOSED")]
    [InlineData("priority", "URGENT")]
    public async Task List_filters_by_status_and_priority(string field, string value)
    {
        var data = (await app.Api(StoreApiApp.NorthwindAll).GetJsonAsync($"{StoreApiApp.Cases()}?{field}={value}&limit=100", HttpStatusCode.OK)).GetProperty("data");
        var items = data.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty(field).GetString() == value);
        data.GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(items.Count);
    }

    [Fact]
    public async Task List_filters_by_customer_and_order()
    {
        var some = await app.AnyCaseAsync("CLOSED");
        var client = app.Api(StoreApiApp.NorthwindAll);
        var customerId = some.GetProperty("customerId").GetString();
        var byCustomer = (await client.GetJsonAsync($"{StoreApiApp.Cases()}?customerId={customerId}", HttpStatusCode.OK)).GetProperty("data").GetProperty("items");
        byCustomer.EnumerateArray().ShouldAllBe(i => i.GetProperty("customerId").GetString() == customerId);
        byCustomer.EnumerateArray().ShouldContain(i => i.GetProperty("id").GetString() == some.GetProperty("id").GetString());
        var orderId = some.GetProperty("orderId").GetString();
        var byOrder = (await client.GetJsonAsync($"{StoreApiApp.Cases()}?orderId={orderId}", HttpStatusCode.OK)).GetProperty("data").GetProperty("items");
        byOrder.EnumerateArray().ShouldAllBe(i => i.GetProperty("orderId").GetString() == orderId);
        byOrder.GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Case_detail_is_the_case_object_plus_messages()
    {
        var some = await app.AnyCaseAsync("CLOSED");
        var response = await app.Api(StoreApiApp.NorthwindReadOnly).GetAsync($"{StoreApiApp.Cases()}/{some.GetProperty("id").GetString()}", Xunit.TestContext.Current.CancellationToken);
        response.Headers.ETag.ShouldNotBeNull();
        var data = (await response.ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data");
        ShouldBeCase(data, "messages");
        var messages = data.GetProperty("messages").EnumerateArray().ToList();
        messages.Count.ShouldBeGreaterThan(1);
        foreach (var m in messages)
        {
            ShouldHaveShape(m, MessageShape);
            m.GetProperty("authorKind").GetString().ShouldBeOneOf("CUSTOMER", "MERCHANT", "SUPPORT", "SYSTEM");
        }
        messages[0].GetProperty("authorKind").GetString().ShouldBe("CUSTOMER");
        messages.ShouldContain(m => m.GetProperty("authorKind").GetString() == "SYSTEM");
        data.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Order_details_have_the_reference_shape()
    {
        var some = await app.AnyCaseAsync("OPEN");
        var data = (await app.Api(StoreApiApp.NorthwindReadOnly)
            .GetJsonAsync($"/v2/core/stores/{StoreApiApp.Northwind}/orders/{some.GetProperty("orderId").GetString()}", HttpStatusCode.OK)).GetProperty("data");
        ShouldHaveShape(data, OrderShape);
        data.GetProperty("status").GetString().ShouldBeOneOf("PENDING", "PROCESSING", "COMPLETED", "REFUNDED", "PARTIALLY_REFUNDED", "CANCELLED", "FAILED");
        ShouldHaveShape(data.GetProperty("customer"), OrderCustomerShape);
        ShouldHaveShape(data.GetProperty("billingAddress"), AddressShape);
        ShouldHaveShape(data.GetProperty("payment"), PaymentShape);
        data.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var item in data.GetProperty("items").EnumerateArray()) ShouldHaveShape(item, OrderItemShape);
        data.GetProperty("licenses").GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var license in data.GetProperty("licenses").EnumerateArray())
        {
            ShouldHaveShape(license, LicenseShape);
            license.GetProperty("status").GetString().ShouldBeOneOf("AVAILABLE", "CLAIMED", "REVOKED", "EXPIRED");
        }
    }

    [Fact]
    public async Task Order_custom_fields_are_a_json_object()
    {
        await using var db = app.Db();
        var order = db.Orders.First(o => o.StoreId == StoreApiApp.Northwind && o.CustomFieldsJson != "{}");
        var data = (await app.Api(StoreApiApp.NorthwindReadOnly)
            .GetJsonAsync($"/v2/core/stores/{StoreApiApp.Northwind}/orders/{order.Id}", HttpStatusCode.OK)).GetProperty("data");
        data.GetProperty("customFields").GetProperty("discordUsername").GetString().ShouldBe("player#1234");
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var response = await app.CreateClient().GetAsync("/v2/openapi.json", Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe([
            "/v2/core/stores/{storeId}/cases", "/v2/core/stores/{storeId}/cases/{caseId}", "/v2/core/stores/{storeId}/cases/{caseId}/messages",
            "/v2/core/stores/{storeId}/cases/{caseId}/read", "/v2/core/stores/{storeId}/orders/{orderId}",
        ], ignoreOrder: true);
        doc.GetProperty("paths").GetProperty("/v2/core/stores/{storeId}/cases/{caseId}").GetProperty("patch")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").ValueKind.ShouldBe(JsonValueKind.Object);
        var caseSchema = doc.GetProperty("components").GetProperty("schemas").GetProperty("ApiCase").GetProperty("properties");
        caseSchema.GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["OPEN", "AWAITING_CUSTOMER", "AWAITING_MERCHANT", "CLOSED"]);
        caseSchema.EnumerateObject().Select(p => p.Name).ShouldBe(CaseShape.Select(s => s.Split(':')[0]));
    }

    [Fact]
    public async Task Api_docs_page_is_served_without_sign_in()
    {
        var response = await app.Api(null).GetAsync("/api-docs", Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        html.ShouldContain("sk_demo_northwind_all_scopes_0001");
        html.ShouldContain("/v2/core/stores/shp_northwindkeys01/cases");
    }
}
