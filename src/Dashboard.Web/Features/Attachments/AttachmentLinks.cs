using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Attachments;

/// <summary>An attachment as the Store API shows it: metadata and a short-lived signed link.</summary>
public sealed record ApiAttachment(string Id, string FileName, string ContentType, long Size, string Url, DateTime ExpiresAt);

public sealed record SignedLink(string Url, DateTimeOffset ExpiresAt);

public enum LinkCheck { Valid, Tampered, Expired }

/// <summary>
/// Mints and checks download links <c>/attachments/{id}?store=…&amp;exp=…&amp;sig=…</c>:
/// HMAC-SHA256 over (attachment id, store id, expiry). The link is the permission, so it is only
/// minted for attachments the caller may already see (the page's store, the token's store).
/// </summary>
public sealed class AttachmentLinks
{
    public const string PathPrefix = "/attachments/";
    private readonly byte[] _key;
    private readonly IOptions<AttachmentOptions> _options;
    private readonly TimeProvider _clock;

    public AttachmentLinks(byte[] key, IOptions<AttachmentOptions> options, TimeProvider clock)
    {
        if (key.Length < 32) throw new ArgumentException("The link signing key needs at least 32 bytes", nameof(key));
        _key = key;
        _options = options;
        _clock = clock;
    }

    public TimeSpan Lifetime => _options.Value.LinkLifetime;

    public SignedLink Create(Attachment attachment) => Create(attachment.Id, attachment.StoreId);

    public SignedLink Create(string attachmentId, string storeId)
    {
        var expires = _clock.GetUtcNow() + Lifetime;
        var exp = expires.ToUnixTimeSeconds();
        var url = $"{PathPrefix}{Uri.EscapeDataString(attachmentId)}?store={Uri.EscapeDataString(storeId)}&exp={exp}&sig={Sign(attachmentId, storeId, exp)}";
        return new SignedLink(url, DateTimeOffset.FromUnixTimeSeconds(exp));
    }

    /// <summary>The Store API's shape; <paramref name="baseUrl"/> (e.g. <c>https://host</c>) makes the link absolute.</summary>
    public ApiAttachment ToApi(Attachment attachment, string? baseUrl = null)
    {
        var link = Create(attachment);
        var url = string.IsNullOrEmpty(baseUrl) ? link.Url : baseUrl.TrimEnd('/') + link.Url;
        return new ApiAttachment(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, url, link.ExpiresAt.UtcDateTime);
    }

    public LinkCheck Verify(string attachmentId, string? storeId, string? exp, string? sig)
    {
        if (storeId is null || sig is null || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expSeconds))
            return LinkCheck.Tampered;
        byte[] given;
        try { given = WebEncoders.Base64UrlDecode(sig); }
        catch (FormatException) { return LinkCheck.Tampered; }
        var expected = Mac(attachmentId, storeId, expSeconds);
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) return LinkCheck.Tampered;
        return _clock.GetUtcNow().ToUnixTimeSeconds() > expSeconds ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private string Sign(string attachmentId, string storeId, long exp) => WebEncoders.Base64UrlEncode(Mac(attachmentId, storeId, exp));

    private byte[] Mac(string attachmentId, string storeId, long exp) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"attachment-link\n{attachmentId}\n{storeId}\n{exp.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// The signing key: the configured secret, or a random key generated once and kept in the data
    /// directory encrypted with Data Protection (so links survive a restart).
    /// </summary>
    public static byte[] ResolveKey(AttachmentOptions options, IDataProtectionProvider dataProtection, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (options.SigningKey.Length < 32) throw new InvalidOperationException("Attachments:SigningKey must be at least 32 characters");
            return SHA256.HashData(Encoding.UTF8.GetBytes(options.SigningKey));
        }
        var protector = dataProtection.CreateProtector("Dashboard.Attachments.LinkKey");
        var file = Path.Combine(dataDirectory, "keys", "attachment-links.key");
        if (File.Exists(file))
        {
            try { return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(file).Trim())); }
            catch (Exception e) when (e is CryptographicException or FormatException) { /* keys lost: make a new one */ }
        }
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Convert.ToBase64String(protector.Protect(key)));
        return key;
    }
}
