using Dashboard.Domain;

namespace Dashboard.Web.Features.Portal;

/// <summary>Case statuses in the customer's words (the spec's "Customer portal").</summary>
public static class PortalStatus
{
    public static string Label(CaseStatus status, string storeName) => status switch
    {
        CaseStatus.AwaitingMerchant => $"Waiting for {storeName}",
        CaseStatus.Open => "Open",
        CaseStatus.AwaitingCustomer => "Waiting for your reply",
        CaseStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
