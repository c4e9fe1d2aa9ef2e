namespace Dashboard.Web.Features.Licences;

/// <summary>What adding pasted keys did: how many were added, or why none were (with the duplicates named).</summary>
public sealed record PoolAddResult(int Added, string? Error = null, IReadOnlyList<string>? Duplicates = null)
{
    public bool Succeeded => Error is null;
    public static PoolAddResult Refused(string error, IReadOnlyList<string>? duplicates = null) => new(0, error, duplicates);
}
