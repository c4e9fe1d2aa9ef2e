using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Web.Tests.Attachments;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Web.Tests.Api.StoreApiHttp;

namespace Dashboard.Web.Tests.Api;

/// <summary>Replies with files through the Store API: multipart/form-data, the same checks as the dashboard, signed links.</summary>
public class StoreApiAttachmentTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private HttpClient Client => app.Api(StoreApiApp.NorthwindAll);

    private static MultipartFormDataContent Form(string body, params (string Name, byte[] Bytes, string Type)[] files) =>
        Form(body, "b-" + Guid.NewGuid().ToString("N"), files);

    private static MultipartFormDataContent Form(string body, string boundary, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var form = new MultipartFormDataContent(boundary) { { new StringContent(body, Encoding.UTF8), "body" } };
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return form;
    }

    private async Task<string> OpenCaseAsync(int skip) =>
        (await app.AnyCaseAsync("AWAITING_MERCHANT", skip: skip)).GetProperty("id").GetString()!;

    private async Task<(int Messages, int Attachments)> CountsAsync(string caseId)
    {
        await using var db = app.Db();
        return (await db.CaseMessages.CountAsync(m => m.CaseId == caseId, Ct), await db.Attachments.CountAsync(a => a.CaseId == caseId, Ct));
    }

    [Fact]
    public async Task Multipart_reply_with_two_files_lists_them_with_signed_links_that_download()
    {
        var caseId = await OpenCaseAsync(skip: 2);
        var response = await Client.PostAsync($"{StoreApiApp.Cases()}/{caseId}/messages",
            Form("Receipt and screenshot attached.", ("receipt.pdf", SampleFiles.Pdf(), "application/pdf"), ("screen.png", SampleFiles.Png(), "image/png")), Ct);

        var data = (await response.ReadEnvelopeAsync(HttpStatusCode.Created)).GetProperty("data");
        var attachments = data.GetProperty("message").GetProperty("attachments").EnumerateArray().ToList();
        attachments.Select(a => a.GetProperty("fileName").GetString()).ShouldBe(["receipt.pdf", "screen.png"], ignoreOrder: true);
        foreach (var a in attachments)
        {
            a.GetProperty("id").GetString()!.ShouldStartWith("att_");
            a.GetProperty("expiresAt").GetString()!.ShouldEndWith("Z");
            var download = await Client.GetAsync(a.GetProperty("url").GetString(), Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            download.Headers.GetValues("X-Robots-Tag").Single().ShouldContain("noindex");
            (await download.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(a.GetProperty("size").GetInt32());
        }

        // The case read back through the API shows the same attachments on the message.
        var detail = await Client.GetJsonAsync($"{StoreApiApp.Cases()}/{caseId}", HttpStatusCode.OK);
        detail.GetProperty("data").GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("body").GetString() == "Receipt and screenshot attached.")
            .GetProperty("attachments").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var caseId = await OpenCaseAsync(skip: 3);
        var data = (await (await Client.PostAsync($"{StoreApiApp.Cases()}/{caseId}/messages",
            Form("Log attached.", ("log.txt", SampleFiles.Text(), "text/plain")), Ct)).ReadEnvelopeAsync(HttpStatusCode.Created)).GetProperty("data");
        var url = data.GetProperty("message").GetProperty("attachments")[0].GetProperty("url").GetString()!;
        var last = url[^1];
        var tampered = url[..^1] + (last == 'A' ? 'B' : 'A');
        (await Client.GetAsync(tampered, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Six_files_are_refused_and_nothing_is_stored()
    {
        var caseId = await OpenCaseAsync(skip: 4);
        var before = await CountsAsync(caseId);
        var six = Enumerable.Range(1, 6).Select(i => ($"log{i}.txt", SampleFiles.Text(), "text/plain")).ToArray();

        var response = await Client.PostAsync($"{StoreApiApp.Cases()}/{caseId}/messages", Form("Too many", six), Ct);

        var error = (await response.ReadEnvelopeAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("message").GetString();
        error!.ShouldContain("5");
        (await CountsAsync(caseId)).ShouldBe(before);
    }

    [Fact]
    public async Task An_html_file_renamed_png_is_refused_by_content()
    {
        var caseId = await OpenCaseAsync(skip: 5);
        var before = await CountsAsync(caseId);
        var response = await Client.PostAsync($"{StoreApiApp.Cases()}/{caseId}/messages",
            Form("Screenshot", ("screenshot.png", SampleFiles.HtmlRenamedPng(), "image/png")), Ct);

        var error = (await response.ReadEnvelopeAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("message").GetString();
        error!.ShouldContain("screenshot.png");
        error!.ShouldContain("HTML");
        (await CountsAsync(caseId)).ShouldBe(before);
    }

    [Fact]
    public async Task An_11_MB_file_is_413_and_nothing_is_stored()
    {
        var caseId = await OpenCaseAsync(skip: 6);
        var before = await CountsAsync(caseId);
        var big = new byte[11 * 1024 * 1024];
        SampleFiles.Pdf().CopyTo(big, 0);

        var response = await Client.PostAsync($"{StoreApiApp.Cases()}/{caseId}/messages", Form("Big", ("big.pdf", big, "application/pdf")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await CountsAsync(caseId)).ShouldBe(before);
    }

    [Fact]
    public async Task Multipart_retry_with_the_same_idempotency_key_replays_without_a_second_message()
    {
        var caseId = await OpenCaseAsync(skip: 7);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> PostAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{StoreApiApp.Cases()}/{caseId}/messages")
            {
                // A fixed boundary, so the retry sends byte-for-byte the same request.
                Content = Form(body, "retry-boundary", ("receipt.pdf", SampleFiles.Pdf(), "application/pdf")),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await Client.SendAsync(request, Ct);
        }

        var first = await PostAsync("Receipt attached.");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var afterFirst = await CountsAsync(caseId);
        var second = await PostAsync("Receipt attached.");
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CountsAsync(caseId)).ShouldBe(afterFirst);

        (await PostAsync("Another text.")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
