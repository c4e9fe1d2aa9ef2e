using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseEntryKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "CaseMessages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Entries written before the column existed get their kind (hand-written SQL, both providers).
            migrationBuilder.Sql(Dashboard.Data.CaseEntryKindBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CaseMessages");
        }
    }
}
