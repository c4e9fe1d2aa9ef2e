using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Automation;

/// <summary>Builds the auto-close job's runner on a <see cref="TestDatabase"/> and puts cases and people in place.</summary>
public static class AutomationKit
{
    public static readonly Actor Ada = Actor.Merchant("Ada Merchant", "user-ada");

    /// <summary>The product's runner on the test database and its clock; each call is another "instance" (its own lease owner).</summary>
    public static AutoCloseRunner AutoCloseRunner(this TestDatabase db, int batchSize = 200, TimeSpan? lease = null) =>
        new(db.Factory, db.CaseService(), new JobLeaseStore(db.Factory, db.Clock), db.Clock,
            Options.Create(new AutoCloseOptions { BatchSize = batchSize, Lease = lease ?? TimeSpan.FromMinutes(2) }),
            NullLogger<AutoCloseRunner>.Instance);

    /// <summary>A case the merchant has answered now: Awaiting customer, its auto-close clock started.</summary>
    public static async Task<SupportCase> AnsweredCaseAsync(this TestDatabase db, string storeId, string orderId, string subject = "Licence key missing")
    {
        var opened = await db.OpenCaseAsync(storeId, orderId, subject);
        var answered = await db.CaseService().ReplyAsync(storeId, opened.Id, Ada, "Here is your key: AAAA-BBBB");
        answered.Outcome.ShouldBe(CaseOutcome.Ok, answered.Error);
        return answered.Case!;
    }

    public static async Task SetPeriodsAsync(this TestDatabase db, string storeId, int idleDays, int warningDays)
    {
        await using var ctx = db.NewContext();
        await ctx.Stores.Where(s => s.Id == storeId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.AutoCloseDays, idleDays).SetProperty(x => x.AutoCloseWarningDays, warningDays));
    }

    public static async Task<SupportCase> CaseAsync(this TestDatabase db, string caseId)
    {
        await using var ctx = db.NewContext();
        return await ctx.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    /// <summary>The outbox emails of one kind for a case, oldest first.</summary>
    public static async Task<List<OutboxEmail>> EmailsAsync(this TestDatabase db, string caseId, string kind)
    {
        await using var ctx = db.NewContext();
        return await ctx.Outbox.AsNoTracking().Where(o => o.CaseId == caseId && o.Kind == kind).OrderBy(o => o.Id).ToListAsync();
    }

    /// <summary>The case's SYSTEM trail lines, in timeline order.</summary>
    public static async Task<List<(CaseEntryKind Kind, string Body)>> TrailAsync(this TestDatabase db, string caseId)
    {
        await using var ctx = db.NewContext();
        return (await ctx.CaseMessages.AsNoTracking()
                .Where(m => m.CaseId == caseId && (m.Kind == CaseEntryKind.Trail || m.Kind == CaseEntryKind.StatusTrail))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).Select(m => new { m.Kind, m.Body }).ToListAsync())
            .Select(m => (m.Kind, m.Body)).ToList();
    }

    /// <summary>A signed-up user who is a member of <paramref name="storeId"/> with <paramref name="role"/>.</summary>
    public static async Task<AppUser> AddMemberAsync(this TestDatabase db, string storeId, StoreRole role, string name)
    {
        await using var ctx = db.NewContext();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@members.test";
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = name, CurrentStoreId = storeId,
        };
        ctx.Users.Add(user);
        ctx.StoreMembers.Add(new StoreMember { StoreId = storeId, UserId = user.Id, Role = role });
        await ctx.SaveChangesAsync();
        return user;
    }
}
