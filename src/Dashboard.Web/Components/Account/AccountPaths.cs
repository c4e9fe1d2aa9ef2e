namespace Dashboard.Web.Components.Account;

/// <summary>The account pages' addresses, named once.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string LoginWithCode = "/account/login-2fa";
    public const string LoginWithRecoveryCode = "/account/login-recovery";
    public const string TwoFactor = "/account/two-factor";
    public const string TwoFactorSetup = "/account/two-factor/setup";

    /// <summary><paramref name="path"/> carrying a (checked) return URL: <c>/account/two-factor/setup?returnUrl=%2Fsupport%2Fescalated</c>.</summary>
    public static string WithReturnUrl(string path, string? returnUrl) =>
        $"{path}?returnUrl={Uri.EscapeDataString(ReturnUrl.LocalOrDefault(returnUrl))}";
}
