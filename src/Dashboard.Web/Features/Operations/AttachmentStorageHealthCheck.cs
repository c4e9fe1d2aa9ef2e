using Dashboard.Web.Features.Attachments;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// Ready when attachment storage (folder or Blob container) takes a write, gives the same bytes back
/// and deletes them: a tiny probe object under <c>health/</c>, one per instance so two never race.
/// </summary>
public sealed class AttachmentStorageHealthCheck(IAttachmentStorage storage) : IHealthCheck
{
    private static readonly byte[] Probe = "dashboard readiness probe"u8.ToArray();
    private readonly string _key = "health/probe-" + Guid.NewGuid().ToString("N");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await storage.WriteAsync(_key, new MemoryStream(Probe), ct);
        try
        {
            await using var read = await storage.OpenReadAsync(_key, ct);
            if (read is null) return HealthCheckResult.Unhealthy("The probe object written to attachment storage could not be read back.");
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, ct);
            return copy.ToArray().AsSpan().SequenceEqual(Probe)
                ? HealthCheckResult.Healthy("Writable and readable.")
                : HealthCheckResult.Unhealthy("Attachment storage gave back other bytes than were written.");
        }
        finally
        {
            await storage.DeleteAsync(_key, ct);
        }
    }
}
