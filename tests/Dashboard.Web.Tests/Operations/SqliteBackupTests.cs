using System.Net;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// The online backup docs/deploy.md tells operators to take: <c>VACUUM INTO</c> on the live SQLite
/// file while customers keep replying, then the app started on the copy, with what was written
/// before the backup intact.
/// </summary>
public class SqliteBackupTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_restores_into_a_working_app_with_the_data_intact()
    {
        await using var live = new OperationsApp(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        _ = live.Server;
        var cases = live.Services.GetRequiredService<CaseService>();
        var factory = live.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        string orderId;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            orderId = await db.Orders.Where(o => o.StoreId == AccountTestUsers.Northwind).Select(o => o.Id).FirstAsync(Ct);
        var opened = await cases.OpenAsync(AccountTestUsers.Northwind, orderId, "Backup while writing", "First message");
        opened.Outcome.ShouldBe(CaseOutcome.Ok, opened.Error);
        var caseId = opened.Case!.Id;

        // A customer keeps replying; the backup starts once ten replies are in and runs while more come.
        var tenIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 2000 && !stop.IsCancellationRequested; i++)
            {
                var reply = await cases.CustomerReplyAsync(AccountTestUsers.Northwind, caseId, $"Reply {i}", []);
                reply.Outcome.ShouldBe(CaseOutcome.Ok, reply.Error);
                if (i == 10) tenIn.SetResult();
            }
        }, Ct);
        await tenIn.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var before = await MessageCountAsync(factory, caseId);

        var backup = Path.Combine(Path.GetTempPath(), "dashboard-tests", "backup-" + Guid.NewGuid().ToString("N"), "dashboard.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(live.DataDirectory, "dashboard.db")}"))
        {
            await connection.OpenAsync(Ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", backup);
            await vacuum.ExecuteNonQueryAsync(Ct);
        }
        await stop.CancelAsync();
        await writer;
        var after = await MessageCountAsync(factory, caseId);

        await using var restored = new OperationsApp(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={backup}" });
        var ready = await HealthAnswer.GetAsync(restored.CreateClient(), "/health/ready");
        ready.Code.ShouldBe(HttpStatusCode.OK, ready.Body);
        var restoredFactory = restored.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var inCopy = await MessageCountAsync(restoredFactory, caseId);
        inCopy.ShouldBeGreaterThanOrEqualTo(before, "every reply committed before the backup started is in it");
        inCopy.ShouldBeLessThanOrEqualTo(after);
        await using (var db = await restoredFactory.CreateDbContextAsync(Ct))
        {
            (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(Ct)).ShouldBe(["ok"]);
            (await db.Cases.SingleAsync(c => c.Id == caseId, Ct)).Subject.ShouldBe("Backup while writing");
        }
    }

    private static async Task<int> MessageCountAsync(IDbContextFactory<DashboardDbContext> factory, string caseId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.CaseMessages.CountAsync(m => m.CaseId == caseId && m.Kind == CaseEntryKind.Message, Ct);
    }
}
