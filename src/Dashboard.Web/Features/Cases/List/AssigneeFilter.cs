namespace Dashboard.Web.Features.Cases.List;

/// <summary>The list's "Assigned" filter, in the URL as <c>assigned=me</c> or <c>assigned=unassigned</c>.</summary>
public enum AssigneeFilter { Anyone, Me, Unassigned }
