namespace Dashboard.Domain;

/// <summary>What a decision asks the host to do besides saving the state; every flag has exactly one handler.</summary>
[Flags]
public enum CaseEffects
{
    None = 0,
    NotifyMerchant = 1,
    EmailCustomer = 2,
    SendAutoReply = 4,

    /// <summary>Email the customer that the case closes automatically unless they reply.</summary>
    SendAutoCloseWarning = 8,

    /// <summary>Email the customer that the case was closed automatically.</summary>
    SendAutoClosedNotice = 16,
}
