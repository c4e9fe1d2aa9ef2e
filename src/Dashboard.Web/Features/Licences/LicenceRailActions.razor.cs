using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// The rail's licence actions for a store member: replace or revoke a key, resend the delivery
/// email. Buttons the rules would refuse are disabled with the reason beside them; the service
/// decides anyway. Each confirmation gets one idempotency key, so a retry never acts twice. The page
/// reloads the order (and so this card) from the live feed the service notifies.
/// </summary>
public sealed partial class LicenceRailActions
{
    [Inject] private LicenceActions Actions { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public SupportCase Case { get; set; } = null!;
    [Parameter, EditorRequired] public Order Order { get; set; } = null!;
    [Parameter, EditorRequired] public Customer Customer { get; set; } = null!;

    private MerchantScope? _scope;
    private LicenceActor? _actor;
    private IReadOnlyDictionary<string, int> _pool = new Dictionary<string, int>();
    private bool _busy;
    private string? _error;

    /// <summary>Keys an action can still apply to; revoked ones are history (the order card lists them).</summary>
    private List<License> Fixable => Order.Licenses.Where(l => l.Status != LicenseStatus.Revoked).ToList();
    private List<License> Working => Order.Licenses.Where(l => LicenceWorkflow.IsWorking(l.Status)).ToList();

    protected override async Task OnParametersSetAsync()
    {
        _scope ??= await Stores.GetAsync();
        if (_scope?.StoreId is not { } storeId) return;
        _actor ??= await Actions.ActorAsync(storeId, _scope.UserId);
        _pool = await Actions.AvailableKeysAsync(storeId, Order.Licenses.Select(l => l.ProductId).Distinct().ToList());
    }

    private int PoolCount(License licence) => _pool.GetValueOrDefault(licence.ProductId);

    /// <summary>The rule's refusal, or the empty pool's message (the same words the service would answer with).</summary>
    private string? ReplaceRefusal(License licence) =>
        _actor!.Refusal(LicenceAction.Replace, licence.Status)
        ?? (PoolCount(licence) == 0 ? LicenceWorkflow.Messages.PoolEmpty(LicenceEmails.ProductName(Order, licence)) : null);

    private string PoolNote(License licence) => PoolCount(licence) switch
    {
        1 => "1 key left in the pool",
        var n => $"{n} keys left in the pool",
    };

    private Task ReplaceAsync(License licence) => ConfirmAndRunAsync(
        "Replace licence key?",
        $"The key {licence.Key} for {LicenceEmails.ProductName(Order, licence)} will be revoked and stop working. " +
        $"A new key from the pool ({PoolCount(licence)} available) will be added to order {Order.OrderNumber} and emailed to {Customer.Email}.",
        "Replace key",
        key => Actions.ReplaceAsync(_scope!.StoreId!, Case.Id, licence.Id, _scope.UserId, key));

    private Task RevokeAsync(License licence) => ConfirmAndRunAsync(
        "Revoke licence key?",
        $"The key {licence.Key} for {LicenceEmails.ProductName(Order, licence)} on order {Order.OrderNumber} will stop working at once; this cannot be undone. " +
        $"No new key is issued. {Customer.Email} will be told by email.",
        "Revoke key",
        key => Actions.RevokeAsync(_scope!.StoreId!, Case.Id, licence.Id, _scope.UserId, key));

    private Task ResendAsync()
    {
        var keys = string.Join(", ", Working.Select(l => LicenceWorkflow.Shorten(l.Key)));
        var count = Working.Count == 1 ? "1 working licence key" : $"{Working.Count} working licence keys";
        return ConfirmAndRunAsync(
            "Resend the delivery email?",
            $"{Customer.Email} will get an email with the {count} of order {Order.OrderNumber} ({keys}).",
            "Send email",
            key => Actions.ResendDeliveryAsync(_scope!.StoreId!, Case.Id, _scope.UserId, key));
    }

    private async Task ConfirmAndRunAsync(string title, string message, string yes, Func<string, Task<LicenceResult>> run)
    {
        if (_busy || _scope?.StoreId is null) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel");
        if (confirmed != true) return;
        _busy = true;
        _error = null;
        try
        {
            // One key per confirmation: a retry of this same request is answered from the first.
            var result = await run(Guid.NewGuid().ToString("N"));
            if (result.Succeeded) Snackbar.Add(result.Summary!, Severity.Success);
            else _error = result.Error;
        }
        finally
        {
            _busy = false;
        }
    }
}
