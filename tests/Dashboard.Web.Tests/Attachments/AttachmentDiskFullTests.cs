using System.Diagnostics;
using System.Text;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>
/// A full disk under the attachments folder is a clear "storage is full" refusal, and leaves no row,
/// no file and no staged upload behind. The real thing: a 256 KB tmpfs (needs root, as CI runs).
/// </summary>
public sealed class AttachmentDiskFullTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _folder = "";
    private bool _mounted;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _folder = Path.Combine(_db.Directory, "attachments");
        Directory.CreateDirectory(_folder);
        _mounted = Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", _folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (_mounted) Run("umount", _folder);
        await _db.DisposeAsync();
    }

    [Fact]
    public void A_real_no_space_error_is_recognised_as_a_full_disk()
    {
        var error = Should.Throw<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            full.Write(new byte[4096]);
            full.Flush();
        });
        AttachmentStorageFullException.IsDiskFull(error).ShouldBeTrue(error.ToString());
        AttachmentStorageFullException.IsDiskFull(new FileNotFoundException()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_reply_whose_file_does_not_fit_is_refused_as_storage_full_and_leaves_nothing()
    {
        if (!_mounted) Assert.Skip("mounting a tmpfs needs root; tests/test.sh runs as root in CI");
        var vault = new AttachmentVault(new FileSystemAttachmentStorage(_folder), Options.Create(new AttachmentOptions()), _db.Clock, NullLogger<AttachmentVault>.Instance);
        var cases = _db.CaseService(vault: vault);
        var (store, c) = await AttachmentTestData.AddStoreWithCaseAsync(_db.Factory, cases, _db.Clock.UtcNow);
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("activation log line\n", 100 * 1024 / 20)));

        // 100 KB staged fits; committing it needs a second copy that does not (256 KB disk).
        var first = (await vault.StageAsync("log-1.txt", new MemoryStream(text))).File!;
        var second = (await vault.StageAsync("log-2.txt", new MemoryStream(text))).File!;
        await Should.ThrowAsync<AttachmentStorageFullException>(() => vault.StageAsync("log-3.txt", new MemoryStream(text)));
        var refused = await cases.ReplyAsync(store.Id, c.Id, Actor.Merchant("Ada"), "Logs attached", [first.ToUpload(), second.ToUpload()]);

        refused.Outcome.ShouldBe(CaseOutcome.StorageFull);
        refused.Error.ShouldBe(AttachmentStorageFullException.Explanation);
        await using var db = _db.NewContext();
        (await db.Attachments.CountAsync()).ShouldBe(0);
        (await db.CaseMessages.CountAsync(m => m.CaseId == c.Id)).ShouldBe(1, "only the opening message");
        Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/staging/")).ShouldBeEmpty("no committed copy left");
    }

    private static bool Run(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.WaitForExit(30_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
