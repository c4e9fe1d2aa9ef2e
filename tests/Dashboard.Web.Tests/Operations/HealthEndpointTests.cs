using System.Net;
using Dashboard.Data;
using Dashboard.Web.Tests.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// /health/live and /health/ready as a load balancer and an operator see them: unauthenticated JSON,
/// each check's status and duration, 503 when the instance must not get traffic, and nothing that
/// tells a stranger where the database, mail server or files are.
/// </summary>
public class HealthEndpointTests(HealthEndpointTests.App app) : IClassFixture<HealthEndpointTests.App>
{
    public sealed class App() : OperationsApp(new Dictionary<string, string?>());

    [Fact]
    public async Task Live_answers_healthy_without_sign_in_and_runs_no_checks()
    {
        var answer = await HealthAnswer.GetAsync(app.CreateClient(), "/health/live");

        answer.Code.ShouldBe(HttpStatusCode.OK);
        answer.Status.ShouldBe("Healthy");
        answer.Checks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ready_answers_each_check_with_its_status_and_duration()
    {
        var answer = await HealthAnswer.GetAsync(app.CreateClient(), "/health/ready");

        answer.Code.ShouldBe(HttpStatusCode.OK, answer.Body);
        answer.Status.ShouldBe("Healthy");
        answer.Checks.Keys.ShouldBe(["database", "attachments"], ignoreOrder: true);
        answer.CheckDescription("database").ShouldBe("Reachable; every migration applied.");
        foreach (var check in answer.Checks.Values)
        {
            check.GetProperty("status").GetString().ShouldBe("Healthy");
            check.GetProperty("durationMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public async Task Ready_reveals_no_path_or_connection_detail()
    {
        var answer = await HealthAnswer.GetAsync(app.CreateClient(), "/health/ready");

        answer.Body.ShouldNotContain(app.DataDirectory);
        answer.Body.ShouldNotContain("dashboard.db");
        answer.Body.ShouldNotContain("Data Source", Case.Insensitive);
        answer.Body.ShouldNotContain("/tmp");
    }

    [Fact]
    public async Task Readiness_fails_with_503_naming_the_pending_migration_when_migrate_on_start_is_off()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-tests", "pending-" + Guid.NewGuid().ToString("N"));
        var last = await MigrateAllButLastAsync(dataDirectory);
        await using var pending = new OperationsApp(new Dictionary<string, string?>
        {
            ["Dashboard:DataDirectory"] = dataDirectory,
            ["Database:MigrateOnStart"] = "false",
        });

        var answer = await HealthAnswer.GetAsync(pending.CreateClient(), "/health/ready");

        answer.Code.ShouldBe(HttpStatusCode.ServiceUnavailable, answer.Body);
        answer.Status.ShouldBe("Unhealthy");
        answer.CheckStatus("database").ShouldBe("Unhealthy");
        answer.CheckDescription("database").ShouldBe($"1 migration(s) pending: {last}.");
        answer.CheckStatus("attachments").ShouldBe("Healthy");
        (await HealthAnswer.GetAsync(pending.CreateClient(), "/health/live")).Code.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_fails_with_503_when_attachment_storage_cannot_be_written()
    {
        var notAFolder = Path.Combine(Path.GetTempPath(), "dashboard-tests", "file-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(notAFolder)!);
        await File.WriteAllTextAsync(notAFolder, "a file where the attachment folder should be", Xunit.TestContext.Current.CancellationToken);
        try
        {
            await using var broken = new OperationsApp(new Dictionary<string, string?> { ["Attachments:Directory"] = notAFolder });

            var answer = await HealthAnswer.GetAsync(broken.CreateClient(), "/health/ready");

            answer.Code.ShouldBe(HttpStatusCode.ServiceUnavailable, answer.Body);
            answer.CheckStatus("attachments").ShouldBe("Unhealthy");
            answer.CheckStatus("database").ShouldBe("Healthy");
            answer.Body.ShouldNotContain(notAFolder);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    [Fact]
    public async Task A_reachable_mail_server_and_redis_are_checked_when_configured()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var configured = new OperationsApp(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:UseStartTls"] = "false",
            ["Smtp:Password"] = "smtp-secret-never-shown",
            ["Redis:Connection"] = redis.Connection,
        });
        _ = configured.Server;
        (await configured.WaitRedisAsync()).ShouldBeTrue();

        var answer = await HealthAnswer.GetAsync(configured.CreateClient(), "/health/ready");

        answer.Code.ShouldBe(HttpStatusCode.OK, answer.Body);
        answer.CheckStatus("smtp").ShouldBe("Healthy");
        answer.CheckStatus("redis").ShouldBe("Healthy");
        answer.Body.ShouldNotContain(smtp.Port.ToString());
        answer.Body.ShouldNotContain(redis.Connection);
        answer.Body.ShouldNotContain("smtp-secret-never-shown");
    }

    [Fact]
    public async Task An_unreachable_mail_server_degrades_readiness_without_taking_the_instance_out()
    {
        var closedPort = FreePort.Next();
        await using var configured = new OperationsApp(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = closedPort.ToString(), ["Smtp:UseStartTls"] = "false",
        });

        var answer = await HealthAnswer.GetAsync(configured.CreateClient(), "/health/ready");

        answer.Code.ShouldBe(HttpStatusCode.OK, answer.Body);
        answer.Status.ShouldBe("Degraded");
        answer.CheckStatus("smtp").ShouldBe("Degraded");
        answer.CheckDescription("smtp").ShouldBe("The mail server did not answer; emails wait in the outbox.");
        answer.Body.ShouldNotContain(closedPort.ToString());
    }

    /// <summary>A real SQLite file at the schema of the migration before the newest; answers the newest's id.</summary>
    private static async Task<string> MigrateAllButLastAsync(string dataDirectory)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions(), dataDirectory);
        await using var db = new DashboardDbContext(options.Options);
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2], Xunit.TestContext.Current.CancellationToken);
        return all[^1];
    }
}
