namespace Dashboard.Domain;

/// <summary>One SYSTEM line for the timeline; <see cref="Kind"/> is <see cref="CaseEntryKind.StatusTrail"/> or <see cref="CaseEntryKind.Trail"/>.</summary>
public sealed record TrailLine(string Text, CaseEntryKind Kind);
