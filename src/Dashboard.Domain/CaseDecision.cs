namespace Dashboard.Domain;

/// <summary>The outcome of asking the rules: a refusal with the spec's message, or the new state and its trail.</summary>
public sealed record CaseDecision
{
    public required bool IsAllowed { get; init; }
    public string? Refusal { get; init; }
    public CaseState? State { get; init; }
    public IReadOnlyList<TrailLine> TrailLines { get; init; } = [];

    /// <summary>The trail lines' texts, in order.</summary>
    public IReadOnlyList<string> Trail => [.. TrailLines.Select(t => t.Text)];
    public CaseEffects Effects { get; init; }

    /// <summary>True when the state differs from the one passed in (a no-op is allowed but changes nothing).</summary>
    public bool Changed { get; init; }

    /// <summary>True when the trigger carries a message to append (reply or support post).</summary>
    public bool AppendsMessage { get; init; }

    public CaseState NewState => State ?? throw new InvalidOperationException("A refused decision has no state: " + Refusal);

    internal static CaseDecision Refuse(string message) => new() { IsAllowed = false, Refusal = message };
}
