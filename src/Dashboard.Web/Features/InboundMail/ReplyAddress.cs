using Dashboard.Data.Entities;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// A case's reply address, <c>{local}+{token}@{domain}</c>, where the token is the case's random
/// <see cref="SupportCase.ReplyToken"/>: it names the case without revealing or being derivable from
/// its id. Null (and never matched) when <see cref="InboundMailOptions.ReplyDomain"/> is empty.
/// </summary>
public sealed class ReplyAddress(IOptions<InboundMailOptions> options)
{
    private const int TokenLength = 32;

    private InboundMailOptions Options => options.Value;

    public string? For(SupportCase supportCase) =>
        Options.ReplyAddressesEnabled ? $"{Options.ReplyLocalPart}+{supportCase.ReplyToken}@{Options.ReplyDomain!.Trim()}" : null;

    /// <summary>The token when <paramref name="address"/> is one of our reply addresses, else null.</summary>
    public string? TokenOf(MailboxAddress address)
    {
        if (!IsOurDomain(address)) return null;
        var local = address.LocalPart;
        var prefix = Options.ReplyLocalPart + "+";
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = local[prefix.Length..].ToLowerInvariant();
        return token.Length == TokenLength && token.All(char.IsAsciiHexDigitLower) ? token : null;
    }

    /// <summary>True for any address at the reply domain (mail from there is our own, come back).</summary>
    public bool IsOurDomain(MailboxAddress address) =>
        Options.ReplyAddressesEnabled && address.Domain.Equals(Options.ReplyDomain!.Trim(), StringComparison.OrdinalIgnoreCase);
}
