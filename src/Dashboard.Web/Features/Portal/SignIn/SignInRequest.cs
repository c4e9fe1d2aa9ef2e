namespace Dashboard.Web.Features.Portal.SignIn;

public enum SignInRequestOutcome
{
    /// <summary>Answered "check your email", whether or not the email has orders (no enumeration).</summary>
    Sent,
    Invalid,
    RateLimited,
}

/// <summary>
/// What asking for a sign-in answered. <see cref="RequestId"/> names the request the code form checks
/// against. <see cref="DevelopmentAid"/> is set only in Development, for the page to show.
/// </summary>
public sealed record SignInRequest(SignInRequestOutcome Outcome, string? RequestId = null, string? Error = null, SignInDevelopmentAid? DevelopmentAid = null)
{
    public bool Succeeded => Outcome == SignInRequestOutcome.Sent;
}

/// <summary>Development only: what the email said (null link and code when no email was sent: no orders for that address).</summary>
public sealed record SignInDevelopmentAid(string? Link, string? Code);
