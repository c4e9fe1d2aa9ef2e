using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Data;

/// <summary>
/// Lets one writer at a time into a SQLite file from this process, in arrival order, without
/// blocking a thread. SQLite has one write lock per file; a writer that finds it taken waits in
/// SQLite's busy handler, which sleeps inside the native call (1, 2, 5 … then 100 ms a turn) on a
/// thread-pool thread. Under a burst of 50 replies that parked every pool thread (the pool grows
/// by about one thread a second), so finished answers could not be written either, and the rest
/// came through in 100 ms steps: answers arrived in batches 0.1–0.7 s apart (docs/reliability.md).
/// Here a writer awaits a <see cref="SemaphoreSlim"/> instead: the next one starts the moment the
/// previous commits, and no thread waits.
/// A write is a transaction (held from BEGIN to commit or rollback) or a single INSERT/UPDATE/DELETE
/// outside one. A writer that waits longer than <see cref="MaxWait"/> goes ahead without the gate and
/// falls back on SQLite's own locking (so a mistake can never deadlock, only be as slow as before).
/// Other processes on the same file (a second instance) still meet SQLite's lock as before.
/// </summary>
public sealed partial class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> _held = new();

    // A committed SqliteTransaction forgets its connection; remember it from the start.
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = new();

    private SqliteWriteGate() { }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    /// <summary>Whether no writer of this process holds the gate of <paramref name="dataSource"/> (a leak would stall every write).</summary>
    public static bool IsFree(string dataSource) => !Gates.TryGetValue(dataSource, out var gate) || gate.CurrentCount == 1;

    private static SemaphoreSlim GateOf(DbConnection connection) => Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken ct)
    {
        if (_held.TryGetValue(connection, out _)) return;
        var gate = GateOf(connection);
        if (await gate.WaitAsync(MaxWait, ct)) _held.AddOrUpdate(connection, gate);
    }

    private void Enter(DbConnection connection)
    {
        if (_held.TryGetValue(connection, out _)) return;
        var gate = GateOf(connection);
        if (gate.Wait(MaxWait)) _held.AddOrUpdate(connection, gate);
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && _held.TryGetValue(connection, out var gate) && _held.Remove(connection)) gate.Release();
    }

    private static bool IsAutocommitWrite(DbCommand command) => command.Transaction is null && WriteStatement().IsMatch(command.CommandText);

    // Transactions: from BEGIN to its end.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    private void End(DbTransaction transaction) => Leave(_transactions.TryGetValue(transaction, out var connection) ? connection : transaction.Connection);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => End(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A single write statement outside a transaction (ExecuteUpdate/ExecuteDelete, a one-row SaveChanges).
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command)) await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsAutocommitWrite(command)) Enter(command.Connection!);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null) Leave(command.Connection);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Transaction is null) Leave(command.Connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command)) await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsAutocommitWrite(command)) Enter(command.Connection!);
        return result;
    }

    /// <summary>An INSERT … RETURNING ends its implicit transaction when its reader is done.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.Transaction is null) Leave(command.Connection);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection);
    }

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandCanceled(command, eventData);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback (an exception) ends with its connection.</summary>
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }
}
