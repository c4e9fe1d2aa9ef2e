using System.Data.Common;
using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.InboundMail;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Every signed-in page renders the layout, and every live event reaches every open layout: what the
/// layout's data part (the store scope and the notification menu) runs must stay a handful of index
/// reads. Each statement it sends is recorded and asked for its plan; a full scan of a table fails.
/// </summary>
public class LayoutQueryTests : DashboardTestContext, IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase _db = null!;
    private CaseChangeFeed _feed = null!;
    private CaseService _cases = null!;
    private Store _store = null!;
    private Order _order = null!;
    private readonly SqlRecorder _sql = new();
    private const string UserId = "user-ada";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _feed = new CaseChangeFeed(NullLogger<CaseChangeFeed>.Instance, new InProcessCaseChangeTransport());
        _cases = _db.CaseService(feed: _feed);
        (_store, _, _order) = await _db.AddStoreAsync("Northwind Keys");
        await using (var db = _db.NewContext())
        {
            db.Users.Add(new AppUser { Id = UserId, UserName = "ada@test.example", Email = "ada@test.example", DisplayName = "Ada Lovelace", CurrentStoreId = _store.Id });
            db.StoreMembers.Add(new StoreMember { StoreId = _store.Id, UserId = UserId, Role = StoreRole.Owner });
            await db.SaveChangesAsync();
        }
        // A store with some history: cases over the last weeks, replies from both sides.
        for (var i = 0; i < 40; i++)
        {
            var opened = (await _cases.OpenAsync(_store.Id, _order.Id, $"Case {i}", "Where is my key?")).Case!;
            _db.Clock.Advance(TimeSpan.FromHours(3));
            if (i % 2 == 0) await _cases.ReplyAsync(_store.Id, opened.Id, Actor.Merchant("Theo"), "Re-sent it.");
            if (i % 4 == 0) await _cases.CustomerReplyAsync(_store.Id, opened.Id, "Still nothing.");
        }

        // Two emails wait for review at this store, one at another: the navigation's badge says 2.
        await using (var db = _db.NewContext())
        {
            foreach (var (n, storeId) in new[] { (1, _store.Id), (2, _store.Id), (3, "shp_someoneelse0001") })
                db.InboundEmails.Add(new InboundEmail { MessageId = $"held-{n}@mail.example", ReceivedAt = _db.Clock.GetUtcNow().UtcDateTime, Channel = InboundChannel.Webhook,
                    FromAddress = "someone@example.com", Subject = "Re: my key", Status = InboundEmailStatus.HeldForReview, Reason = "Not the case's customer", StoreId = storeId });
            await db.SaveChangesAsync();
        }

        var recorded = _db.FactoryWith(_sql);
        Services.AddSingleton(recorded);
        Services.AddSingleton(new InboundMailReview(recorded, new StoreAccess(recorded), InboundTestKit.Processor(_db), _db.Vault, _db.Clock));
        Services.AddScoped<HeldMailBadge>();
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(_feed);
        Services.AddSingleton(new TicketChangeFeed(new InProcessCaseChangeTransport(), NullLogger<TicketChangeFeed>.Instance));
        Services.AddSingleton<NotificationQueries>();
        Services.AddScoped<StoreContext>();
        JSInterop.SetupModule("/assets/live.js").SetupVoid("setTitleCount", _ => true).SetVoidResult();
        AddAuthorization().SetAuthorized("Ada Lovelace").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public new async ValueTask DisposeAsync()
    {
        await DisposeComponentsAsync();
        await _db.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Rendering_the_layouts_data_reads_a_few_indexed_rows_and_scans_no_table()
    {
        RenderProviders();
        var cut = Render<NotificationMenu>();
        cut.WaitForAssertion(() => cut.Instance.Summary.ShouldNotBeNull());

        cut.Instance.Summary!.UnseenCount.ShouldBe(50, "40 new cases and 10 customer replies in the last week");
        var statements = _sql.Take();
        // user, store scope, seen mark, customer-message count and list, ticket answers, Awaiting you.
        statements.Count.ShouldBeLessThanOrEqualTo(7, string.Join("\n---\n", statements.Select(s => s.Sql)));
        foreach (var statement in statements)
        {
            var plan = await PlanAsync(statement);
            plan.ShouldNotContain(line => IsTableScan(line, plan), statement.Sql + "\n" + string.Join("\n", plan));
        }
    }

    [Fact]
    public async Task The_whole_layout_reads_a_few_indexed_rows_once_and_nothing_again_when_the_user_moves_to_another_page()
    {
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "The case list"))));
        cut.WaitForAssertion(() => cut.Find("[data-testid=nav-inbound-mail] .unread-badge").TextContent.ShouldBe(", 2 held for review"));
        cut.WaitForAssertion(() => cut.FindComponent<NotificationMenu>().Instance.Summary.ShouldNotBeNull());

        var statements = _sql.Take();
        // The store scope (layout, menu: user and stores each), seen mark, customer-message count and list,
        // ticket answers, Awaiting you, and the held-mail count.
        statements.Count.ShouldBeLessThanOrEqualTo(10, string.Join("\n---\n", statements.Select(s => s.Sql)));
        statements.Count(s => s.Sql.Contains("InboundEmails")).ShouldBe(1, "the badge counts once");
        foreach (var statement in statements)
        {
            var plan = await PlanAsync(statement);
            plan.ShouldNotContain(line => IsTableScan(line, plan), statement.Sql + "\n" + string.Join("\n", plan));
        }

        // Moving to another page renders the layout with a new body: the navigation and menus read nothing.
        cut.Render(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "A case"))));
        cut.Render(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Settings"))));
        cut.Markup.ShouldContain("Settings");
        _sql.Take().Select(s => s.Sql).ShouldBeEmpty();
        cut.Find("[data-testid=nav-inbound-mail] .unread-badge").TextContent.ShouldBe(", 2 held for review");
    }

    [Fact]
    public async Task Reviewing_mail_in_this_circuit_updates_the_navigation_badge()
    {
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Email replies"))));
        cut.WaitForAssertion(() => cut.Find("[data-testid=nav-inbound-mail] .unread-badge").TextContent.ShouldBe(", 2 held for review"));
        await using (var db = _db.NewContext())
            await db.InboundEmails.Where(m => m.MessageId == "held-1@mail.example").ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, InboundEmailStatus.Discarded));

        var scope = (await StoreContext.LoadAsync(_db.Factory, UserId))!;
        await cut.InvokeAsync(() => Services.GetRequiredService<HeldMailBadge>().RefreshAsync(scope));

        cut.WaitForAssertion(() => cut.Find("[data-testid=nav-inbound-mail] .unread-badge").TextContent.ShouldBe(", 1 held for review"));
    }

    [Fact]
    public async Task A_status_change_rereads_only_the_awaiting_count_and_a_customer_message_rereads_the_menu()
    {
        RenderProviders();
        var cut = Render<NotificationMenu>();
        cut.WaitForAssertion(() => cut.Instance.Summary.ShouldNotBeNull());
        var before = cut.Instance.Summary!;
        var some = await FirstCaseAsync();
        _sql.Take();

        (await _cases.UpdateAsync(_store.Id, some, Actor.Merchant("Theo"), null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);
        cut.WaitForAssertion(() => cut.Instance.Summary!.AwaitingYou.ShouldNotBe(before.AwaitingYou));
        var statements = _sql.Take().Select(s => s.Sql).Where(s => !s.Contains("UPDATE") && !s.Contains("INSERT")).ToList();
        statements.ShouldHaveSingleItem().ShouldContain("CaseCounts");
        statements.ShouldNotContain(s => s.Contains("CaseMessages"));

        (await _cases.CustomerReplyAsync(_store.Id, some, "Reopening: the key is still missing.")).Outcome.ShouldBe(CaseOutcome.Ok);
        cut.WaitForAssertion(() => cut.Instance.Summary!.UnseenCount.ShouldBe(before.UnseenCount + 1));
        cut.Instance.Summary!.Items[0].Kind.ShouldBe(NotificationKind.CustomerReply);
    }

    private async Task<string> FirstCaseAsync()
    {
        await using var db = _db.NewContext();
        return await db.Cases.Where(c => c.StoreId == _store.Id && c.Status == CaseStatus.AwaitingMerchant).Select(c => c.Id).FirstAsync();
    }

    /// <summary>
    /// A plan line that reads a whole table ("SCAN c" for Cases AS c). Reading a subquery's own rows
    /// (a name the plan introduced as CO-ROUTINE or MATERIALIZE, at most 100 rows here) is not one.
    /// </summary>
    private static bool IsTableScan(string line, List<string> plan)
    {
        if (!line.StartsWith("SCAN ", StringComparison.Ordinal) || line.Contains("CONSTANT ROW", StringComparison.Ordinal)) return false;
        var name = line["SCAN ".Length..].Split(' ')[0];
        return !plan.Any(l => l == "CO-ROUTINE " + name || l == "MATERIALIZE " + name || l.Contains("(subquery", StringComparison.Ordinal) && line.Contains("subquery", StringComparison.Ordinal));
    }

    private async Task<List<string>> PlanAsync(RecordedStatement statement)
    {
        await using var db = _db.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }

    private sealed record RecordedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Records every statement sent through the contexts it is added to.</summary>
    private sealed class SqlRecorder : DbCommandInterceptor
    {
        private readonly List<RecordedStatement> _statements = [];

        public List<RecordedStatement> Take()
        {
            lock (_statements)
            {
                var taken = _statements.ToList();
                _statements.Clear();
                return taken;
            }
        }

        private void Record(DbCommand command)
        {
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (_statements) _statements.Add(new RecordedStatement(command.CommandText, parameters));
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}
