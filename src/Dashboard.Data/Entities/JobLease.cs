namespace Dashboard.Data.Entities;

/// <summary>
/// A durable lease on a background job shared by every app instance on one database: the instance
/// named in <see cref="Owner"/> may run <see cref="Name"/> until <see cref="ExpiresAt"/>. Taken and
/// renewed with one conditional UPDATE, so two instances never hold it at once, and a crashed
/// holder's lease simply runs out (docs/decisions/0008-auto-close-lease.md).
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
