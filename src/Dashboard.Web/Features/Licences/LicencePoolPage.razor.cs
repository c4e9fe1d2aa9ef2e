using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Licences;

/// <summary>Settings → Licence keys (Owner only): pool counts per product, keys added by pasting, who may replace keys. Rules in <see cref="LicencePool"/>.</summary>
public sealed partial class LicencePoolPage
{
    [Inject] private LicencePool Pool { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private MerchantScope? _scope;
    private bool _loaded;
    private bool _busy;
    private bool _ownersOnly;
    private IReadOnlyList<PoolProduct> _products = [];
    private string? _productId;
    private string? _pasted;
    private string? _error;
    private IReadOnlyList<string> _duplicates = [];

    protected override async Task OnInitializedAsync()
    {
        _scope = await Stores.GetAsync();
        if (_scope?.Satisfies(Policies.StoreOwner) == true)
        {
            _ownersOnly = await Pool.ReplaceOwnersOnlyAsync(_scope.StoreId!);
            _products = await Pool.ProductsAsync(_scope.StoreId!);
        }
        _loaded = true;
    }

    private async Task AddAsync()
    {
        if (_busy || _productId is null) return;
        _busy = true;
        try
        {
            var result = await Pool.AddKeysAsync(_scope!.StoreId!, _scope.UserId, _productId, _pasted);
            // On a refusal the pasted text stays, so the owner removes the duplicates and adds again.
            (_error, _duplicates) = (result.Error, result.Duplicates ?? []);
            if (!result.Succeeded) return;
            _pasted = null;
            _products = await Pool.ProductsAsync(_scope.StoreId!);
            Snackbar.Add(result.Added == 1 ? "1 key added" : $"{result.Added} keys added", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetOwnersOnlyAsync(bool ownersOnly)
    {
        _busy = true;
        try
        {
            await Pool.SetReplaceOwnersOnlyAsync(_scope!.StoreId!, _scope.UserId, ownersOnly);
            _ownersOnly = ownersOnly;
            Snackbar.Add(ownersOnly ? "Only owners can replace keys now" : "Owners and agents can replace keys now", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }
}
