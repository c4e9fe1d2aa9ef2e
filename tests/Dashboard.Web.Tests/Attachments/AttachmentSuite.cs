using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>
/// The one attachment test suite, run against every storage implementation (file system, Azure Blob on
/// Azurite): validation by content, nothing stored on refusal, atomic commit with the message, the janitor,
/// the multipart intake and the signed download links through the real host.
/// </summary>
public abstract class AttachmentSuite : IAsyncLifetime
{
    private static readonly Actor Ada = Actor.Merchant("Ada Merchant", "user-ada");
    protected TestDatabase Db { get; private set; } = null!;
    protected IAttachmentStorage Storage { get; private set; } = null!;
    protected AttachmentOptions Options { get; } = new();
    private AttachmentVault _vault = null!;

    /// <summary>A fresh, empty storage for one test.</summary>
    protected abstract IAttachmentStorage CreateStorage();

    /// <summary>Settings that point the real host at the same kind of storage.</summary>
    protected abstract IReadOnlyDictionary<string, string> HostSettings();

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Storage = CreateStorage();
        _vault = new AttachmentVault(Storage, Microsoft.Extensions.Options.Options.Create(Options), Db.Clock, NullLogger<AttachmentVault>.Instance);
    }

    public virtual async ValueTask DisposeAsync() => await Db.DisposeAsync();

    private CaseService Cases() => Db.CaseService(vault: _vault);
    private Task<(Store Store, SupportCase Case)> CaseAsync(string name = "Store") => AttachmentTestData.AddStoreWithCaseAsync(Db.Factory, Cases(), Db.Clock.UtcNow, name);

    private async Task<List<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var item in Storage.ListAsync(prefix)) keys.Add(item.Key);
        return keys;
    }

    private async Task<StagedFile> StageAsync(string name, byte[] bytes)
    {
        var result = await _vault.StageAsync(name, new MemoryStream(bytes));
        result.Error.ShouldBeNull();
        return result.File!;
    }

    private async Task ShouldHaveNothingStoredAsync(string caseId)
    {
        (await KeysAsync()).ShouldBeEmpty();
        await using var db = Db.NewContext();
        (await db.Attachments.CountAsync()).ShouldBe(0);
        (await db.CaseMessages.CountAsync(m => m.CaseId == caseId && m.AuthorKind == AuthorKind.Merchant)).ShouldBe(0);
    }

    // ---- accepted files ------------------------------------------------------------------------

    public static TheoryData<string, string, string> GoodFiles() => new()
    {
        { "screenshot.png", nameof(SampleFiles.Png), "image/png" },
        { "photo.jpg", nameof(SampleFiles.Jpeg), "image/jpeg" },
        { "anim.gif", nameof(SampleFiles.Gif), "image/gif" },
        { "shot.webp", nameof(SampleFiles.WebP), "image/webp" },
        { "receipt.pdf", nameof(SampleFiles.Pdf), "application/pdf" },
        { "launcher.log", nameof(SampleFiles.Text), "text/plain; charset=utf-8" },
        { "logs.zip", nameof(SampleFiles.Zip), "application/zip" },
        // The type comes from the bytes, never from the name.
        { "receipt.png", nameof(SampleFiles.Pdf), "application/pdf" },
    };

    private static byte[] Sample(string factory) => (byte[])typeof(SampleFiles).GetMethod(factory)!.Invoke(null, null)!;

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task Reply_with_an_allowed_file_saves_message_row_and_bytes_together(string name, string sample, string contentType)
    {
        var (store, c) = await CaseAsync();
        var bytes = Sample(sample);
        var staged = await StageAsync(name, bytes);

        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "See attached.", [staged.ToUpload()]);

        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        var attachment = result.Message!.Attachments.ShouldHaveSingleItem();
        attachment.ContentType.ShouldBe(contentType);
        attachment.FileName.ShouldBe(name);
        attachment.Size.ShouldBe(bytes.Length);
        attachment.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        attachment.StorageKey.ShouldBe($"files/{store.Id}/{attachment.Id}");
        (await KeysAsync()).ShouldBe([attachment.StorageKey]); // staging copy released
        await using (var stored = await Storage.OpenReadAsync(attachment.StorageKey))
        {
            var copy = new MemoryStream();
            await stored!.CopyToAsync(copy);
            copy.ToArray().ShouldBe(bytes);
        }
        var detail = (await Db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Messages.Single(m => m.AuthorKind == AuthorKind.Merchant).Attachments.ShouldHaveSingleItem().Id.ShouldBe(attachment.Id);
    }

    [Fact]
    public async Task Customer_and_support_messages_carry_attachments_too()
    {
        var (store, c) = await CaseAsync();
        var fromCustomer = await Cases().CustomerReplyAsync(store.Id, c.Id, "My receipt", [(await StageAsync("receipt.pdf", SampleFiles.Pdf())).ToUpload()]);
        await Db.EscalateAsync(c.Id);
        var fromSupport = await Cases().SupportPostAsync(c.Id, await Db.AddSupportUserAsync(), "Log attached", [(await StageAsync("log.txt", SampleFiles.Text())).ToUpload()]);
        fromCustomer.Message!.Attachments.ShouldHaveSingleItem().ContentType.ShouldBe("application/pdf");
        fromSupport.Message!.Attachments.ShouldHaveSingleItem().ContentType.ShouldStartWith("text/plain");
        (await KeysAsync("files/")).Count.ShouldBe(2);
    }

    // ---- refused files: a clear refusal and nothing stored ------------------------------------------

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "invoice.png", nameof(SampleFiles.HtmlRenamedPng), "HTML files are not allowed" },
        { "logo.svg", nameof(SampleFiles.SvgWithScript), "SVG images are not allowed" },
        { "logo.png", nameof(SampleFiles.SvgWithScript), "SVG images are not allowed" },
        { "receipt.pdf", nameof(SampleFiles.PdfHtmlPolyglot), "the file contains HTML or script, which is not allowed" },
        { "receipt.pdf", nameof(SampleFiles.HtmlThenPdf), "HTML files are not allowed" },
        { "shot.png", nameof(SampleFiles.PngWithHtmlAppended), "the PNG file is damaged or incomplete" },
        { "setup.pdf", nameof(SampleFiles.WindowsExecutable), "executable files are not allowed" },
        { "receipt.pdf", nameof(SampleFiles.TruncatedPdf), "the PDF file is damaged or incomplete" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Refused_file_is_explained_and_nothing_is_stored(string name, string sample, string reason)
    {
        var (_, c) = await CaseAsync();
        var result = await _vault.StageAsync(name, new MemoryStream(Sample(sample)));

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe($"\"{name}\" was refused: {reason}. Allowed: PNG, JPEG, GIF and WebP images, PDF, plain text and ZIP.");
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_bytes_planted_in_staging_are_refused_again_at_commit(string name, string sample, string reason)
    {
        // The case service inspects every byte it commits, so nothing can skip validation.
        var (store, c) = await CaseAsync();
        var key = StorageKeys.NewStaging(Db.Clock.UtcNow);
        await Storage.WriteAsync(key, new MemoryStream(Sample(sample)));

        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "See attached.", [new AttachmentUpload(key, name)]);

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error!.ShouldContain(reason);
        (await KeysAsync("files/")).ShouldBeEmpty();
        await Storage.DeleteAsync(key);
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task Zero_byte_file_is_refused()
    {
        var (_, c) = await CaseAsync();
        var result = await _vault.StageAsync("empty.txt", new MemoryStream());
        result.Error.ShouldBe("\"empty.txt\" was refused: the file is empty. Allowed: PNG, JPEG, GIF and WebP images, PDF, plain text and ZIP.");
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task File_of_11_MB_is_refused_after_reading_just_past_the_limit()
    {
        var (_, c) = await CaseAsync();
        var source = new CountingStream(11 * 1024 * 1024, SampleFiles.Png());

        var result = await _vault.StageAsync("huge.png", source);

        result.TooLarge.ShouldBeTrue();
        result.Error.ShouldBe("\"huge.png\" is too large: the limit is 10 MB per file");
        source.BytesRead.ShouldBe(10 * 1024 * 1024 + 1); // never the whole file
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task Six_files_on_one_message_are_refused_and_nothing_is_committed()
    {
        var (store, c) = await CaseAsync();
        var staged = new List<StagedFile>();
        for (var i = 0; i < 6; i++) staged.Add(await StageAsync($"log{i}.txt", SampleFiles.Text()));

        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "Six files", staged.ToUploads());

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe("At most 5 files per message");
        (await KeysAsync("files/")).ShouldBeEmpty();
        foreach (var f in staged) await Storage.DeleteAsync(f.StagingKey);
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task Five_files_are_accepted()
    {
        var (store, c) = await CaseAsync();
        var staged = new List<StagedFile>();
        for (var i = 0; i < 5; i++) staged.Add(await StageAsync($"log{i}.txt", SampleFiles.Text()));
        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "Five files", staged.ToUploads());
        result.Message!.Attachments.Count.ShouldBe(5);
        (await KeysAsync("files/")).Count.ShouldBe(5);
        (await KeysAsync("staging/")).ShouldBeEmpty();
    }

    // ---- names -----------------------------------------------------------------------------------

    public static TheoryData<string, string> Names() => new()
    {
        { "../../../etc/passwd.txt", "passwd.txt" },
        { "..\\..\\Windows\\win.ini.txt", "win.ini.txt" },
        { "report\r\nSet-Cookie: a=b.txt", "reportSet-Cookie_ a=b.txt" },
        { "invoice\u202Etxt.exe.txt", "invoicetxt.exe.txt" },
        { "\u202E\u2066\u200B", "attachment" },
        { "   ", "attachment" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task File_names_are_sanitised_for_display_and_never_used_as_keys(string name, string expected)
    {
        var (store, c) = await CaseAsync();
        var staged = await StageAsync(name, SampleFiles.Text());
        staged.FileName.ShouldBe(expected);

        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "Named", [staged.ToUpload()]);

        var attachment = result.Message!.Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe(expected);
        attachment.FileName.ShouldNotContain("..");
        attachment.FileName.ShouldNotContain("\r");
        attachment.FileName.ShouldNotContain("\u202E");
        (await KeysAsync()).ShouldBe([$"files/{store.Id}/{attachment.Id}"]);
    }

    [Fact]
    public async Task Name_of_300_characters_is_trimmed_to_255_keeping_the_extension()
    {
        var staged = await StageAsync(new string('a', 296) + ".pdf", SampleFiles.Pdf());
        staged.FileName.Length.ShouldBe(255);
        staged.FileName.ShouldEndWith("aaa.pdf");
    }

    // ---- atomicity ---------------------------------------------------------------------------------

    [Fact]
    public async Task Database_failure_leaves_no_orphan_file_and_no_message()
    {
        var (store, c) = await CaseAsync();
        var staged = await StageAsync("shot.png", SampleFiles.Png());
        await using (var db = Db.NewContext())
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_attachments BEFORE INSERT ON Attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        await Should.ThrowAsync<DbUpdateException>(() => Cases().ReplyAsync(store.Id, c.Id, Ada, "See attached.", [staged.ToUpload()]));

        (await KeysAsync("files/")).ShouldBeEmpty();
        (await KeysAsync("staging/")).ShouldBe([staged.StagingKey]); // kept for a retry; the janitor removes it later
        await Storage.DeleteAsync(staged.StagingKey);
        await ShouldHaveNothingStoredAsync(c.Id);
        (await Db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.Status.ShouldBe(CaseStatus.Open);
    }

    [Fact]
    public async Task Refused_reply_on_a_closed_case_commits_no_file()
    {
        var (store, c) = await CaseAsync();
        (await Cases().UpdateAsync(store.Id, c.Id, Ada, null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);
        var staged = await StageAsync("shot.png", SampleFiles.Png());

        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, "Hello?", [staged.ToUpload()]);

        result.Outcome.ShouldBe(CaseOutcome.Refused);
        (await KeysAsync("files/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Janitor_removes_stale_staging_and_orphans_but_keeps_attachments()
    {
        var (store, c) = await CaseAsync();
        var sent = await StageAsync("kept.png", SampleFiles.Png());
        var kept = (await Cases().ReplyAsync(store.Id, c.Id, Ada, "Kept", [sent.ToUpload()])).Message!.Attachments.Single();
        var abandoned = await StageAsync("abandoned.txt", SampleFiles.Text());
        var orphan = StorageKeys.ForAttachment(store.Id, Ids.New(Ids.Attachment));
        await Storage.WriteAsync(orphan, new MemoryStream(SampleFiles.Text()));
        var janitor = new AttachmentJanitor(Storage, Db.Factory, Microsoft.Extensions.Options.Options.Create(Options),
            new TestClock(DateTimeOffset.UtcNow), NullLogger<AttachmentJanitor>.Instance);

        (await janitor.RunOnceAsync()).ShouldBe(0); // everything is young

        var later = new AttachmentJanitor(Storage, Db.Factory, Microsoft.Extensions.Options.Options.Create(Options),
            new TestClock(DateTimeOffset.UtcNow.AddDays(2)), NullLogger<AttachmentJanitor>.Instance);
        (await later.RunOnceAsync()).ShouldBe(2);
        (await KeysAsync()).ShouldBe([kept.StorageKey]);
        abandoned.StagingKey.ShouldStartWith("staging/");
    }

    // ---- multipart intake (Store API) -------------------------------------------------------------

    private static DefaultHttpContext Multipart(Action<MultipartFormDataContent> build, long? contentLength = null)
    {
        var content = new MultipartFormDataContent("----attach-test");
        build(content);
        var body = content.ReadAsStream();
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = content.Headers.ContentType!.ToString();
        http.Request.ContentLength = contentLength ?? body.Length;
        http.Request.Body = body;
        return http;
    }

    private static ByteArrayContent File(byte[] bytes, string type = "application/octet-stream")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return part;
    }

    [Fact]
    public async Task Intake_reads_body_and_files_then_the_reply_commits_them()
    {
        var (store, c) = await CaseAsync();
        var intake = new AttachmentIntake(_vault);
        var http = Multipart(m =>
        {
            m.Add(new StringContent("Here you go", Encoding.UTF8), "body");
            m.Add(File(SampleFiles.Png(), "image/png"), "files", "shot.png");
            m.Add(File(SampleFiles.Pdf()), "files", "reçu.pdf");
        });

        var read = await intake.ReadMultipartAsync(http.Request);

        read.Error.ShouldBeNull();
        read.Body.ShouldBe("Here you go");
        read.Files.Select(f => f.FileName).ShouldBe(["shot.png", "reçu.pdf"]);
        var result = await Cases().ReplyAsync(store.Id, c.Id, Ada, read.Body, read.Files);
        result.Message!.Attachments.Select(a => a.ContentType).ShouldBe(["image/png", "application/pdf"]);
        (await KeysAsync("staging/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_refuses_six_files_with_400_and_keeps_nothing()
    {
        var (_, c) = await CaseAsync();
        var http = Multipart(m =>
        {
            m.Add(new StringContent("Six"), "body");
            for (var i = 0; i < 6; i++) m.Add(File(SampleFiles.Text()), "files", $"f{i}.txt");
        });
        var read = await new AttachmentIntake(_vault).ReadMultipartAsync(http.Request);
        read.Status.ShouldBe(400);
        read.Error.ShouldBe("At most 5 files per message");
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task Intake_refuses_a_bad_file_with_400_and_drops_the_good_ones()
    {
        var (_, c) = await CaseAsync();
        var http = Multipart(m =>
        {
            m.Add(File(SampleFiles.Png()), "files", "ok.png");
            m.Add(File(SampleFiles.HtmlRenamedPng(), "image/png"), "files", "evil.png");
        });
        var read = await new AttachmentIntake(_vault).ReadMultipartAsync(http.Request);
        read.Status.ShouldBe(400);
        read.Error!.ShouldContain("HTML files are not allowed");
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    [Fact]
    public async Task Intake_answers_413_for_an_oversize_part_and_for_a_too_large_request()
    {
        var (_, c) = await CaseAsync();
        Options.MaxFileBytes = 64 * 1024;
        var http = Multipart(m => m.Add(File([.. SampleFiles.Png(), .. new byte[70 * 1024]]), "files", "big.png"));
        var read = await new AttachmentIntake(_vault).ReadMultipartAsync(http.Request);
        read.Status.ShouldBe(413);
        read.Error.ShouldBe("\"big.png\" is too large: the limit is 64 KB per file");

        var declared = Multipart(m => m.Add(File(SampleFiles.Png()), "files", "ok.png"), contentLength: 6L * 64 * 1024 + 2 * 1024 * 1024);
        var refused = await new AttachmentIntake(_vault).ReadMultipartAsync(declared.Request);
        refused.Status.ShouldBe(413);
        await ShouldHaveNothingStoredAsync(c.Id);
    }

    // ---- signed links through the real host -----------------------------------------------------

    private async Task<(AttachmentTestApp App, Attachment Png, Attachment Pdf, Store Store)> HostWithAttachmentsAsync()
    {
        var app = new AttachmentTestApp(HostSettings());
        _ = app.Server; // start
        var cases = app.Get<CaseService>();
        var vault = app.Get<AttachmentVault>();
        var (store, c) = await AttachmentTestData.AddStoreWithCaseAsync(app.Get<IDbContextFactory<Dashboard.Data.DashboardDbContext>>(), cases, app.Clock.UtcNow);
        var png = (await vault.StageAsync("shot.png", new MemoryStream(SampleFiles.Png()))).File!;
        var pdf = (await vault.StageAsync("reçu mars 2026.pdf", new MemoryStream(SampleFiles.Pdf()))).File!;
        var result = await cases.ReplyAsync(store.Id, c.Id, Ada, "Files", [png.ToUpload(), pdf.ToUpload()]);
        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        var attachments = result.Message!.Attachments;
        return (app, attachments[0], attachments[1], store);
    }

    [Fact]
    public async Task Signed_link_serves_the_file_with_safe_headers()
    {
        var (app, png, pdf, _) = await HostWithAttachmentsAsync();
        await using var _ = app;
        var links = app.Get<AttachmentLinks>();
        var client = app.CreateClient();

        var image = await client.GetAsync(links.Create(png).Url);
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await image.Content.ReadAsByteArrayAsync()).ShouldBe(SampleFiles.Png());
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        image.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        image.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        image.Headers.GetValues("X-Robots-Tag").Single().ShouldStartWith("noindex");
        image.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; sandbox");

        var document = await client.GetAsync(links.Create(pdf).Url);
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = document.Content.Headers.GetValues("Content-Disposition").Single();
        disposition.ShouldBe("attachment; filename=\"re_u mars 2026.pdf\"; filename*=UTF-8''re%C3%A7u%20mars%202026.pdf");
        document.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("reçu mars 2026.pdf");
    }

    [Theory]
    [InlineData("sig")]
    [InlineData("exp")]
    [InlineData("store")]
    public async Task Link_with_one_character_changed_is_403(string part)
    {
        var (app, png, _, _) = await HostWithAttachmentsAsync();
        await using var _ = app;
        var url = app.Get<AttachmentLinks>().Create(png).Url;
        var at = url.IndexOf(part + "=", StringComparison.Ordinal) + part.Length + 3;
        var tampered = url[..at] + (url[at] == '1' ? '2' : '1') + url[(at + 1)..];
        tampered.ShouldNotBe(url);

        var response = await app.CreateClient().GetAsync(tampered);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("X-Robots-Tag").Single().ShouldStartWith("noindex");
    }

    [Fact]
    public async Task Expired_link_is_403()
    {
        var (app, png, _, _) = await HostWithAttachmentsAsync();
        await using var _ = app;
        var url = app.Get<AttachmentLinks>().Create(png).Url;
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        (await app.CreateClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2));
        var response = await app.CreateClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("expired");
    }

    [Fact]
    public async Task Another_stores_attachment_or_an_unknown_id_is_404_even_when_signed()
    {
        var (app, png, _, _) = await HostWithAttachmentsAsync();
        await using var _ = app;
        var (other, _) = await AttachmentTestData.AddStoreWithCaseAsync(app.Get<IDbContextFactory<Dashboard.Data.DashboardDbContext>>(), app.Get<CaseService>(), app.Clock.UtcNow, "Other");
        var links = app.Get<AttachmentLinks>();

        (await app.CreateClient().GetAsync(links.Create(png.Id, other.Id).Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync(links.Create(Ids.New(Ids.Attachment), png.StoreId).Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_shape_has_a_signed_url_and_its_expiry()
    {
        var (app, _, pdf, _) = await HostWithAttachmentsAsync();
        await using var _ = app;
        var api = app.Get<AttachmentLinks>().ToApi(pdf, "https://dash.example/");
        api.Id.ShouldBe(pdf.Id);
        api.FileName.ShouldBe(pdf.FileName);
        api.ContentType.ShouldBe("application/pdf");
        api.Size.ShouldBe(pdf.Size);
        api.Url.ShouldStartWith($"https://dash.example/attachments/{pdf.Id}?store=");
        api.ExpiresAt.ShouldBe(app.Clock.UtcNow.AddMinutes(5), TimeSpan.FromSeconds(1));
    }
}
