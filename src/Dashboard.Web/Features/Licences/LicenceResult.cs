using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// What a licence action did: on success <see cref="Summary"/> is the trail line it wrote (the same
/// line again for a repeated idempotency key); otherwise <see cref="Error"/> says why, in words a person understands.
/// </summary>
public sealed record LicenceResult(CaseOutcome Outcome, string? Error = null, string? Summary = null)
{
    public bool Succeeded => Outcome == CaseOutcome.Ok;
    public static LicenceResult Done(string summary) => new(CaseOutcome.Ok, Summary: summary);
    public static LicenceResult Refused(string message) => new(CaseOutcome.Refused, message);
    public static LicenceResult Invalid(string message) => new(CaseOutcome.Invalid, message);
    public static LicenceResult CaseNotFound { get; } = new(CaseOutcome.NotFound, "Case not found");
    public static LicenceResult LicenceNotFound { get; } = new(CaseOutcome.NotFound, "This licence is not part of the case's order");
    public static LicenceResult Forbidden { get; } = new(CaseOutcome.Forbidden, "You are not allowed to do this");
}
