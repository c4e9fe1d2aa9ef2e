using Dashboard.Domain;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>The payment events that raise a signal; every other type is recorded and otherwise ignored.</summary>
public static class PaymentEventTypes
{
    public const string DisputeCreated = "dispute.created";
    public const string EarlyFraudWarningCreated = "early_fraud_warning.created";

    public static EscalationSignalKind? SignalOf(string type) => type switch
    {
        DisputeCreated => EscalationSignalKind.DisputeRisk,
        EarlyFraudWarningCreated => EscalationSignalKind.EfwMatch,
        _ => null,
    };
}
