using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Dashboard.Web.Features.Attachments;

/// <summary>Attachments as block blobs in one private container (created on first use).</summary>
public sealed class AzureBlobAttachmentStorage(BlobContainerClient container) : IAttachmentStorage
{
    private volatile bool _containerReady;

    public AzureBlobAttachmentStorage(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName)) { }

    public async Task WriteAsync(string key, Stream content, CancellationToken ct = default)
    {
        await EnsureContainerAsync(ct);
        var blob = container.GetBlobClient(StorageKeys.Check(key));
        // Block upload: the blob only appears when the final block list commits, so a failed
        // upload leaves nothing visible; the delete covers a failure after the commit.
        try
        {
            await blob.UploadAsync(content, overwrite: true, ct);
        }
        catch
        {
            try { await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None); } catch (RequestFailedException) { }
            throw;
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var response = await container.GetBlobClient(StorageKeys.Check(key)).DownloadStreamingAsync(cancellationToken: ct);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        try
        {
            await container.GetBlobClient(StorageKeys.Check(key)).DeleteIfExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!await container.ExistsAsync(ct)) yield break;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            yield return new StoredObject(item.Name, item.Properties.LastModified ?? DateTimeOffset.MinValue);
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady) return;
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        _containerReady = true;
    }
}
