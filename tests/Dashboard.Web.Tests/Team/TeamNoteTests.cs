using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Team;

/// <summary>
/// Team notes (CaseService.AddNoteAsync): the team sees them; the customer (portal, email) never does;
/// they change no status, counter or last-message field, only the case's version, and they are live.
/// </summary>
public class TeamNoteTests : IAsyncLifetime
{
    private const string CustomerEmail = "cleo.customer@example.com";
    private const string NoteText = "Refund if the key fails again — checked with the supplier.";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<(string StoreId, Dashboard.Data.Entities.SupportCase Case, Actor Theo)> CaseWithMemberAsync()
    {
        var (store, _, _) = await _db.AddStoreAsync("Northwind Keys");
        var (_, order) = await _db.AddCustomerWithOrderAsync(store.Id, CustomerEmail);
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        return (store.Id, await _db.OpenCaseAsync(store.Id, order.Id), theo);
    }

    [Fact]
    public async Task A_note_is_in_the_dashboard_timeline_and_changes_no_status_counter_or_last_message_field()
    {
        var (storeId, opened, theo) = await CaseWithMemberAsync();
        _db.Clock.Advance(TimeSpan.FromHours(2));
        var countsBefore = await _db.CaseQueries().CountsAsync(storeId);

        var result = await _db.CaseService().AddNoteAsync(storeId, opened.Id, theo, "  " + NoteText + "  ");

        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        var detail = (await _db.CaseQueries().GetAsync(storeId, opened.Id, TimelineAudience.MerchantDashboard))!;
        var note = detail.Messages.Last();
        (note.Kind, note.AuthorName, note.AuthorUserId, note.Body).ShouldBe((CaseEntryKind.TeamNote, "Theo Park", theo.UserId, NoteText));
        detail.Case.Status.ShouldBe(CaseStatus.Open);
        detail.Case.UnreadCount.ShouldBe(opened.UnreadCount);
        detail.Case.LastMessageAt.ShouldBe(opened.LastMessageAt);
        detail.Case.LastMessageBy.ShouldBe(AuthorKind.Customer);
        detail.Case.LastActivityAt.ShouldBe(opened.LastActivityAt);
        detail.Case.UpdatedAt.ShouldBe(opened.UpdatedAt);
        detail.Case.Version.ShouldBe(opened.Version + 1);
        (await _db.CaseQueries().CountsAsync(storeId)).ShouldBe(countsBefore);
    }

    [Fact]
    public async Task A_note_is_never_in_the_portal_thread_the_store_api_timeline_or_the_outbox()
    {
        var (storeId, opened, theo) = await CaseWithMemberAsync();
        int emailsBefore;
        await using (var db = _db.NewContext()) emailsBefore = await db.Outbox.CountAsync();

        (await _db.CaseService().AddNoteAsync(storeId, opened.Id, theo, NoteText)).Outcome.ShouldBe(CaseOutcome.Ok);

        var portal = (await _db.PortalQueries().CaseAsync(CustomerEmail, opened.Id))!;
        portal.Detail.Messages.ShouldNotContain(m => m.Body == NoteText);
        portal.Detail.Messages.ShouldContain(m => m.Body == "Where is my key?");
        var api = (await _db.CaseQueries().GetAsync(storeId, opened.Id, TimelineAudience.StoreApi))!;
        api.Messages.ShouldNotContain(m => m.Body == NoteText);
        await using var check = _db.NewContext();
        (await check.Outbox.CountAsync()).ShouldBe(emailsBefore);
        (await check.Outbox.AnyAsync(o => o.TextBody.Contains("supplier"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_note_is_published_as_a_note_change_so_open_pages_reload()
    {
        var (storeId, opened, theo) = await CaseWithMemberAsync();
        var received = new TaskCompletionSource<CaseChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _db.Feed.Subscribe(storeId, change => { received.TrySetResult(change); return Task.CompletedTask; });

        await _db.CaseService(_db.Feed).AddNoteAsync(storeId, opened.Id, theo, NoteText);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(60), Xunit.TestContext.Current.CancellationToken);
        (change.CaseId, change.Kind, change.Status).ShouldBe((opened.Id, CaseChangeKind.Note, CaseStatus.Open));
    }

    [Fact]
    public async Task A_note_on_a_closed_case_is_kept_and_the_case_stays_closed()
    {
        var (storeId, opened, theo) = await CaseWithMemberAsync();
        (await _db.CaseService().UpdateAsync(storeId, opened.Id, theo, null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);

        var result = await _db.CaseService().AddNoteAsync(storeId, opened.Id, theo, NoteText);

        result.Outcome.ShouldBe(CaseOutcome.Ok);
        result.Case!.Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public async Task Someone_outside_the_store_cannot_write_a_note_and_nothing_is_saved()
    {
        var (storeId, opened, _) = await CaseWithMemberAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var outsider = await _db.AddMemberAsync(other.Id, "Olga Outsider", StoreRole.Owner);

        var result = await _db.CaseService().AddNoteAsync(storeId, opened.Id, outsider, NoteText);

        result.Outcome.ShouldBe(CaseOutcome.Forbidden);
        var detail = (await _db.CaseQueries().GetAsync(storeId, opened.Id, TimelineAudience.MerchantDashboard))!;
        detail.Messages.ShouldNotContain(m => m.Body == NoteText);
        detail.Case.Version.ShouldBe(opened.Version);
    }

    [Fact]
    public async Task Another_stores_case_is_not_found_and_an_empty_note_is_refused()
    {
        var (storeId, _, theo) = await CaseWithMemberAsync();
        var (other, _, otherOrder) = await _db.AddStoreAsync("Contoso Games");
        var theirs = await _db.OpenCaseAsync(other.Id, otherOrder.Id);

        (await _db.CaseService().AddNoteAsync(storeId, theirs.Id, theo, NoteText)).Outcome.ShouldBe(CaseOutcome.NotFound);
        var empty = await _db.CaseService().AddNoteAsync(storeId, theirs.Id, theo, "   ");
        empty.Outcome.ShouldBe(CaseOutcome.Invalid);
        empty.Error.ShouldBe(Limits.EmptyBodyMessage);
    }
}
