using Dashboard.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Features.Attachments;

public sealed partial class AttachmentPicker
{
    private const string Accept = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,application/zip,.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log,.csv,.zip";

    [Inject] private AttachmentVault Vault { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<AttachmentPicker> Logger { get; set; } = null!;

    /// <summary>The files staged for the next message; owned by the reply box.</summary>
    [Parameter] public List<StagedFile> Files { get; set; } = [];
    [Parameter] public EventCallback FilesChanged { get; set; }
    [Parameter] public bool Disabled { get; set; }

    /// <summary>Optional: true while files are still uploading (the reply box may hold Send until false).</summary>
    [Parameter] public EventCallback<bool> UploadingChanged { get; set; }

    public bool IsUploading => _pending.Count > 0;

    private readonly string _inputId = "attach-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<PendingUpload> _pending = [];
    private readonly List<string> _errors = [];
    private readonly CancellationTokenSource _disposed = new();
    private InputFile? _input;

    private bool CanAdd => !Disabled && Files.Count + _pending.Count < Limits.AttachmentsPerMessageMax;

    private sealed class PendingUpload(string name, long size)
    {
        public string Name { get; } = name;
        public long Size { get; } = size;
        public int Percent { get; set; }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _input?.Element is not { } element) return;
        try { await JS.InvokeVoidAsync("dashboard.attachZone", element); }
        catch (JSDisconnectedException) { }
        catch (InvalidOperationException) { } // prerendering
    }

    private async Task OnPickedAsync(InputFileChangeEventArgs e)
    {
        _errors.Clear();
        if (Disabled) return;
        IReadOnlyList<IBrowserFile> picked = e.FileCount > 50 ? [] : e.GetMultipleFiles(50);
        if (e.FileCount > 50) _errors.Add(AttachmentVault.TooManyFiles);

        var accepted = new List<(IBrowserFile File, PendingUpload Pending)>();
        foreach (var file in picked)
        {
            var name = FileNames.Sanitize(file.Name);
            if (Files.Count + _pending.Count >= Limits.AttachmentsPerMessageMax)
                _errors.Add($"\"{name}\" was not added: {AttachmentVault.TooManyFiles.ToLowerInvariant()}");
            else if (file.Size == 0)
                _errors.Add($"\"{name}\" was refused: the file is empty.");
            else if (file.Size > Vault.MaxFileBytes)
                _errors.Add(Vault.TooLargeMessage(name)); // refused before a single byte is read
            else
            {
                var pending = new PendingUpload(name, file.Size);
                _pending.Add(pending);
                accepted.Add((file, pending));
            }
        }
        if (accepted.Count == 0) return;
        await UploadingChanged.InvokeAsync(true);
        StateHasChanged();

        foreach (var (file, pending) in accepted)
        {
            await UploadAsync(file, pending);
            _pending.Remove(pending);
            StateHasChanged();
        }
        if (_pending.Count == 0) await UploadingChanged.InvokeAsync(false);
    }

    private async Task UploadAsync(IBrowserFile file, PendingUpload pending)
    {
        try
        {
            await using var browser = file.OpenReadStream(Vault.MaxFileBytes + 1, _disposed.Token);
            await using var progress = new ProgressStream(browser, file.Size, percent =>
            {
                if (percent - pending.Percent < 5 && percent < 100) return;
                pending.Percent = percent;
                _ = InvokeAsync(StateHasChanged);
            });
            var result = await Vault.StageAsync(file.Name, progress, _disposed.Token);
            if (!result.Succeeded)
            {
                _errors.Add(result.Error!);
                return;
            }
            Files.Add(result.File!);
            await FilesChanged.InvokeAsync();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested) { }
        catch (AttachmentStorageFullException)
        {
            _errors.Add($"\"{pending.Name}\" could not be uploaded: {AttachmentStorageFullException.Explanation}");
        }
        catch (IOException e)
        {
            Logger.LogInformation(e, "Upload of an attachment failed");
            _errors.Add($"\"{pending.Name}\" could not be uploaded; please try again.");
        }
    }

    private async Task RemoveAsync(StagedFile file)
    {
        if (Disabled) return;
        Files.Remove(file);
        await FilesChanged.InvokeAsync();
        await Vault.DeleteQuietlyAsync([file.StagingKey]);
    }

    private static string IconFor(string contentType) => contentType switch
    {
        _ when AttachmentKinds.IsRasterImage(contentType) => Icons.Material.Filled.Image,
        "application/pdf" => Icons.Material.Filled.PictureAsPdf,
        "application/zip" => Icons.Material.Filled.FolderZip,
        _ => Icons.Material.Filled.Description,
    };

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }
}

/// <summary>Reports how far a read has got, as a percentage of the expected length.</summary>
internal sealed class ProgressStream(Stream inner, long expected, Action<int> report) : Stream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        Advance(n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Advance(n);
        return n;
    }

    private void Advance(int n)
    {
        _read += n;
        if (expected > 0) report((int)Math.Min(100, _read * 100 / expected));
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
}
