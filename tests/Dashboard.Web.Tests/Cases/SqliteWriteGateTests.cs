using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Cases;

/// <summary>
/// The SQLite write gate is let go after every kind of write, however it ends (a gate left held would
/// stall every later write for its full wait), and a burst of writers gets through it without a
/// single "database is locked".
/// </summary>
public class SqliteWriteGateTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _file = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.NewContext();
        _file = db.Database.GetDbConnection().DataSource;
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_gate_is_free_after_commits_rollbacks_abandoned_transactions_failures_and_single_statements()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        SqliteWriteGate.IsFree(_file).ShouldBeTrue("after a SaveChanges");

        await using (var db = _db.NewContext())
        {
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                SqliteWriteGate.IsFree(_file).ShouldBeFalse("held from BEGIN");
                await db.Stores.Where(s => s.Id == store.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Renamed"));
                await tx.CommitAsync();
            }
            SqliteWriteGate.IsFree(_file).ShouldBeTrue("after a commit");

            await using (var tx = await db.Database.BeginTransactionAsync()) await tx.RollbackAsync();
            SqliteWriteGate.IsFree(_file).ShouldBeTrue("after a rollback");

            await using (await db.Database.BeginTransactionAsync()) { } // disposed without either, as on an exception
            SqliteWriteGate.IsFree(_file).ShouldBeTrue("after an abandoned transaction");

            await db.Stores.Where(s => s.Id == store.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Again"));
            SqliteWriteGate.IsFree(_file).ShouldBeTrue("after a single UPDATE");

            await Should.ThrowAsync<DbUpdateException>(async () =>
            {
                db.Add(new Dashboard.Data.Entities.StoreCaseCounts { StoreId = store.Id }); // primary key taken
                await db.SaveChangesAsync();
            });
            SqliteWriteGate.IsFree(_file).ShouldBeTrue("after a failed statement");
        }
    }

    [Fact]
    public async Task Fifty_concurrent_replies_all_commit_and_leave_the_gate_free()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var service = _db.CaseService();
        var cases = new List<string>();
        for (var i = 0; i < 50; i++) cases.Add((await service.OpenAsync(store.Id, order.Id, $"Case {i}", "Hello")).Case!.Id);

        var results = await Task.WhenAll(cases.Select(id => Task.Run(() => service.ReplyAsync(store.Id, id, Actor.Merchant("Theo"), "On it"))));

        results.ShouldAllBe(r => r.Outcome == CaseOutcome.Ok);
        SqliteWriteGate.IsFree(_file).ShouldBeTrue();
        await using var db = _db.NewContext();
        (await db.CaseCounts.SingleAsync(c => c.StoreId == store.Id)).AwaitingCustomer.ShouldBe(50);
    }
}
