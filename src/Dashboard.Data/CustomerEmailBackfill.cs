namespace Dashboard.Data;

/// <summary>
/// Hand-written SQL of migration <c>AddCustomerPortal</c> (both providers call it): customers saved
/// before <c>NormalizedEmail</c> existed get it from <c>Email</c>, trimmed and lower-cased, the way
/// <c>Dashboard.Domain.CustomerEmail.Normalize</c> writes new rows. Plain SQL both providers run.
/// </summary>
public static class CustomerEmailBackfill
{
    public const string Sql = "UPDATE Customers SET NormalizedEmail = LOWER(TRIM(Email));";
}
