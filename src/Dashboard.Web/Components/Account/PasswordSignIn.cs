using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Components.Account;

/// <summary>What the sign-in form does next.</summary>
public enum SignInStep
{
    /// <summary>Signed in: follow the return URL.</summary>
    SignedIn,
    /// <summary>Password right, two-factor on: ask for the authenticator code (or a recovery code).</summary>
    AskForCode,
    /// <summary>Signed in, but the account must set up two-factor sign-in before anything else (platform support).</summary>
    SetUpTwoFactor,
    /// <summary>Wrong email, wrong password, or a locked account: one answer for all three.</summary>
    Refused,
}

/// <summary>
/// The password step of sign-in. A wrong password, an unknown email and a locked account get the same
/// answer (<see cref="RefusedMessage"/>) and take about the same time (an unknown or locked account still
/// pays for one password hash), so the form cannot be used to learn which addresses have accounts.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signInManager, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher)
{
    public const string RefusedMessage =
        "Email or password is incorrect. After 5 failed attempts, sign-in to an account is locked for 15 minutes.";

    private static readonly AppUser Nobody = new();
    private static string? _decoyHash;

    public async Task<SignInStep> SignInAsync(string email, string password, bool rememberMe)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The same work as checking a real password: the answer's timing tells nothing either.
            _decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
            return SignInStep.Refused;
        }
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return SignInStep.AskForCode;
        if (!result.Succeeded) return SignInStep.Refused;
        return TwoFactorAccounts.MustSetUp(user) ? SignInStep.SetUpTwoFactor : SignInStep.SignedIn;
    }
}
