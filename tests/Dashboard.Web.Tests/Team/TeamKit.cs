using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Team;

/// <summary>Store members for the team tests, written as the product stores them (an Identity user plus a membership).</summary>
public static class TeamKit
{
    public static async Task<Actor> AddMemberAsync(this TestDatabase database, string storeId, string name, StoreRole role = StoreRole.Agent)
    {
        await using var db = database.NewContext();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "." + Guid.NewGuid().ToString("N")[..6] + "@store.test";
        var user = new AppUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = name };
        db.Users.Add(user);
        db.StoreMembers.Add(new StoreMember { StoreId = storeId, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
        return Actor.Merchant(name, user.Id);
    }
}
