using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        services.AddDbContextFactory<DashboardDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataDir = sp.GetRequiredService<IOptions<DataDirectoryOptions>>().Value;
            Configure(options, db, dataDir.FullPath);
        });
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

    /// <summary>Per-connection SQLite settings: safe-enough durability for WAL, and foreign keys on.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
