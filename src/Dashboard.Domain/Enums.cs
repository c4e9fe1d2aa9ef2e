namespace Dashboard.Domain;

/// <summary>Where a case stands. Wire names: OPEN, AWAITING_CUSTOMER, AWAITING_MERCHANT, CLOSED.</summary>
public enum CaseStatus
{
    Open = 0,
    AwaitingCustomer = 1,
    AwaitingMerchant = 2,
    Closed = 3,
}

/// <summary>A triage aid only. Wire names: LOW, NORMAL, HIGH, URGENT.</summary>
public enum CasePriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>Who wrote a message (and who wrote last). Wire names: CUSTOMER, MERCHANT, SUPPORT, SYSTEM.</summary>
public enum AuthorKind
{
    Customer = 0,
    Merchant = 1,
    Support = 2,
    System = 3,
}

public enum OrderStatus { Pending, Processing, Completed, Refunded, PartiallyRefunded, Cancelled, Failed }

public enum PaymentStatus { Pending, Succeeded, Failed, Refunded, PartiallyRefunded, Disputed }

public enum LicenseStatus { Available, Claimed, Revoked, Expired }

public enum StoreRole { Owner, Agent }
