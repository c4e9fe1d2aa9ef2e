namespace Dashboard.Web.Features.InboundMail;

/// <summary>How an email arrived (the <c>Channel</c> column).</summary>
public static class InboundChannel
{
    public const string Imap = "imap";
    public const string Webhook = "webhook";
}
