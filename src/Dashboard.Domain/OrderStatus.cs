namespace Dashboard.Domain;

public enum OrderStatus { Pending, Processing, Completed, Refunded, PartiallyRefunded, Cancelled, Failed }
