using Dashboard.Data.Entities;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// Emails that came in for cases, by outcome; held ones can be posted to their case as the
/// customer's message or discarded. Store members see their store's, platform support everyone's.
/// </summary>
public sealed partial class InboundMailPage
{
    [Inject] private InboundMailReview Review { get; set; } = null!;
    [Inject] private HeldMailBadge Badge { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private MailboxWatchStatus Mailbox { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "show")] public string? Show { get; set; }

    private static readonly (InboundEmailStatus Status, string Label)[] Tabs =
    [
        (InboundEmailStatus.HeldForReview, "Held for review"),
        (InboundEmailStatus.Posted, "Posted"),
        (InboundEmailStatus.Ignored, "Ignored"),
        (InboundEmailStatus.Discarded, "Discarded"),
    ];

    private MerchantScope? _scope;
    private bool _denied;
    private bool _everything;
    private IReadOnlyList<InboundMailRow>? _rows;
    private int _heldCount;
    private long? _busyId;

    private InboundEmailStatus Current => Tabs.FirstOrDefault(t => CaseDisplay.Css(t.Status) == Show, Tabs[0]).Status;

    private string Title => $"Email replies ({_heldCount} held)";

    private string EmptyText => Current switch
    {
        InboundEmailStatus.HeldForReview => "Nothing waits for review.",
        InboundEmailStatus.Posted => "No email replies were posted yet.",
        InboundEmailStatus.Ignored => "No automatic replies or bounces arrived.",
        InboundEmailStatus.Discarded => "Nothing was discarded.",
        _ => "",
    };

    private string MailboxLine => Mailbox.State switch
    {
        MailboxState.Off => "Reply mailbox: none configured (replies arrive through the inbound webhook only).",
        MailboxState.Idle => $"Reply mailbox: watching, new mail arrives at once (since {Since}). {Mailbox.MessagesRead} read.",
        MailboxState.Waiting => $"Reply mailbox: checked {Since}; {Mailbox.Detail}. {Mailbox.MessagesRead} read.",
        MailboxState.Failed => $"Reply mailbox: not reachable ({Mailbox.Detail}).",
        _ => $"Reply mailbox: {Mailbox.State.ToString().ToLowerInvariant()} ({Since}).",
    };

    private string Since => Mailbox.Since is { } at ? CaseDisplay.Relative(at, Clock.GetUtcNow().UtcDateTime) : "";

    private static string TabHref(InboundEmailStatus status) =>
        status == InboundEmailStatus.HeldForReview ? "/inbound-mail" : $"/inbound-mail?show={CaseDisplay.Css(status)}";

    /// <summary>Members open the case in the dashboard; support only reaches escalated cases, so no link for them.</summary>
    private string? CaseHref(InboundMailRow row) => row.CaseId is { } id && !_everything ? $"/cases/{id}" : null;

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await Stores.GetAsync();
        _everything = _scope?.Satisfies(Policies.PlatformSupport) == true;
        // The page only hides; the review service refuses anyone who is neither a member nor support.
        if (!_everything && _scope?.Current is null)
        {
            _denied = true;
            return;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _rows = await Review.ListAsync(_scope!.UserId, _scope.StoreId, Current);
        _heldCount = await Badge.RefreshAsync(_scope);
    }

    private async Task PostAsync(InboundMailRow row, string? caseId) =>
        await ActAsync(row, () => Review.PostAsync(_scope!.UserId, _scope.DisplayName, row.Id, caseId));

    private async Task DiscardAsync(InboundMailRow row) =>
        await ActAsync(row, () => Review.DiscardAsync(_scope!.UserId, _scope.DisplayName, row.Id));

    private async Task ActAsync(InboundMailRow row, Func<Task<ReviewResult>> action)
    {
        _busyId = row.Id;
        try
        {
            var result = await action();
            Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busyId = null;
        }
    }
}
