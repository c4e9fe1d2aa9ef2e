namespace Dashboard.Domain;

/// <summary>Where a case stands. Wire names: OPEN, AWAITING_CUSTOMER, AWAITING_MERCHANT, CLOSED.</summary>
public enum CaseStatus
{
    Open = 0,
    AwaitingCustomer = 1,
    AwaitingMerchant = 2,
    Closed = 3,
}
