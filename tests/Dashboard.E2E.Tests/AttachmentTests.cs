using System.Text;

namespace Dashboard.E2E.Tests;

/// <summary>Files in the reply box, end to end in Chromium: picker, paste, send, thumbnails, download, refusal.</summary>
public sealed class AttachmentTests(E2EFixture fixture) : E2ETest(fixture)
{
    // A valid 1×1 PNG and a minimal valid PDF: the server checks content, not names.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static readonly byte[] Png = Convert.FromBase64String(PngBase64);
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private ILocator StagedChips => Page.Locator("[data-testid=attach-chip][data-staged=true]");

    [Fact]
    public async Task Two_files_by_picker_and_one_pasted_are_sent_shown_as_thumbnails_and_download()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (_, detail) = await list.OpenFirstAsync();

        await Page.GetByTestId("attach-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = Png },
            new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = Pdf },
        });
        await Assertions.Expect(StagedChips).ToHaveCountAsync(2);

        // Paste an image from the clipboard into the reply box.
        await detail.ReplyBody.EvaluateAsync(@"(el, b64) => {
            const bin = atob(b64); const bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], 'clipboard.png', { type: 'image/png' }));
            el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        }", PngBase64);
        await Assertions.Expect(StagedChips).ToHaveCountAsync(3);
        await ScreenshotAsync("staged");

        var reply = $"Here are the files you asked for ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(reply);

        var entry = detail.Timeline.Filter(new() { HasText = reply });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.GetByTestId("attachment-thumb")).ToHaveCountAsync(2);
        await Assertions.Expect(entry.GetByTestId("attachment-file")).ToHaveCountAsync(1);
        await Assertions.Expect(StagedChips).ToHaveCountAsync(0);
        await ScreenshotAsync("sent");

        await entry.GetByTestId("attachment-thumb").First.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("attachment-lightbox")).ToBeVisibleAsync();
        await ScreenshotAsync("lightbox");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.GetByTestId("attachment-lightbox")).ToHaveCountAsync(0);

        // The PDF downloads through its signed link as an attachment, never sniffed.
        var href = await entry.GetByTestId("attachment-file").GetAttributeAsync("href");
        href.ShouldNotBeNull();
        href.ShouldContain("sig=");
        var download = await Context.APIRequest.GetAsync(href);
        download.Status.ShouldBe(200);
        download.Headers["x-content-type-options"].ShouldBe("nosniff");
        download.Headers["content-disposition"].ShouldStartWith("attachment");
        (await download.BodyAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task A_file_dropped_on_the_reply_box_is_staged_like_a_picked_one()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (_, detail) = await list.OpenFirstAsync();

        await detail.ReplyBody.EvaluateAsync(@"(el, b64) => {
            const bin = atob(b64); const bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
            el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
            el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }", PngBase64);

        await Assertions.Expect(StagedChips).ToHaveCountAsync(1);
        await Assertions.Expect(StagedChips).ToContainTextAsync("dropped.png");
        await ScreenshotAsync("dropped");
    }

    [Fact]
    public async Task An_html_file_named_png_is_refused_on_the_spot_and_the_typed_reply_stays()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await list.SelectTabAsync("open");
        var (_, detail) = await list.OpenFirstAsync();
        await detail.ReplyBody.FillAsync("Draft that must survive");

        await Page.GetByTestId("attach-input").SetInputFilesAsync(new FilePayload
        {
            Name = "evil.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"),
        });

        await Assertions.Expect(Page.GetByTestId("attach-error")).ToContainTextAsync("evil.png");
        await Assertions.Expect(StagedChips).ToHaveCountAsync(0);
        await Assertions.Expect(detail.ReplyBody).ToHaveValueAsync("Draft that must survive");
        await ScreenshotAsync("refused");
    }
}
