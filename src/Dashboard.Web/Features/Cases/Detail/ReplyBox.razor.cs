using System.Globalization;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Features.Cases.Detail;

/// <summary>What the reply box hands to its page on Send.</summary>
public sealed record ReplyDraft(string Body, IReadOnlyList<StagedFile> Files);

public sealed partial class ReplyBox
{
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The store's saved replies, filled for this case; null shows no Saved replies button.</summary>
    [Parameter] public IReadOnlyList<SavedReplyChoice>? SavedReplies { get; set; }

    /// <summary>
    /// Sends the draft and answers with the outcome: on success the box clears; on any error the text
    /// stays and the error is shown. A Func rather than an EventCallback because the box needs the result.
    /// </summary>
    [Parameter, EditorRequired] public Func<ReplyDraft, Task<CaseResult>> Send { get; set; } = null!;
    /// <summary>
    /// Adds a team note (only the team sees it). When set, the box offers a Reply / Note switch; the
    /// draft stays in the box across the switch. Notes carry no attachments.
    /// </summary>
    [Parameter] public Func<ReplyDraft, Task<CaseResult>>? SendNote { get; set; }

    public const string NotePlaceholder = "Only your team sees notes";

    [Parameter] public bool IsClosed { get; set; }
    [Parameter] public bool CanReopen { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback OnReopen { get; set; }
    [Parameter] public string Placeholder { get; set; } = "Write a reply to the customer…";
    [Parameter] public string SendLabel { get; set; } = "Send";

    /// <summary>What a screen reader calls the text box, and the box as a whole.</summary>
    [Parameter] public string AriaLabel { get; set; } = "Reply message";
    [Parameter] public string SectionLabel { get; set; } = "Reply";

    /// <summary>Told on every keystroke whether a draft is in progress (presence: "Theo is typing…").</summary>
    [Parameter] public Action<bool>? Typing { get; set; }

    /// <summary>Awaited after a successful send (presence: stop typing, clear the collision warning).</summary>
    [Parameter] public Func<Task>? DraftSent { get; set; }

    private string _text = "";
    private string _initialText = "";
    private int _boxKey;
    private List<StagedFile> _files = [];
    private bool _sending;
    private bool _uploading;
    private string? _error;
    private bool _noteMode;
    private ElementReference _textarea;

    // The server's own check of the body, so the counter counts what the server counts (characters a
    // person sees: an emoji is one) and Send is off exactly when the server would refuse the text.
    private Limits.BodyCheck _check = Limits.CheckBody("");

    private bool OverLimit => _check.VisibleLength > Limits.MessageBodyMax;
    /// <summary>Why the typed text cannot be sent (too long, a control character); nothing for an empty box.</summary>
    private string? TextProblem => _check.Error is { } error && error != Limits.EmptyBodyMessage ? error : null;
    // Send waits for staged uploads: a file still uploading would otherwise miss the message.
    private bool CanSend => !_sending && !_uploading && !Busy && _check.Error is null;
    private readonly string _problemId = "reply-problem-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// What the status region says: a function of the band the length is in (under 90% of the limit, near
    /// it, over it), so it changes, and is announced, only when the text crosses into another band.
    /// </summary>
    private string LimitAnnouncement =>
        _check.Error is { } error && error != Limits.EmptyBodyMessage ? $"Over the limit of {Limits.MessageBodyMax.ToString("N0", CultureInfo.InvariantCulture)} characters"
        : _check.VisibleLength >= Limits.MessageBodyMax * 9 / 10 ? $"Near the limit of {Limits.MessageBodyMax.ToString("N0", CultureInfo.InvariantCulture)} characters"
        : "";

    private string CounterText => $"{_check.VisibleLength.ToString("N0", CultureInfo.InvariantCulture)} / {Limits.MessageBodyMax.ToString("N0", CultureInfo.InvariantCulture)}";

    private void OnFilesChanged() => StateHasChanged();

    private void OnUploadingChanged(bool uploading) => _uploading = uploading;

    private void OnInput(ChangeEventArgs e)
    {
        _text = e.Value as string ?? "";
        _check = Limits.CheckBody(_text);
        Typing?.Invoke(!string.IsNullOrWhiteSpace(_text));
    }

    /// <summary>The box hides on a closed case; when it comes back it shows the draft kept here.</summary>
    protected override void OnParametersSet()
    {
        if (IsClosed) _initialText = _text;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && (e.CtrlKey || e.MetaKey)) await SendAsync();
    }

    /// <summary>
    /// Inserts a saved reply at the caret in the browser, never by writing the value from here: the
    /// script fires "input", and <see cref="OnInput"/> takes the whole new text, typed characters included.
    /// </summary>
    private async Task InsertAsync(SavedReplyChoice reply)
    {
        try
        {
            await JS.InvokeAsync<bool>("dashboard.insertAtCaret", _textarea, reply.Text);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            Snackbar.Add("The saved reply could not be inserted. Please try again.", Severity.Error);
        }
    }

    private async Task SendAsync()
    {
        if (!CanSend) return;
        _sending = true;
        _error = null;
        try
        {
            var result = _noteMode && SendNote is not null
                ? await SendNote(new ReplyDraft(_text, []))
                : await Send(new ReplyDraft(_text, [.. _files]));
            if (result.Succeeded)
            {
                // A note leaves the staged files for the reply they were picked for.
                if (_noteMode) (_text, _initialText) = ("", "");
                else (_text, _initialText, _files) = ("", "", []);
                _check = Limits.CheckBody("");
                _boxKey++;
                if (DraftSent is not null) await DraftSent();
            }
            else
            {
                _error = result.Error ?? (_noteMode ? "The note could not be added." : "The reply could not be sent.");
                Snackbar.Add(_error, Severity.Error);
            }
        }
        catch (Exception)
        {
            _error = (_noteMode ? "The note could not be added." : "The reply could not be sent.") + " Your text is still here; please try again.";
            Snackbar.Add(_error, Severity.Error);
        }
        finally
        {
            _sending = false;
        }
    }
}
