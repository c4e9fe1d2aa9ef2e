using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// The JSON a health endpoint answers with: the overall status and, per check, its status, how long
/// it took and the check's own fixed description. Never an exception's text or data: those name
/// hosts, ports and sometimes a connection string, and the endpoint is open to anyone who can reach it.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                description = Describe(e.Value),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>
    /// A check's own words. When a check throws, the health service makes the exception's message the
    /// description ("Could not find a part of the path '/srv/…'"): that one is replaced.
    /// </summary>
    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is not null && (entry.Description is null || entry.Description == entry.Exception.Message)
            ? "The check failed; the instance's log has the detail."
            : entry.Description;
}
