using System.Globalization;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.Web.Features.Tickets.Components;

public sealed partial class TicketComposer
{
    /// <summary>Sends the draft and answers with the outcome: on success the box clears; on any error the text stays and the error shows.</summary>
    [Parameter, EditorRequired] public Func<TicketComposerDraft, Task<TicketResult>> Send { get; set; } = null!;
    [Parameter] public string Label { get; set; } = "Reply";
    [Parameter] public string Placeholder { get; set; } = "Write a reply…";
    [Parameter] public string SendLabel { get; set; } = "Send";
    [Parameter] public Color SendColor { get; set; } = Color.Primary;
    [Parameter] public bool AllowAttachments { get; set; } = true;

    /// <summary>A line under the box (e.g. "Replying reopens this ticket").</summary>
    [Parameter] public string? Hint { get; set; }

    private readonly string _id = "composer-" + Guid.NewGuid().ToString("N")[..8];
    private string _text = "";
    private string _initialText = "";
    private int _boxKey;
    private List<StagedFile> _files = [];
    private bool _sending;
    private bool _uploading;
    private string? _error;

    private int Length => _text.Trim().Length;
    private bool OverLimit => Length > TicketLimits.BodyMax;
    private bool CanSend => !_sending && !_uploading && Length >= TicketLimits.ReplyMin && !OverLimit;

    private string CounterText => OverLimit
        ? $"{Format(Length)} / {Format(TicketLimits.BodyMax)}: {Format(Length - TicketLimits.BodyMax)} too many"
        : $"{Format(Length)} / {Format(TicketLimits.BodyMax)}";

    private static string Format(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private void OnInput(ChangeEventArgs e) => _text = e.Value as string ?? "";

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && (e.CtrlKey || e.MetaKey)) await SendAsync();
    }

    private async Task SendAsync()
    {
        if (!CanSend) return;
        _sending = true;
        _error = null;
        try
        {
            var result = await Send(new TicketComposerDraft(_text, [.. _files]));
            if (result.Succeeded)
            {
                (_text, _initialText, _files) = ("", "", []);
                _boxKey++;
            }
            else
            {
                // The text stays: a new key would empty it, so keep the element and show why.
                _initialText = _text;
                _error = TicketDisplay.ForPeople(result.Error ?? "The message could not be sent.");
            }
        }
        catch (Exception)
        {
            _initialText = _text;
            _error = "The message could not be sent. Your text is still here; please try again.";
        }
        finally
        {
            _sending = false;
        }
    }
}
