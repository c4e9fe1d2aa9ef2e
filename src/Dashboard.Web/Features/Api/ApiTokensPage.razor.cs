using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Features.Api;

/// <summary>Settings → API tokens (Owner only): create (secret shown once), list, revoke. Rules live in <see cref="ApiTokenService"/>.</summary>
public partial class ApiTokensPage
{
    private static readonly ApiScopes[] ScopeChoices = [ApiScopes.CasesRead, ApiScopes.CasesWrite, ApiScopes.OrdersRead, ApiScopes.TicketsRead, ApiScopes.TicketsWrite];

    [Inject] private ApiTokenService Tokens { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private MerchantScope? _scope;
    private bool _loaded;
    private bool _busy;
    private IReadOnlyList<ApiTokenRow> _tokens = [];
    private string? _name;
    private ApiScopes _scopes = ApiScopes.CasesRead;
    private DateTime? _expires;
    private string? _error;
    private ApiTokenCreated? _created;

    protected override async Task OnInitializedAsync()
    {
        _scope = await Stores.GetAsync();
        if (_scope?.Satisfies(Policies.StoreOwner) == true) await ReloadAsync();
        _loaded = true;
    }

    private async Task ReloadAsync() => _tokens = await Tokens.ListAsync(_scope!.UserId, _scope.StoreId!);

    private void Toggle(ApiScopes scope, bool on) => _scopes = on ? _scopes | scope : _scopes & ~scope;

    private async Task CreateAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            // The chosen day is inclusive: the token works until the end of it (UTC).
            var expiresAt = _expires is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc) : (DateTime?)null;
            var outcome = await Tokens.CreateAsync(_scope!.UserId, _scope.StoreId!, _name, _scopes, expiresAt);
            if (!outcome.Succeeded)
            {
                _error = outcome.Error;
                return;
            }
            _created = outcome.Value;
            _name = null;
            _expires = null;
            _scopes = ApiScopes.CasesRead;
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiTokenRow token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke token?",
            $"\"{token.Name}\" ({token.Prefix}…) stops working immediately. Anything using it will get 401 errors. This cannot be undone.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true) return;
        var outcome = await Tokens.RevokeAsync(_scope!.UserId, _scope.StoreId!, token.Id);
        if (outcome.Succeeded) Snackbar.Add($"Token \"{token.Name}\" revoked", Severity.Success);
        else Snackbar.Add(outcome.Error!, Severity.Error);
        await ReloadAsync();
    }

    private async Task CopySecretAsync()
    {
        if (_created is null) return;
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _created.Secret);
            Snackbar.Add("Secret copied", Severity.Info);
        }
        catch (JSException)
        {
            Snackbar.Add("Copy failed: select the secret and copy it by hand", Severity.Warning);
        }
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private DateTime Today => Now.Date;

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
