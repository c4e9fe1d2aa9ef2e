namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>201 of Add Reply: the message just posted and the case's status now (open: a reply reopens).</summary>
public sealed record ApiSupportCaseReplyResult(ApiSupportCaseMessage Message, string Status);
