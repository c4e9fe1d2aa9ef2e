using Dashboard.Domain;

namespace Dashboard.Web.Features.Team;

/// <summary>One member of a store as the team pages and the assignee menu show them.</summary>
public sealed record TeamMember(string UserId, string DisplayName, string Email, StoreRole Role);
