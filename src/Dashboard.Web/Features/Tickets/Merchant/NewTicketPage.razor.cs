using System.Globalization;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Tickets.Merchant;

/// <summary>
/// Opens a ticket: category, severity, an optional subject (the one generated from the message shows as its
/// placeholder while typing), the message (10–10,000 characters, counted live) and up to 5 files.
/// The limits are the service's; a refusal keeps everything typed.
/// </summary>
public sealed partial class NewTicketPage
{
    [Inject] private TicketService Tickets { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private MerchantScope? _scope;
    private bool _noStore;
    private TicketCategory _category = TicketVocabulary.DefaultCategory;
    private TicketSeverity _severity = TicketVocabulary.DefaultSeverity;
    private string _subject = "";
    private string _body = "";
    private string _initialBody = "";
    private List<StagedFile> _files = [];
    private bool _uploading;
    private bool _sending;
    private string? _error;

    private int BodyLength => _body.Trim().Length;
    private string? BodyProblem => TicketLimits.ValidateOpeningBody(_body, out _);
    private string? SubjectProblem => string.IsNullOrWhiteSpace(_subject) ? null : TicketLimits.ValidateSubject(_subject, out _);
    private bool CanSubmit => !_sending && !_uploading && BodyProblem is null && SubjectProblem is null;

    private string GeneratedSubject => BodyLength == 0 ? "" : TicketSubject.FromBody(_body);
    private string SubjectPlaceholder => BodyLength == 0 ? "Generated from your message" : GeneratedSubject;

    private string SubjectHelp => SubjectProblem is { } problem ? TicketDisplay.ForPeople(problem)
        : string.IsNullOrWhiteSpace(_subject) ? "Leave it empty to use the first words of your message." : "";

    private string BodyHelp
    {
        get
        {
            var count = $"{BodyLength.ToString("N0", CultureInfo.InvariantCulture)} / {TicketLimits.BodyMax.ToString("N0", CultureInfo.InvariantCulture)}";
            if (BodyLength < TicketLimits.BodyMin) return $"{count} · at least {TicketLimits.BodyMin} characters";
            if (BodyLength > TicketLimits.BodyMax) return $"{count} · {(BodyLength - TicketLimits.BodyMax).ToString("N0", CultureInfo.InvariantCulture)} characters too many";
            return count;
        }
    }

    private static string SeverityHelp(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => "Your store is down or payments fail.",
        TicketSeverity.High => "A key feature is broken for you or your customers.",
        TicketSeverity.Normal => "Something is wrong or unclear.",
        TicketSeverity.Low => "A question or a wish.",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    protected override async Task OnInitializedAsync()
    {
        _scope = await Stores.GetAsync();
        _noStore = _scope?.StoreId is null;
    }

    private void OnBodyInput(ChangeEventArgs e) => _body = e.Value as string ?? "";

    private void OnCategoryChanged(ChangeEventArgs e) =>
        _category = HelpListUrl.Parse<TicketCategory>(e.Value as string) ?? TicketVocabulary.DefaultCategory;

    private void OnSeverityChanged(ChangeEventArgs e) =>
        _severity = HelpListUrl.Parse<TicketSeverity>(e.Value as string) ?? TicketVocabulary.DefaultSeverity;

    private void OnSubjectInput(ChangeEventArgs e) => _subject = e.Value as string ?? "";

    private async Task SubmitAsync()
    {
        if (!CanSubmit || _scope?.StoreId is not { } storeId) return;
        _sending = true;
        _error = null;
        // Keep what was typed if the form re-renders with an error.
        _initialBody = _body;
        try
        {
            var draft = new TicketDraft(_body, string.IsNullOrWhiteSpace(_subject) ? null : _subject, _category, _severity);
            var result = await Tickets.OpenAsync(storeId, Actor.Merchant(_scope.DisplayName, _scope.UserId), draft, _files.ToUploads());
            if (result.Succeeded)
            {
                Snackbar.Add($"Ticket {TicketNumber.Format(result.Ticket!.Number)} opened", Severity.Success);
                Navigation.NavigateTo($"/help/{result.Ticket.Number}");
                return;
            }
            _error = TicketDisplay.ForPeople(result.Error ?? "The ticket could not be opened.");
        }
        catch (Exception)
        {
            _error = "The ticket could not be opened. Everything you typed is still here; please try again.";
        }
        finally
        {
            _sending = false;
        }
    }
}
