using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Domain;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// <c>POST /inbound/email</c> on the real host: a signed raw email is processed like a mailbox one;
/// an unsigned, wrongly signed or stale request is 401 and stores nothing; an oversize one is 413.
/// </summary>
public class InboundWebhookTests : IAsyncLifetime
{
    private const string Secret = "whsec_5b1f0c9e2a7d4e8f9c3b6a1d0e7f2c4b";
    private TestDatabase _db = null!;
    private LiveAppHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _host = new LiveAppHost(_db.Directory, new Dictionary<string, string?>
        {
            ["InboundMail:WebhookSecret"] = Secret,
            ["InboundMail:ReplyDomain"] = TestDatabase.ReplyDomain,
            ["InboundMail:MaxMessageBytes"] = "65536",
        });
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage Request(byte[] body, string? timestamp, string? signature, string contentType = "message/rfc822")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InboundMailEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (timestamp is not null) request.Headers.Add(InboundWebhookSignature.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.Add(InboundWebhookSignature.SignatureHeader, signature);
        return request;
    }

    private static HttpRequestMessage Signed(byte[] body, string? timestamp = null, string secret = Secret, string contentType = "message/rfc822")
    {
        timestamp ??= Now();
        return Request(body, timestamp, InboundWebhookSignature.Sign(secret, timestamp, body), contentType);
    }

    private static async Task<(string? Status, string? Reason, string? Error)> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string? Get(string name) => json.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
        return (Get("status"), Get("reason"), Get("error"));
    }

    private async Task ShouldHaveStoredNothingAsync(string caseId, int timelineBefore)
    {
        (await _db.InboundAsync()).ShouldBeEmpty();
        (await _db.TimelineAsync(caseId)).Count.ShouldBe(timelineBefore);
        _db.HeldRawFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_email_is_posted_to_its_case()
    {
        var c = await MailFixture.Outlook.CaseAsync(_db);
        using var feed = new FeedRecorder(_host.Feed, c.StoreId);

        using var response = await _client.SendAsync(Signed(MailFixture.Outlook.Bytes(), contentType: "application/octet-stream"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(response)).ShouldBe(("Posted", "Posted to the case (matched by In-Reply-To)", null));
        (await _db.TimelineAsync(c.Id)).ShouldContain(m => m.AuthorKind == AuthorKind.Customer && m.Body == MailFixture.Outlook.ExpectedText);
        (await feed.WaitForAsync(change => change.CaseId == c.Id && change.By == AuthorKind.Customer, TimeSpan.FromSeconds(10))).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_retried_delivery_answers_200_and_posts_nothing_new()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);

        using var first = await _client.SendAsync(Signed(MailFixture.Gmail.Bytes()));
        using var second = await _client.SendAsync(Signed(MailFixture.Gmail.Bytes()));

        (await ReadAsync(first)).Status.ShouldBe("Posted");
        second.StatusCode.ShouldBe(HttpStatusCode.OK, "a 2xx stops the provider retrying");
        (await ReadAsync(second)).Status.ShouldBe("Duplicate");
        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
    }

    [Fact]
    public async Task An_unsigned_request_is_401_and_stores_nothing()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = (await _db.TimelineAsync(c.Id)).Count;

        using var response = await _client.SendAsync(Request(MailFixture.Gmail.Bytes(), null, null));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadAsync(response)).Error.ShouldBe("Missing X-Inbound-Timestamp or X-Inbound-Signature");
        await ShouldHaveStoredNothingAsync(c.Id, before);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_401_and_stores_nothing()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = (await _db.TimelineAsync(c.Id)).Count;

        using var response = await _client.SendAsync(Signed(MailFixture.Gmail.Bytes(), secret: "whsec_not_the_shared_secret_at_all_0000"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadAsync(response)).Error.ShouldBe("The signature does not match");
        await ShouldHaveStoredNothingAsync(c.Id, before);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401_and_stores_nothing()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = (await _db.TimelineAsync(c.Id)).Count;
        var timestamp = Now();
        var signature = InboundWebhookSignature.Sign(Secret, timestamp, MailFixture.Gmail.Bytes());
        var altered = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(MailFixture.Gmail.Bytes()).Replace("the new key works now", "please refund me"));

        using var response = await _client.SendAsync(Request(altered, timestamp, signature));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldHaveStoredNothingAsync(c.Id, before);
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    public async Task A_stale_or_future_timestamp_is_401_even_when_correctly_signed(int offsetSeconds)
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = (await _db.TimelineAsync(c.Id)).Count;
        var timestamp = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var response = await _client.SendAsync(Signed(MailFixture.Gmail.Bytes(), timestamp));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadAsync(response)).Error.ShouldBe("The timestamp is not within 5 minutes of now");
        await ShouldHaveStoredNothingAsync(c.Id, before);
    }

    [Fact]
    public async Task An_email_over_the_size_limit_is_413_and_stores_nothing()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = (await _db.TimelineAsync(c.Id)).Count;
        var big = new byte[65537];
        Array.Fill(big, (byte)'a');

        using var response = await _client.SendAsync(Signed(big));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ReadAsync(response)).Error.ShouldBe("The email is larger than 64 KB");
        await ShouldHaveStoredNothingAsync(c.Id, before);
    }

    [Fact]
    public async Task A_body_that_is_not_a_raw_email_type_is_415()
    {
        using var response = await _client.SendAsync(Signed(MailFixture.Gmail.Bytes(), contentType: "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await _db.InboundAsync()).ShouldBeEmpty();
    }
}
