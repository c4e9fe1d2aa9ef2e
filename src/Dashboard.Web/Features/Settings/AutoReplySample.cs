using Dashboard.Domain;

namespace Dashboard.Web.Features.Settings;

/// <summary>
/// What the auto-reply preview fills the placeholders with: the store's most recent case
/// (<see cref="CaseId"/>, <see cref="CaseSubject"/>), or sample values when the store has no case yet.
/// </summary>
public sealed record AutoReplySample(AutoReplyValues Values, string? CaseId)
{
    public bool IsSample => CaseId is null;

    public static AutoReplySample Sample(string storeName) =>
        new(new AutoReplyValues("Alex", "1001", storeName, "Where is my licence key?"), null);
}
