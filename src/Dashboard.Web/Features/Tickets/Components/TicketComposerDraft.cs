using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Features.Tickets.Components;

/// <summary>What the composer hands to its page on Send.</summary>
public sealed record TicketComposerDraft(string Body, IReadOnlyList<StagedFile> Files);
