using Dashboard.Domain;

namespace Dashboard.Data.Entities;

public sealed class StoreMember
{
    public string StoreId { get; set; } = "";
    public string UserId { get; set; } = "";
    public StoreRole Role { get; set; }
    public Store Store { get; set; } = null!;
    public AppUser User { get; set; } = null!;
}
