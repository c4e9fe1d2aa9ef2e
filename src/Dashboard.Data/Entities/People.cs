using Dashboard.Domain;
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

public sealed class Store
{
    public string Id { get; set; } = Ids.New(Ids.Store);
    public string Name { get; set; } = "";

    /// <summary>Where "new case" emails go.</summary>
    public string NotificationEmail { get; set; } = "";
    public string DefaultCurrency { get; set; } = "USD";

    public bool AutoReplyEnabled { get; set; }
    public string? AutoReplyText { get; set; }

    /// <summary>Idle days in Awaiting customer before auto-close (default 14) and warning lead (default 2).</summary>
    public int AutoCloseDays { get; set; } = 14;
    public int AutoCloseWarningDays { get; set; } = 2;

    public DateTime CreatedAt { get; set; }
    public List<StoreMember> Members { get; set; } = [];
}

public sealed class StoreMember
{
    public string StoreId { get; set; } = "";
    public string UserId { get; set; } = "";
    public StoreRole Role { get; set; }
    public Store Store { get; set; } = null!;
    public AppUser User { get; set; } = null!;
}

/// <summary>A buyer at one store.</summary>
public sealed class Customer
{
    public string Id { get; set; } = Ids.New(Ids.Customer);
    public string StoreId { get; set; } = "";
    public string Email { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Guest { get; set; }
    public DateTime CreatedAt { get; set; }

    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : Email;
}
