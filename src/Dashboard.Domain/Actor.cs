namespace Dashboard.Domain;

/// <summary>
/// Who acts on a case and writes its timeline entries: a kind (the wire's <c>authorKind</c>), the
/// name shown ("Ada Merchant", "Pandabase Support", "System") and, for a dashboard user, their id.
/// The same record serves the rules (names in trail lines) and the services (message authors).
/// </summary>
public sealed record Actor(AuthorKind Kind, string DisplayName, string? UserId = null)
{
    /// <summary>The name of SYSTEM entries: trail lines, auto-close, signals.</summary>
    public const string SystemName = "System";

    /// <summary>The customer as trail lines name them ("Reopened by the customer").</summary>
    public static readonly Actor Customer = new(AuthorKind.Customer, "the customer");
    public static readonly Actor System = new(AuthorKind.System, SystemName);

    public static Actor Merchant(string name, string? userId = null) => new(AuthorKind.Merchant, name, userId);

    /// <summary>Platform staff always write under the brand, never their own name.</summary>
    public static Actor Support(string? userId = null) => new(AuthorKind.Support, CaseWorkflow.SupportBrand, userId);
}
