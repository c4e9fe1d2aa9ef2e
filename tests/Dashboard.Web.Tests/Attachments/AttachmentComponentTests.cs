using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>The reply box's picker and the timeline's list, rendered with bUnit on a real file-system storage.</summary>
public sealed class AttachmentComponentTests : DashboardTestContext
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dashboard-tests", "picker-" + Guid.NewGuid().ToString("N"));
    private readonly AttachmentOptions _options = new();
    private readonly FileSystemAttachmentStorage _storage;
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly AttachmentLinks _links;

    public AttachmentComponentTests()
    {
        _storage = new FileSystemAttachmentStorage(_root);
        _links = new AttachmentLinks(new byte[32], Options.Create(_options), _clock);
        Services.AddLogging();
        Services.AddSingleton<IAttachmentStorage>(_storage);
        Services.AddSingleton(new AttachmentVault(_storage, Options.Create(_options), _clock, NullLogger<AttachmentVault>.Instance));
        Services.AddSingleton(_links);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var item in _storage.ListAsync("")) keys.Add(item.Key);
        return keys;
    }

    private (IRenderedComponent<AttachmentPicker> Picker, List<StagedFile> Files, Func<int> Changes) RenderPicker(List<StagedFile>? files = null)
    {
        files ??= [];
        var changes = 0;
        var cut = Render<AttachmentPicker>(p => p.Add(x => x.Files, files).Add(x => x.FilesChanged, () => changes++));
        return (cut, files, () => changes);
    }

    [Fact]
    public async Task Picking_two_files_stages_them_and_shows_a_chip_each()
    {
        var (cut, files, changes) = RenderPicker();

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(SampleFiles.Png(), "screenshot.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(SampleFiles.Pdf(), "receipt.pdf", contentType: "application/pdf"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=attach-chip][data-staged=true]").Count.ShouldBe(2));
        cut.FindAll(".attach-chip-name").Select(e => e.TextContent).ShouldBe(["screenshot.png", "receipt.pdf"]);
        files.Select(f => f.ContentType).ShouldBe(["image/png", "application/pdf"]);
        changes().ShouldBe(2);
        (await StoredKeysAsync()).Order().ShouldBe(files.Select(f => f.StagingKey).Order());
        cut.FindAll("[data-testid=attach-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Refused_file_is_explained_on_the_spot_and_the_other_file_stays()
    {
        var (cut, files, _) = RenderPicker();

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(SampleFiles.Text(), "log.txt"),
            InputFileContent.CreateFromBinary(SampleFiles.HtmlRenamedPng(), "invoice.png", contentType: "image/png"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=attach-error]").TextContent.ShouldContain("\"invoice.png\" was refused: HTML files are not allowed"));
        files.ShouldHaveSingleItem().FileName.ShouldBe("log.txt");
        cut.FindAll("[data-testid=attach-chip]").Count.ShouldBe(1);
        (await StoredKeysAsync()).ShouldBe([files[0].StagingKey]);
    }

    [Fact]
    public async Task Oversize_file_is_refused_before_upload_and_the_sixth_file_is_refused_by_count()
    {
        _options.MaxFileBytes = 1024;
        var (cut, files, _) = RenderPicker();

        cut.FindComponent<InputFile>().UploadFiles(
            [InputFileContent.CreateFromBinary([.. SampleFiles.Png(), .. new byte[2048]], "big.png"),
             .. Enumerable.Range(1, 5).Select(i => InputFileContent.CreateFromBinary(SampleFiles.Text(), $"log{i}.txt")),
             InputFileContent.CreateFromBinary(SampleFiles.Text(), "log6.txt")]);

        cut.WaitForAssertion(() => files.Count.ShouldBe(5));
        var errors = cut.FindAll("[data-testid=attach-error]").Select(e => e.TextContent).ToList();
        errors.ShouldContain(e => e.Contains("\"log6.txt\" was not added: at most 5 files per message"));
        errors.ShouldContain(e => e.Contains("\"big.png\" is too large: the limit is 1 KB per file"));
        (await StoredKeysAsync()).Count.ShouldBe(5);
        cut.Find("input[type=file]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Removing_a_chip_drops_the_staged_file()
    {
        var (cut, files, changes) = RenderPicker();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Png(), "shot.png"));
        cut.WaitForAssertion(() => files.Count.ShouldBe(1));

        await cut.Find("[data-testid=attach-remove]").ClickAsync(new());

        files.ShouldBeEmpty();
        changes().ShouldBe(2);
        (await StoredKeysAsync()).ShouldBeEmpty();
        cut.FindAll("[data-testid=attach-chip]").ShouldBeEmpty();
    }

    private static Attachment Stored(string storeId, string name, string type, long size) => new()
    {
        StoreId = storeId, CaseId = "cs_0000000000test", MessageId = "msg_000000000test", FileName = name, ContentType = type, Size = size,
    };

    [Fact]
    public void Images_show_as_thumbnails_and_other_files_as_signed_download_links()
    {
        var store = Ids.New(Ids.Store);
        var png = Stored(store, "shot.png", "image/png", 2048);
        var pdf = Stored(store, "receipt.pdf", "application/pdf", 1536);

        var cut = Render<AttachmentList>(p => p.Add(x => x.Attachments, [png, pdf]).Add(x => x.StoreId, store));

        var img = cut.Find("[data-testid=attachment-thumb] img");
        var src = img.GetAttribute("src")!;
        src.ShouldStartWith($"/attachments/{png.Id}?store={store}&exp=");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + src).Query);
        _links.Verify(png.Id, query["store"], query["exp"], query["sig"]).ShouldBe(LinkCheck.Valid);

        var file = cut.Find("[data-testid=attachment-file]");
        file.TextContent.ShouldContain("receipt.pdf");
        file.TextContent.ShouldContain("PDF · 1.5 KB");
        file.GetAttribute("href")!.ShouldStartWith($"/attachments/{pdf.Id}?store={store}&exp=");
        file.GetAttribute("download").ShouldBe("receipt.pdf");
    }

    [Fact]
    public async Task Thumbnail_opens_larger_in_place_and_closes()
    {
        var store = Ids.New(Ids.Store);
        var cut = Render<AttachmentList>(p => p.Add(x => x.Attachments, [Stored(store, "shot.png", "image/png", 2048)]));
        cut.FindAll("[data-testid=attachment-lightbox]").ShouldBeEmpty();

        await cut.Find("[data-testid=attachment-thumb]").ClickAsync(new());
        cut.Find("[data-testid=attachment-lightbox] img").GetAttribute("alt").ShouldBe("shot.png");

        await cut.Find("[data-testid=attachment-lightbox-close]").ClickAsync(new());
        cut.FindAll("[data-testid=attachment-lightbox]").ShouldBeEmpty();
    }

    [Fact]
    public void No_link_is_minted_for_another_stores_attachment()
    {
        var other = Stored(Ids.New(Ids.Store), "secret.pdf", "application/pdf", 100);
        var cut = Render<AttachmentList>(p => p.Add(x => x.Attachments, [other]).Add(x => x.StoreId, Ids.New(Ids.Store)));
        cut.FindAll("a[href]").ShouldBeEmpty();
        cut.FindAll("img").ShouldBeEmpty();
        cut.Find("[data-testid=attachment-file]").ClassList.ShouldContain("attachment-unavailable");
    }
}
