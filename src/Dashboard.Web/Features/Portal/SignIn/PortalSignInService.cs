using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Portal.SignIn;

/// <summary>
/// Passwordless sign-in for customers: an email address gets a one-time link and a 6-digit code
/// (stored hashed, valid for <see cref="PortalSignInOptions.Lifetime"/>, used once, the code with
/// <see cref="PortalSignInOptions.CodeAttempts"/> tries), emailed through the outbox. An address with
/// no orders gets the same answer and no email. Requests are limited per address and per IP address.
/// </summary>
public sealed class PortalSignInService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    TimeProvider clock,
    CaseEmails emails,
    PublicUrls urls,
    IOptions<PortalSignInOptions> options,
    IHostEnvironment environment)
{
    public const string InvalidEmail = "Enter a valid email address, like name@example.com.";
    public const string InvalidLink = "This sign-in link is not valid. Open the whole link from the email, or ask for a new one.";
    public const string UsedLink = "This sign-in link has already been used. Ask for a new one.";
    public const string CodeFormat = "Enter the 6-digit code from the email.";
    public const string UsedCode = "This code has already been used. Ask for a new one if you need to sign in again.";
    public const string DeadCode = "Too many wrong codes: this code no longer works. Ask for a new one.";

    private PortalSignInOptions Options => options.Value;
    private int LifetimeMinutes => (int)Math.Round(Options.Lifetime.TotalMinutes);
    public string ExpiredLink => $"This sign-in link has expired (links work for {LifetimeMinutes} minutes). Ask for a new one.";
    public string ExpiredCode => $"This code has expired (codes work for {LifetimeMinutes} minutes). Ask for a new one.";

    /// <summary>Emails a link and a code when <paramref name="email"/> bought anything; answers the same either way.</summary>
    public async Task<SignInRequest> RequestAsync(string? email, string? ipAddress, CancellationToken ct = default)
    {
        if (!CustomerEmail.IsPlausible(email)) return new SignInRequest(SignInRequestOutcome.Invalid, Error: InvalidEmail);
        var address = email!.Trim();
        var normalized = CustomerEmail.Normalize(address);
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - Options.RateWindow;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Rows past every window and lifetime only weigh on the indexes.
        await db.PortalSignIns.Where(r => r.CreatedAt < now - Options.RateWindow - Options.Lifetime - TimeSpan.FromDays(1)).ExecuteDeleteAsync(ct);

        var byEmail = await db.PortalSignIns.Where(r => r.NormalizedEmail == normalized && r.CreatedAt > windowStart)
            .OrderBy(r => r.CreatedAt).Select(r => r.CreatedAt).Take(Options.RequestsPerEmail).ToListAsync(ct);
        if (byEmail.Count >= Options.RequestsPerEmail)
            return RateLimited($"Too many sign-in emails for this address. Wait {MinutesUntilFree(byEmail[0], now)} and try again.");
        if (ipAddress is not null)
        {
            var byIp = await db.PortalSignIns.Where(r => r.IpAddress == ipAddress && r.CreatedAt > windowStart)
                .OrderBy(r => r.CreatedAt).Select(r => r.CreatedAt).Take(Options.RequestsPerIp).ToListAsync(ct);
            if (byIp.Count >= Options.RequestsPerIp)
                return RateLimited($"Too many sign-in requests from your network. Wait {MinutesUntilFree(byIp[0], now)} and try again.");
        }

        var request = new PortalSignIn
        {
            NormalizedEmail = normalized, IpAddress = ipAddress, CreatedAt = now, ExpiresAt = now + Options.Lifetime,
        };
        var hasOrders = await db.Customers.AnyAsync(c => c.NormalizedEmail == normalized, ct);
        string? link = null, code = null;
        if (hasOrders)
        {
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            link = urls.PortalSignInLink(token);
            request.TokenHash = Hash(token);
            request.CodeHash = CodeHash(request.Id, code);
            await emails.AddAsync(db, SignInEmail.Compose(address, link, code, Options.Lifetime, emails.MessageId(request.Id, SignInEmail.Kind), now), ct);
        }
        db.PortalSignIns.Add(request);
        await db.SaveChangesAsync(ct);

        var aid = environment.IsDevelopment() ? new SignInDevelopmentAid(link, code) : null;
        return new SignInRequest(SignInRequestOutcome.Sent, request.Id, DevelopmentAid: aid);
    }

    /// <summary>Whether a link's token is live, without using it (the confirm page shows before the sign-in).</summary>
    public async Task<SignInCheck> CheckLinkAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await FindByTokenAsync(db, token, ct);
        return Refusal(request, linkRefusal: true) is { } error ? SignInCheck.Refused(error) : SignInCheck.Ok(request!.NormalizedEmail);
    }

    /// <summary>Signs in with the emailed link: once, before it expires, not after the code was locked.</summary>
    public async Task<SignInCheck> RedeemLinkAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await FindByTokenAsync(db, token, ct);
        if (Refusal(request, linkRefusal: true) is { } error) return SignInCheck.Refused(error);
        return await UseAsync(db, request!, UsedLink, ct);
    }

    /// <summary>Signs in with the emailed code of request <paramref name="requestId"/>; each wrong code uses up a try.</summary>
    public async Task<SignInCheck> RedeemCodeAsync(string? requestId, string? code, CancellationToken ct = default)
    {
        code = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return SignInCheck.Refused(CodeFormat);
        if (!Ids.IsValid(requestId, Ids.SignIn)) return SignInCheck.Refused(WrongCode(Options.CodeAttempts));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.PortalSignIns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return SignInCheck.Refused(WrongCode(Options.CodeAttempts));
        if (Refusal(request, linkRefusal: false) is { } error) return SignInCheck.Refused(error);

        var matches = request.CodeHash is { } expected &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(CodeHash(request.Id, code)));
        if (matches) return await UseAsync(db, request, UsedCode, ct);

        // Counted in the database, so parallel guesses cannot get past the limit.
        var max = Options.CodeAttempts;
        var counted = await db.PortalSignIns.Where(r => r.Id == request.Id && r.UsedAt == null && r.FailedAttempts < max)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FailedAttempts, r => r.FailedAttempts + 1), ct);
        if (counted == 0) return SignInCheck.Refused(DeadCode);
        return SignInCheck.Refused(WrongCode(max - request.FailedAttempts - 1));
    }

    private static string WrongCode(int triesLeft) => triesLeft switch
    {
        <= 0 => "That code is not right, and that was the last try. Ask for a new code.",
        1 => "That code is not right. 1 try left.",
        _ => $"That code is not right. {triesLeft} tries left.",
    };

    /// <summary>Marks the request used, once: of two racing redeems only one signs in.</summary>
    private async Task<SignInCheck> UseAsync(DashboardDbContext db, PortalSignIn request, string usedMessage, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = Options.CodeAttempts;
        var used = await db.PortalSignIns
            .Where(r => r.Id == request.Id && r.UsedAt == null && r.FailedAttempts < max && r.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        return used == 1 ? SignInCheck.Ok(request.NormalizedEmail) : SignInCheck.Refused(usedMessage);
    }

    private static async Task<PortalSignIn?> FindByTokenAsync(DashboardDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token.Trim());
        return await db.PortalSignIns.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
    }

    /// <summary>Why a request cannot sign anyone in now, or null. The same order of checks for link and code.</summary>
    private string? Refusal(PortalSignIn? request, bool linkRefusal)
    {
        if (request is null) return InvalidLink;
        if (request.UsedAt is not null) return linkRefusal ? UsedLink : UsedCode;
        if (request.FailedAttempts >= Options.CodeAttempts) return DeadCode;
        if (request.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return linkRefusal ? ExpiredLink : ExpiredCode;
        return null;
    }

    private SignInRequest RateLimited(string message) => new(SignInRequestOutcome.RateLimited, Error: message);

    private string MinutesUntilFree(DateTime oldestInWindow, DateTime now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((oldestInWindow + Options.RateWindow - now).TotalMinutes));
        return minutes == 1 ? "a minute" : $"{minutes} minutes";
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Salted with the request id, so equal codes of two requests never share a hash.
    private static string CodeHash(string requestId, string code) => Hash($"portal-code\n{requestId}\n{code}");
}
