using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Reliability.Harness;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// The attachments folder on a 2 MB filesystem (a tmpfs, or a loop-mounted image when tmpfs is not
/// allowed; both need root, and the scenario says so plainly when it cannot mount either). Replies
/// with a 300 KB file each are sent until the disk is full: the one that does not fit must get a clear
/// answer (507 STORAGE_FULL), and nothing may be left behind — no attachment row without its file,
/// no file without its row, no staged upload, no reply stored without its file. A reply without
/// files still goes through (the database is elsewhere).
/// </summary>
public static class DiskScenario
{
    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        await using var data = await DataSet.CreateAsync(options.Root, "disk", cases: 20);
        var folder = Path.Combine(data.Directory, "attachments");
        Directory.CreateDirectory(folder);
        var mount = SmallFilesystem.Mount(folder, options.Root);
        if (mount is null)
            return new Outcome("disk", -1, "not run: mounting a 2 MB filesystem needs root (mount -t tmpfs, or a loop device); run tests/reliability/run.sh as root");
        try
        {
            Console.WriteLine($"  attachments on {mount.Description}");
            await using var app = await AppUnderTest.StartAsync("app", data.Directory, options.AppSettings(new() { ["Outbox:Enabled"] = "false" }));
            using var api = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret);
            var file = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Licence activation log line, all fine.\n", 300 * 1024 / 39)));
            int accepted = 0, refusedClearly = 0, other = 0;
            string? refusal = null;
            for (var i = 0; i < 12 && refusedClearly == 0; i++)
            {
                using var form = new MultipartFormDataContent { { new StringContent($"Log {i} attached"), "body" } };
                var part = new ByteArrayContent(file);
                part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                form.Add(part, "files", $"activation-{i}.txt");
                var answer = await api.SendAsync(HttpMethod.Post, $"{api.Cases}/{data.CaseIds[i]}/messages", null, Guid.NewGuid().ToString(), content: form);
                if (answer.Status == HttpStatusCode.Created) accepted++;
                else if (answer.Status == HttpStatusCode.InsufficientStorage && answer.Body.Contains("STORAGE_FULL")) { refusedClearly++; refusal = answer.Body; }
                else { other++; Console.WriteLine($"  unexpected answer: {answer.Status} {answer.Body}{answer.TransportError}"); }
            }
            Console.WriteLine($"  {accepted} replies with a file stored, then: {refusal ?? "no refusal"}");
            var plain = await api.ReplyAsync(data.CaseIds[19], "No file this time", Guid.NewGuid().ToString());

            var orphans = await OrphansAsync(data, folder);
            Console.WriteLine($"  left behind: {orphans.Rows} rows without a file, {orphans.Files} files without a row, {orphans.Staged} staged uploads, {orphans.Replies} replies missing their file");
            var lost = orphans.Rows + orphans.Files + orphans.Staged + orphans.Replies + other + (refusedClearly == 0 ? 1 : 0) + (plain.Ok ? 0 : 1);
            return new Outcome("disk", lost,
                $"attachments disk of 2 MB: {accepted} replies with a 300 KB file stored, the next answered 507 STORAGE_FULL ({(refusedClearly > 0 ? "clear" : "missing")}); " +
                $"{orphans.Rows} orphan rows, {orphans.Files} orphan files, {orphans.Staged} staged leftovers; a reply without files {(plain.Ok ? "still works" : "failed: " + plain.Status)}");
        }
        finally
        {
            mount.Dispose();
        }
    }

    private static async Task<(int Rows, int Files, int Staged, int Replies)> OrphansAsync(DataSet data, string folder)
    {
        await using var db = data.Db();
        var rows = await db.Attachments.AsNoTracking().Select(a => new { a.StorageKey, a.MessageId }).ToListAsync();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        var staged = files.Count(f => f.StartsWith("staging/", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal));
        var stored = files.Where(f => !f.StartsWith("staging/", StringComparison.Ordinal) && !f.EndsWith(".partial", StringComparison.Ordinal)).ToHashSet();
        var replyIds = await db.CaseMessages.Where(m => m.Body.StartsWith("Log ")).Select(m => m.Id).ToListAsync();
        return (rows.Count(r => !stored.Contains(r.StorageKey)), stored.Count(f => rows.All(r => r.StorageKey != f)), staged,
            replyIds.Count(id => rows.All(r => r.MessageId != id)));
    }
}

/// <summary>A tiny filesystem mounted over a folder: tmpfs if allowed, else a loop-mounted ext4 image.</summary>
public sealed class SmallFilesystem(string folder, string description, string? image) : IDisposable
{
    public string Description { get; } = description;

    public static SmallFilesystem? Mount(string folder, string root)
    {
        if (Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder)) return new SmallFilesystem(folder, "a 2 MB tmpfs", null);
        var image = Path.Combine(root, "attachments.img");
        if (Run("truncate", "-s", "2M", image) && Run("mkfs.ext4", "-q", "-F", image) && Run("mount", "-o", "loop", image, folder))
            return new SmallFilesystem(folder, "a 2 MB ext4 image on a loop device", image);
        return null;
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

    public void Dispose()
    {
        Run("umount", folder);
        if (image is not null) File.Delete(image);
    }
}
