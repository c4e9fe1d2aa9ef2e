using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// The registry of effect handlers, keyed by flag. It refuses to be built unless every
/// <see cref="CaseEffects"/> flag has exactly one handler, so an effect the state machine emits can
/// never be silently dropped (the auto-reply once was).
/// </summary>
public sealed class CaseEffectHandlers
{
    /// <summary>Every single flag, in value order (the order handlers run in).</summary>
    public static IReadOnlyList<CaseEffects> Flags { get; } =
        [.. Enum.GetValues<CaseEffects>().Where(e => e != CaseEffects.None).Order()];

    private readonly Dictionary<CaseEffects, ICaseEffectHandler> _byFlag;

    public CaseEffectHandlers(IEnumerable<ICaseEffectHandler> handlers)
    {
        var list = handlers.ToList();
        var duplicated = list.GroupBy(h => h.Effect).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
            throw new InvalidOperationException($"More than one handler for case effect(s): {string.Join(", ", duplicated)}");
        var notAFlag = list.Where(h => !Flags.Contains(h.Effect)).Select(h => h.Effect).ToList();
        if (notAFlag.Count > 0)
            throw new InvalidOperationException($"A case effect handler must handle one flag, not: {string.Join(", ", notAFlag)}");
        _byFlag = list.ToDictionary(h => h.Effect);
        var missing = Flags.Where(f => !_byFlag.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No handler for case effect(s): {string.Join(", ", missing)}");
    }

    public ICaseEffectHandler For(CaseEffects flag) => _byFlag[flag];

    /// <summary>Runs the handler of every flag set in <paramref name="effects"/>.</summary>
    public async Task RunAsync(CaseEffects effects, CaseEffectContext context, CancellationToken ct)
    {
        foreach (var flag in Flags)
            if (effects.HasFlag(flag)) await _byFlag[flag].HandleAsync(context, ct);
    }
}
