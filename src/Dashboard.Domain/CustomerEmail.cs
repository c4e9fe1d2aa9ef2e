namespace Dashboard.Domain;

/// <summary>
/// How the portal recognises a customer across stores: a <c>Customer</c> row belongs to one store, so
/// "every order bought with this email" is every row whose normalized email is the same.
/// </summary>
public static class CustomerEmail
{
    /// <summary>Longest accepted address (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased (invariant): the form stored in <c>Customers.NormalizedEmail</c>.</summary>
    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>
    /// A plausible address: one <c>@</c> with text on both sides, a dot in the domain, no spaces, within
    /// <see cref="MaxLength"/>. Deliverability is the email's job, not this check's.
    /// </summary>
    public static bool IsPlausible(string? email)
    {
        var e = (email ?? "").Trim();
        if (e.Length is < 3 or > MaxLength || e.Any(char.IsWhiteSpace)) return false;
        var at = e.IndexOf('@');
        if (at <= 0 || at != e.LastIndexOf('@') || at == e.Length - 1) return false;
        var domain = e[(at + 1)..];
        var dot = domain.IndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }
}
