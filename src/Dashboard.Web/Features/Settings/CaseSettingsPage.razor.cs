using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Settings;

/// <summary>
/// Settings → Cases: the owner edits, a member sees them read-only. Every rule and the access check
/// live in <see cref="CaseSettingsService"/>; a refused save keeps what was typed and shows why.
/// </summary>
public partial class CaseSettingsPage
{
    private enum PageState { Loading, Ready, Denied, Failed }

    [Inject] private CaseSettingsService Settings { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private ILogger<CaseSettingsPage> Logger { get; set; } = null!;

    private PageState _state = PageState.Loading;
    private MerchantScope? _scope;
    private CaseSettingsView? _view;
    private AutoReplySample? _sample;
    private long _version;
    private bool _saving;
    private string? _message;
    private SettingsSaveOutcome? _outcome;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    private bool _autoReplyEnabled;
    private string _autoReplyText = "";
    private int _idleDays;
    private int _warningDays;
    private string _notificationEmail = "";

    private bool ReadOnly => _view?.CanEdit != true;

    // The range follows the idle days as typed, kept within their own range while those are out of it.
    private string WarningHelp =>
        $"0–{Math.Clamp(_idleDays, Domain.AutoClosePeriods.IdleDaysMin, Domain.AutoClosePeriods.IdleDaysMax) - 1} days; 0 sends no warning; default {Domain.AutoClosePeriods.WarningDaysDefault}";

    private string NotificationHelp => _view?.OwnerEmail is { } owner ? $"Default: the owner's address ({owner})" : "Default: the owner's address";

    protected override async Task OnInitializedAsync()
    {
        _scope = await Stores.GetAsync();
        if (_scope?.StoreId is not { } storeId)
        {
            _state = PageState.Denied;
            return;
        }
        try
        {
            await LoadAsync(storeId);
            _sample = await Settings.PreviewSampleAsync(_scope.UserId, storeId);
            _state = PageState.Ready;
        }
        catch (AccessDeniedException)
        {
            _state = PageState.Denied;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Loading case settings failed");
            _state = PageState.Failed;
        }
    }

    private async Task LoadAsync(string storeId)
    {
        _view = await Settings.GetAsync(_scope!.UserId, storeId);
        var s = _view.Settings;
        (_autoReplyEnabled, _autoReplyText, _idleDays, _warningDays, _notificationEmail) =
            (s.AutoReplyEnabled, s.AutoReplyText, s.IdleDays, s.WarningDays, s.NotificationEmail);
        _version = _view.Version;
        _errors = new Dictionary<string, string>();
    }

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private void Insert(string placeholder) =>
        _autoReplyText = _autoReplyText.Length == 0 || char.IsWhiteSpace(_autoReplyText[^1]) ? _autoReplyText + placeholder : _autoReplyText + " " + placeholder;

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await Settings.SaveAsync(_scope!.UserId, _scope.StoreId!,
                new CaseSettings(_autoReplyEnabled, _autoReplyText, _idleDays, _warningDays, _notificationEmail), _version);
            _outcome = result.Outcome;
            _errors = result.Errors;
            _message = result.Succeeded ? "Settings saved" : result.Message;
            if (result.Succeeded) _version = result.Version;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>After a conflict: replace the form with what was saved (the merchant chose to).</summary>
    private async Task LoadLatestAsync()
    {
        await LoadAsync(_scope!.StoreId!);
        _message = null;
        _outcome = null;
    }
}
