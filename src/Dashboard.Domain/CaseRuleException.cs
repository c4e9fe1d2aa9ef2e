namespace Dashboard.Domain;

/// <summary>Thrown by <see cref="CaseWorkflow.Apply"/> when the rules refuse; the message is the spec's.</summary>
public sealed class CaseRuleException(string message) : Exception(message);
