using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Notifications;

/// <summary>Who else has a case open or is typing, and the reply-collision warning.</summary>
public sealed partial class CasePresenceBar : IDisposable
{
    [Inject] private CasePresence Presence { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;

    [Parameter, EditorRequired] public string StoreId { get; set; } = "";
    [Parameter, EditorRequired] public string CaseId { get; set; } = "";

    /// <summary>"Theo replied while you were typing — review before sending", or null. Bind it to hold the send.</summary>
    [Parameter] public string? ReplyWarning { get; set; }
    [Parameter] public EventCallback<string?> ReplyWarningChanged { get; set; }

    /// <summary>Show the warning here (default) or only hand it to the reply box through the binding.</summary>
    [Parameter] public bool ShowWarning { get; set; } = true;

    private CasePresenceSession? _session;
    private IReadOnlyList<CaseViewer> _others = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_session is not null && _session.CaseId == CaseId) return;
        if (!RendererInfo.IsInteractive) return; // prerendering: no one is "viewing" a page that is not live yet
        _session?.Dispose();
        _session = null;
        var scope = await Stores.GetAsync();
        if (scope is null || string.IsNullOrEmpty(CaseId)) return;
        _session = Presence.Join(StoreId, CaseId, scope.UserId, scope.DisplayName);
        _session.Changed += OnChangedAsync;
        _others = _session.Others;
    }

    /// <summary>Call from the reply box's input handler (throttled inside). Empty text ends the draft.</summary>
    public void NotifyTyping(bool hasDraft = true) => _session?.Typing(hasDraft);

    /// <summary>Call after the reply was sent: clears the draft state and the warning.</summary>
    public async Task NotifyDraftSentAsync()
    {
        _session?.DraftSent();
        await SetWarningAsync(null);
    }

    public async Task AcknowledgeWarningAsync()
    {
        _session?.AcknowledgeWarning();
        await SetWarningAsync(null);
    }

    private Task OnChangedAsync() => InvokeAsync(async () =>
    {
        if (_session is null) return;
        _others = _session.Others;
        if (_session.ReplyWarning != ReplyWarning) await SetWarningAsync(_session.ReplyWarning);
        StateHasChanged();
    });

    private async Task SetWarningAsync(string? warning)
    {
        if (ReplyWarning == warning) return;
        ReplyWarning = warning;
        await ReplyWarningChanged.InvokeAsync(warning);
    }

    public static string Describe(IReadOnlyList<CaseViewer> others)
    {
        static string Names(IEnumerable<CaseViewer> v)
        {
            var names = v.Select(x => x.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? x.Name).ToList();
            return names.Count switch
            {
                1 => names[0],
                2 => $"{names[0]} and {names[1]}",
                _ => $"{names[0]}, {names[1]} and {names.Count - 2} more",
            };
        }
        var typing = others.Where(o => o.Typing).ToList();
        var viewing = others.Where(o => !o.Typing).ToList();
        var parts = new List<string>();
        if (typing.Count > 0) parts.Add($"{Names(typing)} {(typing.Count == 1 ? "is" : "are")} typing…");
        if (viewing.Count > 0) parts.Add($"{Names(viewing)} {(viewing.Count == 1 ? "is" : "are")} viewing");
        return string.Join(" · ", parts);
    }

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
    }
}
