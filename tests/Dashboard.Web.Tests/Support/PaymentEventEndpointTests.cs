using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Support.Signals;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// <c>POST /internal/payment-events</c> on the real host: a signed event escalates; unsigned, wrongly
/// signed, expired and replayed events are refused and change nothing; no secret configured: 404.
/// </summary>
public class PaymentEventEndpointTests : IAsyncLifetime
{
    private const string Secret = "whsec_payments_3e1c9a7b5d2f4e6a8c0b";
    private TestDatabase _db = null!;
    private LiveAppHost _host = null!;
    private HttpClient _client = null!;
    private SupportCase _case = null!;
    private string _paymentId = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var (store, _, order) = await _db.AddStoreAsync("Northwind Test");
        _case = await _db.OpenCaseAsync(store.Id, order.Id);
        await using (var db = _db.NewContext())
            _paymentId = (await db.Orders.SingleAsync(o => o.Id == order.Id)).Payment!.Id;
        _host = new LiveAppHost(_db.Directory, new Dictionary<string, string?> { ["PaymentEvents:WebhookSecret"] = Secret });
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    private byte[] Dispute(string id = "evt_1") =>
        Encoding.UTF8.GetBytes($$$"""{"id":"{{{id}}}","type":"dispute.created","data":{"payment_id":"{{{_paymentId}}}"}}""");

    private static HttpRequestMessage Post(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PaymentEventEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.Add(PaymentEventSignature.Header, signature);
        return request;
    }

    private static HttpRequestMessage Signed(byte[] body, DateTimeOffset? at = null, string secret = Secret) =>
        Post(body, PaymentEventSignature.Sign(secret, at ?? DateTimeOffset.UtcNow, body));

    private async Task<(bool Escalated, int Events, int Signals, int Entries)> StateAsync()
    {
        await using var db = _db.NewContext();
        return ((await db.Cases.SingleAsync(c => c.Id == _case.Id)).Escalated, await db.PaymentEvents.CountAsync(),
            await db.CaseSignals.CountAsync(), await db.CaseMessages.CountAsync(m => m.CaseId == _case.Id));
    }

    [Fact]
    public async Task A_signed_dispute_event_escalates_the_case()
    {
        using var response = await _client.SendAsync(Signed(Dispute()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"received":true,"escalated":1}""");
        var (escalated, events, signals, _) = await StateAsync();
        (escalated, events, signals).ShouldBe((true, 1, 1));
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_expired_events_are_401_and_change_nothing()
    {
        var before = await StateAsync();
        var body = Dispute();
        var mangled = PaymentEventSignature.Sign(Secret, DateTimeOffset.UtcNow, body).Replace("v1=", "v1=00");

        HttpRequestMessage[] refused =
        [
            Post(body, null),
            Post(body, "garbage"),
            Post(body, mangled),
            Signed(body, secret: "whsec_someone_else"),
            Signed(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            Signed(body, at: DateTimeOffset.UtcNow.AddMinutes(6)),
            // Signed for another body: the signature covers the bytes.
            Post(Dispute("evt_other"), PaymentEventSignature.Sign(Secret, DateTimeOffset.UtcNow, body)),
        ];
        foreach (var request in refused)
        {
            using var response = await _client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).ShouldContain(PaymentEventSignature.Header);
        }

        (await StateAsync()).ShouldBe(before);
        before.Escalated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_replayed_event_is_409_and_changes_nothing()
    {
        using (var first = await _client.SendAsync(Signed(Dispute())))
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await StateAsync();

        using var replay = await _client.SendAsync(Signed(Dispute()));

        replay.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("already received");
        (await StateAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_is_400_and_changes_nothing()
    {
        var before = await StateAsync();
        using var response = await _client.SendAsync(Signed(Encoding.UTF8.GetBytes("""{"type":"dispute.created"}""")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_secret_the_endpoint_does_not_exist()
    {
        await using var host = new LiveAppHost(_db.Directory, new Dictionary<string, string?>());
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Signed(Dispute()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StateAsync()).Escalated.ShouldBeFalse();
    }
}
