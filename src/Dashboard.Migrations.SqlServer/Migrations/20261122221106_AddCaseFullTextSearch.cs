using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Full-text search over case subjects and message bodies (SQL Server Full-Text Search): one
    /// catalog, one index per table keyed by the primary key, populated automatically. Full-text DDL
    /// cannot run inside a transaction, hence <c>suppressTransaction</c>. Requires the Full-Text
    /// Search feature on the server (Azure SQL has it). CaseQueries.ListAsync queries it with CONTAINS.
    /// </summary>
    public partial class AddCaseFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'DashboardSearch') CREATE FULLTEXT CATALOG DashboardSearch;",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [Cases]([Subject] LANGUAGE 0) KEY INDEX [PK_Cases] ON DashboardSearch WITH CHANGE_TRACKING AUTO, STOPLIST = OFF;",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [CaseMessages]([Body] LANGUAGE 0) KEY INDEX [PK_CaseMessages] ON DashboardSearch WITH CHANGE_TRACKING AUTO, STOPLIST = OFF;",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [CaseMessages];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [Cases];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG DashboardSearch;", suppressTransaction: true);
        }
    }
}
