using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;

// The emailed-reply half of the case service: the customer's reply by the same rule path (ChangeAsync),
// with what the email intake has to say and its record in the same transaction.
namespace Dashboard.Web.Features.Cases;

public sealed partial class CaseService
{
    /// <summary>
    /// The customer answered by email (<c>Features/InboundMail</c>): a customer reply like the portal's
    /// (reopens a closed case, notifies the merchant, live update), plus <paramref name="notes"/> as trail
    /// lines the merchant sees (attachments that were refused), and <paramref name="recordEmail"/>, which
    /// writes the email's <see cref="InboundEmail"/> row on the reply's context so it commits with the reply.
    /// The row's unique Message-ID makes a second delivery fail the whole transaction (a
    /// <c>DbUpdateException</c>), and a held row's status is its concurrency token: one email, one reply.
    /// </summary>
    public Task<CaseResult> CustomerEmailReplyAsync(string storeId, string caseId, string? body, IReadOnlyList<AttachmentUpload> files,
        IReadOnlyList<string> notes, Action<DashboardDbContext, CaseMessage> recordEmail, CancellationToken ct = default)
    {
        if (Limits.ValidateBody(body, out var text) is { } error) return Task.FromResult(CaseResult.Invalid(error));
        if (CheckFiles(files) is { } fileError) return Task.FromResult(CaseResult.Invalid(fileError));
        var also = new AlsoWritten(notes, (db, message) => recordEmail(db, message!));
        return ChangeAsync(storeId, caseId, new CaseTrigger.CustomerReplies(), null, null, text, ct, files, also: also);
    }

    /// <summary>Written with a change: SYSTEM trail notes after the change's own entries, and other rows on the same context.</summary>
    private sealed record AlsoWritten(IReadOnlyList<string> Notes, Action<DashboardDbContext, CaseMessage?> Add);
}
