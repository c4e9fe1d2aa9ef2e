using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>The <c>Database</c> section: which provider, and (for SQL Server) the connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server. For SQLite, optional: default is <c>{DataDirectory}/dashboard.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite: queue this process's writers without blocking threads (<see cref="Data.SqliteWriteGate"/>).
    /// On by default; off only to compare (docs/reliability.md) or to rule it out.
    /// </summary>
    public bool SqliteWriteGate { get; set; } = true;

    /// <summary>
    /// Apply pending migrations when the app starts. Unset: on for SQLite (one machine, one file) and in
    /// Development, off for SQL Server elsewhere, where a migration bundle runs before the new version
    /// (docs/deploy.md). Off with migrations pending: the app starts and <c>/health/ready</c> answers 503.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart(bool isDevelopment) => MigrateOnStart ?? (Provider == DatabaseProvider.Sqlite || isDevelopment);
}

/// <summary>The <c>Dashboard</c> section's storage root: the SQLite file and stored files live here.</summary>
public sealed class DataDirectoryOptions
{
    public const string Section = "Dashboard";
    public string DataDirectory { get; set; } = "data";

    public string FullPath => Path.GetFullPath(DataDirectory);
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Dashboard.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Dashboard.Migrations.SqlServer";

    public static IServiceCollection AddDashboardData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer")
            .ValidateOnStart();
        services.AddOptions<DataDirectoryOptions>().BindConfiguration(DataDirectoryOptions.Section);

        // Pooled: a list page is a few hundred microseconds of SQL, and building a fresh context each
        // time was a measurable share of it (docs/benchmarks.md). Everyone still injects
        // IDbContextFactory<DashboardDbContext> and disposes what it creates (which returns it to the pool).
        services.AddPooledDbContextFactory<DashboardDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataDir = sp.GetRequiredService<IOptions<DataDirectoryOptions>>().Value;
            Configure(options, db, dataDir.FullPath);
        });
        // Identity's stores take the context itself, per request scope.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Applies the provider choice to <paramref name="options"/>; used by the host, tests and tools.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string dataDirectory)
    {
        // Billing address and payment are optional owned parts of an order; their Id column tells
        // whether one exists, so EF's "optional dependent without identifying column" warning is noise.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(db, dataDirectory),
                    o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmas.Instance);
                if (db.SqliteWriteGate) options.AddInterceptors(Data.SqliteWriteGate.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(db.ConnectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(db), db.Provider, "Unknown database provider");
        }
    }

    public static string SqliteConnectionString(DatabaseOptions db, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString)) return db.ConnectionString;
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "dashboard.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Creates the database if missing and applies every pending migration. Never EnsureCreated.</summary>
    public static async Task MigrateAsync(IDbContextFactory<DashboardDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.IsSqlite)
        {
            // WAL lets the dashboard read while a write commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Per-connection SQLite settings: safe-enough durability for WAL, and foreign keys on. They belong
    /// to the native connection, which the pool keeps open between uses, so they run once per native
    /// connection rather than on every open.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        // mmap: reads of a large database come straight from the OS page cache (shared by every
        // pooled connection) instead of a read() per page into each connection's small private cache;
        // a search at a million cases touches a few thousand scattered rows (docs/benchmarks.md).
        private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; " +
                                   "PRAGMA mmap_size=2147418112; PRAGMA cache_size=-16384;";
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

        private static bool NeedsPragmas(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

        private static void MarkConfigured(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) Configured.AddOrUpdate(handle, Instance);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (!NeedsPragmas(connection)) return;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            cmd.ExecuteNonQuery();
            MarkConfigured(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!NeedsPragmas(connection)) return;
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }
}
