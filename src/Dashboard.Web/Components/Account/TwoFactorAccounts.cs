using System.Text;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Dashboard.Web.Components.Account;

/// <summary>What the two-factor page shows about an account.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>What the setup page shows: the shared key (grouped for typing), the otpauth URI and its QR code.</summary>
public sealed record AuthenticatorSetup(string FormattedKey, string OtpAuthUri, string QrCodePngDataUri);

/// <summary>The outcome of turning two-factor sign-in on: the recovery codes to show once, or why not.</summary>
public sealed record TwoFactorEnabled(IReadOnlyList<string>? RecoveryCodes, string? Error);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238, Identity's authenticator token provider)
/// and one-time recovery codes. Optional for merchants; required for platform support, who reach every
/// store's escalated cases (see docs/decisions/0010-two-factor-for-platform-support.md).
/// </summary>
public sealed class TwoFactorAccounts(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store)
{
    private readonly IUserAuthenticatorKeyStore<AppUser> _keys = (IUserAuthenticatorKeyStore<AppUser>)store;

    public const int RecoveryCodeCount = 10;
    public const string Issuer = "Support cases";
    public const string WrongCodeMessage = "That code is not right. Enter the 6-digit code your authenticator app shows now.";

    /// <summary>Platform support must use two-factor sign-in.</summary>
    public static bool IsRequired(AppUser user) => user.IsPlatformSupport;

    /// <summary>An account that must set up two-factor sign-in before it may do anything else.</summary>
    public static bool MustSetUp(AppUser user) => IsRequired(user) && !user.TwoFactorEnabled;

    /// <summary>An authenticator code as people type it ("123 456"): spaces and dashes dropped.</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    /// <summary>A recovery code as people type it: any case, with or without its dash ("abcde fghij" → "ABCDE-FGHIJ").</summary>
    public static string NormalizeRecoveryCode(string? code)
    {
        var bare = (code ?? "").Replace(" ", "").Replace("-", "").Trim().ToUpperInvariant();
        return bare.Length == 10 ? $"{bare[..5]}-{bare[5..]}" : bare;
    }

    public async Task<TwoFactorStatus> StatusAsync(AppUser user) =>
        new(user.TwoFactorEnabled, IsRequired(user), user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);

    /// <summary>
    /// The key to scan or type; made on first use and kept until setup succeeds, so the page can be reloaded.
    /// A first key is stored without changing the security stamp (UserManager.ResetAuthenticatorKeyAsync
    /// would): nothing is on yet, and the user's other open dashboards should not be signed out for a look.
    /// </summary>
    public async Task<AuthenticatorSetup> SetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await _keys.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }
        var account = await users.GetEmailAsync(user) ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new AuthenticatorSetup(FormatKey(key), uri, QrCode(uri));
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is the authenticator's current code.</summary>
    public async Task<TwoFactorEnabled> EnableAsync(AppUser user, string? code)
    {
        var token = NormalizeCode(code);
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return new(null, "Enter the 6-digit code your authenticator app shows.");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token))
            return new(null, WrongCodeMessage);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user);
        return new(codes, null);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key; refused where it is required.</summary>
    public async Task<string?> DisableAsync(AppUser user)
    {
        if (IsRequired(user)) return "Platform support accounts must keep two-factor sign-in on.";
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return null;
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();

    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
