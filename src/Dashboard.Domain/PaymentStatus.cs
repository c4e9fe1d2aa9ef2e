namespace Dashboard.Domain;

public enum PaymentStatus { Pending, Succeeded, Failed, Refunded, PartiallyRefunded, Disputed }
