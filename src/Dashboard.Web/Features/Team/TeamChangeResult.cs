namespace Dashboard.Web.Features.Team;

/// <summary>What a change to the team did: nothing to report, or the error a person reads.</summary>
public sealed record TeamChangeResult(string? Error)
{
    public bool Succeeded => Error is null;
    public static TeamChangeResult Ok { get; } = new((string?)null);
}
