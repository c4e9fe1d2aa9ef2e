namespace Dashboard.Domain;

public enum StoreRole { Owner, Agent }
