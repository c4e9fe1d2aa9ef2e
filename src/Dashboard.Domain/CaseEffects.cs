namespace Dashboard.Domain;

[Flags]
public enum CaseEffects
{
    None = 0,
    NotifyMerchant = 1,
    EmailCustomer = 2,
    SendAutoReply = 4,
}
