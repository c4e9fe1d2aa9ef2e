using Microsoft.AspNetCore.Identity;

namespace Dashboard.Data.Entities;

/// <summary>A person who signs in to the dashboard: a store member, or platform support staff.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Platform staff ("Pandabase Support"): cross-store access to escalated cases.</summary>
    public bool IsPlatformSupport { get; set; }

    /// <summary>The store the dashboard shows for this user (the store switcher writes it).</summary>
    public string? CurrentStoreId { get; set; }

    /// <summary>When the user last opened the notification menu.</summary>
    public DateTime? NotificationsSeenAt { get; set; }

    public List<StoreMember> Memberships { get; set; } = [];
}
