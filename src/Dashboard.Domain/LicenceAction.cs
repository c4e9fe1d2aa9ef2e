namespace Dashboard.Domain;

/// <summary>What a store member can do to an order's licences from a case (<see cref="LicenceWorkflow"/>).</summary>
public enum LicenceAction
{
    /// <summary>Revoke the key and give the order a new one from the product's pool.</summary>
    Replace,

    /// <summary>Revoke the key; the order keeps no working key for it.</summary>
    Revoke,

    /// <summary>Email the order's working keys to the customer again.</summary>
    ResendDelivery,
}
