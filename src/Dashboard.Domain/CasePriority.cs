namespace Dashboard.Domain;

/// <summary>A triage aid only. Wire names: LOW, NORMAL, HIGH, URGENT.</summary>
public enum CasePriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
