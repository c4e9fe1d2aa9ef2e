namespace Dashboard.Web.Features.Api;

/// <summary>The reply just posted and the case as it now stands (status AWAITING_CUSTOMER).</summary>
public sealed record ApiReplyResult(ApiMessage Message, ApiCase Case);
