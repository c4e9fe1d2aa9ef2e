using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// Performs one <see cref="CaseEffects"/> flag of a decision, inside the change's transaction: it
/// adds rows (timeline entries, outbox emails) to <see cref="CaseEffectContext.Db"/> and never saves.
/// Each flag has exactly one handler (<see cref="CaseEffectHandlers"/> refuses to start otherwise).
/// </summary>
public interface ICaseEffectHandler
{
    CaseEffects Effect { get; }

    Task HandleAsync(CaseEffectContext context, CancellationToken ct);
}
