namespace Dashboard.Web.Features.Portal.SignIn;

/// <summary>The answer to a link or a code: the customer's normalized email, or why not.</summary>
public sealed record SignInCheck(string? Email, string? Error)
{
    public bool Succeeded => Email is not null;
    public static SignInCheck Ok(string email) => new(email, null);
    public static SignInCheck Refused(string error) => new(null, error);
}
