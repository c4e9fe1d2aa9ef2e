using Dashboard.Domain;

namespace Dashboard.Web.Features.Support;

/// <summary>Who works a case, as the queue filters it.</summary>
public enum AssigneeFilter { Anyone, Mine, Unassigned }

/// <summary>
/// The console queue's filters. <see cref="Status"/> null means every status but Closed. <see cref="After"/>
/// is the cursor of the previous page's last row (<see cref="ConsoleCursor"/>); null is the first page.
/// </summary>
public sealed record ConsoleQuery(
    string? StoreId = null, EscalationSignalKind? Signal = null, CasePriority? Priority = null, CaseStatus? Status = null,
    AssigneeFilter Assignee = AssigneeFilter.Anyone, string? Search = null, string? After = null, int? PageSize = null);
