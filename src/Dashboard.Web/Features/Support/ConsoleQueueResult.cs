namespace Dashboard.Web.Features.Support;

/// <summary>A page of the queue: rows, how many match the filters, counts per view, and the next page's cursor (null at the end).</summary>
public sealed record ConsoleQueueResult(IReadOnlyList<ConsoleQueueRow> Rows, int Total, int Mine, int Unassigned, string? NextCursor);
