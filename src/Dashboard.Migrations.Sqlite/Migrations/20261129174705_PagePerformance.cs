using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Every page's layout reads the store's recent customer messages through IX_CaseMessages_Notifications;
    /// the full-text search moves to one index whose rowids name store and case (Dashboard.Data.CaseSearchIndex,
    /// hand-written SQL shared with Dashboard.DataGenerator).
    /// </summary>
    public partial class PagePerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_Notifications",
                table: "CaseMessages",
                columns: new[] { "StoreId", "AuthorKind", "CreatedAt" });

            foreach (var sql in Dashboard.Data.CaseSearchIndex.ReplacePerTableIndexes()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Dashboard.Data.CaseSearchIndex.RestorePerTableIndexes()) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_CaseMessages_Notifications",
                table: "CaseMessages");
        }
    }
}
