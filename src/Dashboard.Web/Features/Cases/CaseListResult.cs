namespace Dashboard.Web.Features.Cases;

/// <summary>
/// One page of a list, its total, and the store's tab counts read with it. A search stops counting at
/// <see cref="CaseQueries.SearchHitCap"/> matches: then <see cref="TotalIsCapped"/> is set and the
/// total is a lower bound ("1,000+").
/// </summary>
public sealed record CaseListResult(IReadOnlyList<CaseListRow> Rows, int Total, int Page, int PageSize, TabCounts Counts, bool TotalIsCapped = false)
{
    public int TotalPages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>The total as shown: "12,408", or "1,000+" when the count stopped at the cap.</summary>
    public string TotalText => TotalIsCapped ? $"{Total:N0}+" : $"{Total:N0}";
}
