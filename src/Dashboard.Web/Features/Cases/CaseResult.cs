using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Cases;

public enum CaseOutcome
{
    Ok,
    /// <summary>No such case in this store (another store's case looks exactly like this).</summary>
    NotFound,
    /// <summary>The state machine refused; <see cref="CaseResult.Error"/> is the spec's message.</summary>
    Refused,
    /// <summary>Bad input (empty body, too long, …); <see cref="CaseResult.Error"/> says what.</summary>
    Invalid,
    /// <summary>Someone else changed the case first; reload and try again.</summary>
    Conflict,
    /// <summary>The actor does not pass the action's policy (<see cref="Stores.Policies"/>).</summary>
    Forbidden,
    /// <summary>The attachment store is full: nothing was saved; <see cref="CaseResult.Error"/> says so.</summary>
    StorageFull,
}

/// <summary>What a case command did. Surfaces map it to a snackbar or an HTTP status.</summary>
public sealed record CaseResult(CaseOutcome Outcome, string? Error = null, SupportCase? Case = null, CaseMessage? Message = null)
{
    public const string ConflictMessage = "This case was changed by someone else while you were working on it. It has been reloaded; please check and try again.";

    public bool Succeeded => Outcome == CaseOutcome.Ok;
    public static CaseResult NotFound { get; } = new(CaseOutcome.NotFound, "Case not found");
    public static CaseResult Conflict { get; } = new(CaseOutcome.Conflict, ConflictMessage);
    public static CaseResult Forbidden { get; } = new(CaseOutcome.Forbidden, "You are not allowed to do this");
    public static CaseResult Refused(string message) => new(CaseOutcome.Refused, message);
    public static CaseResult Invalid(string message) => new(CaseOutcome.Invalid, message);
}
