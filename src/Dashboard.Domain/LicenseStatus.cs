namespace Dashboard.Domain;

public enum LicenseStatus { Available, Claimed, Revoked, Expired }
