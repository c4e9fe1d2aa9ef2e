using Dashboard.Domain;

namespace Dashboard.Web.Features.Licences;

/// <summary>A store member as the licence rules see them: their role, their store's setting, and their name for trail lines.</summary>
public sealed record LicenceActor(string UserId, string DisplayName, StoreRole Role, bool ReplaceOwnersOnly)
{
    /// <summary>Why <see cref="LicenceWorkflow"/> refuses this member <paramref name="action"/> on a key in <paramref name="status"/> (null: allowed).</summary>
    public string? Refusal(LicenceAction action, LicenseStatus status) => LicenceWorkflow.Refusal(action, status, Role, ReplaceOwnersOnly);
}
