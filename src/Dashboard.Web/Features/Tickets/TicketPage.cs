namespace Dashboard.Web.Features.Tickets;

/// <summary>One page of rows and the number of rows that match in all (<see cref="Total"/>).</summary>
public sealed record TicketPage<T>(IReadOnlyList<T> Rows, int Total, int Offset, int Limit);
