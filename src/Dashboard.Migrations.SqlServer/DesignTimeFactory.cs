using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model offline (no server is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=(local);Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True",
        }, ".");
        return new DashboardDbContext(options.Options);
    }
}
