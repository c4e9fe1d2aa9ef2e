using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddAutomation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SettingsVersion",
                table: "Stores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LastActivityAt",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Cases written before the column existed: their latest message or status change (hand-written SQL, both providers).
            migrationBuilder.Sql(Dashboard.Data.AutoCloseBackfill.Sql);

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AutoClose",
                table: "Cases",
                columns: new[] { "StoreId", "LastActivityAt", "AutoCloseWarnedAt" },
                filter: "\"Status\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AutoClose",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SettingsVersion",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "Cases");
        }
    }
}
