using System.Net;
using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Portal.SignIn;

/// <summary>The sign-in email: the one-time link and the code. Store-neutral: it serves every store's customers.</summary>
public static class SignInEmail
{
    public const string Kind = "portal-sign-in";
    public const string FromName = PortalBrand.Name;

    public static OutboxEmail Compose(string to, string link, string code, TimeSpan lifetime, string messageId, DateTime now)
    {
        var minutes = (int)Math.Round(lifetime.TotalMinutes);
        var text = $"""
            Hello,

            Sign in to see your orders and support cases:
            {link}

            Or type this code on the sign-in page: {code}

            The link and the code work once, for {minutes} minutes. If you did not ask to sign in, you can ignore this email.

            — {FromName}

            """;
        var e = (Func<string, string>)WebUtility.HtmlEncode;
        var html = "<!DOCTYPE html><html><body style=\"font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#222\">" +
            "<p>Hello,</p>" +
            $"<p><a href=\"{e(link)}\" style=\"display:inline-block;padding:10px 18px;background:#3b5bdb;color:#fff;border-radius:6px;text-decoration:none\">Sign in to see your orders</a></p>" +
            $"<p>Or type this code on the sign-in page:</p><p style=\"font-size:24px;font-weight:700;letter-spacing:4px\">{e(code)}</p>" +
            $"<p>The link and the code work once, for {minutes} minutes. If you did not ask to sign in, you can ignore this email.</p>" +
            $"<p>— {e(FromName)}</p></body></html>";
        return new OutboxEmail
        {
            Kind = Kind, ToAddress = to, FromName = FromName, Subject = $"{code} is your sign-in code",
            TextBody = text, HtmlBody = html, MessageIdHeader = messageId, CreatedAt = now, NextAttemptAt = now,
        };
    }
}
