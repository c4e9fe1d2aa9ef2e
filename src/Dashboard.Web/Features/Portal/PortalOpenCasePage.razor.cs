using System.Globalization;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Detail;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// "Get help" on one of the customer's orders: subject, priority, and the dashboard's own reply box
/// (message counter, attachments, errors that keep the draft). The service decides; on success the new case opens.
/// </summary>
public sealed partial class PortalOpenCasePage
{
    [Inject] private PortalQueries Queries { get; set; } = null!;
    [Inject] private PortalCases Cases { get; set; } = null!;
    [Inject] private PortalSession Session { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string OrderId { get; set; } = "";

    private string? _email;
    private PortalOrder? _order;
    private bool _notFound;
    private string _subject = "";
    private CasePriority _priority = CasePriority.Normal;

    private bool SubjectOver => _subject.Trim().Length > Limits.SubjectMax;
    private string SubjectCounter => $"{_subject.Trim().Length.ToString("N0", CultureInfo.InvariantCulture)} / {Limits.SubjectMax}";

    protected override async Task OnParametersSetAsync()
    {
        _email = await Session.CustomerEmailAsync();
        _order = _email is null ? null : await Queries.OrderAsync(_email, OrderId);
        _notFound = _order is null;
    }

    private async Task<CaseResult> OpenAsync(ReplyDraft draft)
    {
        var result = await Cases.OpenAsync(_email!, OrderId, _subject, draft.Body, _priority, draft.Files.ToUploads());
        if (result.Succeeded) Navigation.NavigateTo($"{PortalAuth.PortalRoot}/cases/{result.Case!.Id}");
        return result;
    }
}
