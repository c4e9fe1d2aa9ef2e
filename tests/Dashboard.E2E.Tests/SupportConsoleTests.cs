using System.Net.Http.Headers;
using System.Text;
using Dashboard.Web.Features.Support.Signals;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The support console end to end: a signed dispute event (POSTed by the test, as the payment provider
/// would) escalates a case, which appears live in the console; staff claim it, write a staff note and a
/// public message; the merchant (another browser) sees the message as Pandabase Support and never the note.
/// </summary>
public sealed class SupportConsoleTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task A_dispute_event_escalates_a_case_live_into_the_console_and_the_merchant_never_sees_the_staff_note()
    {
        var caseId = await Fixture.Database.QuietOpenCaseAsync(DemoLogins.NorthwindStoreId);
        var paymentId = await Fixture.Database.PaymentIdOfCaseAsync(caseId);

        await new LoginPage(Page).SignInAsSupportAsync();
        await Page.GotoAsync("/support");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row], [data-testid=cases-empty]", loading: "[data-testid=cases-loading]");
        var row = Page.Locator($"[data-testid=case-row][data-case-id='{caseId}']");

        // The payment provider reports a dispute on the order's payment.
        var body = Encoding.UTF8.GetBytes($$$"""{"id":"evt_{{{Guid.NewGuid():N}}}","type":"dispute.created","data":{"payment_id":"{{{paymentId}}}"}}""");
        using (var http = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) })
        using (var request = new HttpRequestMessage(HttpMethod.Post, PaymentEventEndpoints.Path) { Content = new ByteArrayContent(body) })
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(PaymentEventSignature.Header, PaymentEventSignature.Sign(AppServer.PaymentEventsSecret, DateTimeOffset.UtcNow, body));
            using var response = await http.SendAsync(request);
            ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        }

        // Live: the open console shows the case without a reload, with its signal.
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-testid=signal-badge][data-signal=DISPUTE_RISK]")).ToBeVisibleAsync();
        await ScreenshotAsync("queue");

        await row.Locator($"a[href$='cases/{caseId}']").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/support/cases/{caseId}");
        var detail = new CaseDetailPage(Page);
        await detail.WaitForReadyAsync();
        await Page.GetByTestId("claim-case").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("case-assignee")).ToContainTextAsync("You work this case");

        var note = $"Staff only: card used in three countries ({Guid.NewGuid():N})";
        await Page.Locator("textarea[data-testid=staff-note-input]").FillAsync(note);
        await Page.GetByTestId("staff-note-send").ClickAsync();
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = note })).ToHaveAttributeAsync("data-entry-kind", "staff-note");

        var post = $"Pandabase Support here: we are looking into the double charge ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(post);
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = post })).ToHaveAttributeAsync("data-author-kind", "SUPPORT");
        await ScreenshotAsync("case");

        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("case-phone");
        await Page.GotoAsync("/support");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row], [data-testid=cases-empty]", loading: "[data-testid=cases-loading]");
        await ScreenshotAsync("queue-phone");

        // The store's owner, in another browser, sees the message as Pandabase Support and never the note.
        var northwind = await NewBrowserContextAsync("northwind owner");
        var ownerPage = await northwind.NewPageAsync();
        await new LoginPage(ownerPage).SignInAsync(DemoLogins.NorthwindOwner);
        var ownerView = await new CaseDetailPage(ownerPage).GotoAsync(caseId);
        await ownerView.WaitForReadyAsync();
        var seen = ownerView.Timeline.Filter(new() { HasText = post });
        await Assertions.Expect(seen).ToHaveCountAsync(1);
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-author-kind", "SUPPORT");
        await Assertions.Expect(seen).ToContainTextAsync("Pandabase Support");
        await Assertions.Expect(ownerPage.GetByTestId("signal-badge")).ToContainTextAsync("Dispute risk");
        await Assertions.Expect(ownerPage.GetByText(note)).ToHaveCountAsync(0);
        (await ownerPage.ContentAsync()).ShouldNotContain("card used in three countries");
    }
}
