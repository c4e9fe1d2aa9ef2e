namespace Dashboard.Web.Features.InboundMail;

/// <summary>What a reviewer's action did: done, or the reason it was not (shown as is).</summary>
public sealed record ReviewResult(bool Succeeded, string Message)
{
    public static ReviewResult Done(string message) => new(true, message);
    public static ReviewResult Refused(string message) => new(false, message);
}
