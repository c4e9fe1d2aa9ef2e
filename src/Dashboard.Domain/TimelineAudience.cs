namespace Dashboard.Domain;

/// <summary>Who is looking at a case's timeline.</summary>
public enum TimelineAudience
{
    MerchantDashboard,
    SupportConsole,
    CustomerPortal,
    StoreApi,
    Email,
}
