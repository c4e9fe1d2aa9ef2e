namespace Dashboard.Web.Features.Licences;

/// <summary>One product of the store with its pool's counts per status.</summary>
public sealed record PoolProduct(string ProductId, string Name, int Available, int Claimed, int Revoked)
{
    /// <summary>At or below this many available keys the pool page warns that the product is running out.</summary>
    public const int LowStock = 2;

    public bool IsLow => Available <= LowStock;
}
