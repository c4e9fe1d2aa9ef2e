using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Support;

/// <summary>The console's tools above an escalated case; every action is the page's (and the services decide).</summary>
public sealed partial class ConsoleCasePanel
{
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter, EditorRequired] public SupportCase Case { get; set; } = null!;
    [Parameter] public IReadOnlyList<CaseSignal> Signals { get; set; } = [];
    [Parameter] public (string Id, string Name)? Assignee { get; set; }
    [Parameter] public IReadOnlyList<(string Id, string Name)> Staff { get; set; } = [];
    [Parameter] public string? CurrentUserId { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback OnClaim { get; set; }
    [Parameter] public EventCallback OnRelease { get; set; }
    [Parameter] public EventCallback<string> OnAssign { get; set; }
    [Parameter] public EventCallback<CasePriority> OnPriority { get; set; }
    [Parameter] public EventCallback<CaseStatus> OnStatus { get; set; }
    [Parameter] public Func<string, Task<CaseResult>> OnDeescalate { get; set; } = null!;
    [Parameter] public Func<string, Task<CaseResult>> OnNote { get; set; } = null!;

    private string? _note;
    private string? _reason;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private async Task NoteAsync()
    {
        // The draft stays when the note was refused, so nothing typed is lost.
        if ((await OnNote(_note ?? "")).Succeeded) _note = null;
    }

    private async Task DeescalateAsync()
    {
        if ((await OnDeescalate(_reason ?? "")).Succeeded) _reason = null;
    }

    private Task AssignChangedAsync(ChangeEventArgs e) =>
        e.Value is string id && id.Length > 0 ? OnAssign.InvokeAsync(id) : Task.CompletedTask;

    private Task PriorityChangedAsync(ChangeEventArgs e) =>
        WireNames.TryParse<CasePriority>(e.Value as string, out var p) && p != Case.Priority ? OnPriority.InvokeAsync(p.Value) : Task.CompletedTask;

    private Task StatusChangedAsync(ChangeEventArgs e) =>
        WireNames.TryParse<CaseStatus>(e.Value as string, out var s) ? OnStatus.InvokeAsync(s.Value) : Task.CompletedTask;
}
