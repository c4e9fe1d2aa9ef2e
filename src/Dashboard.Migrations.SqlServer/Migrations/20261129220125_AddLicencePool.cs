using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddLicencePool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReplaceLicencesOwnersOnly",
                table: "Stores",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LicenceActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoreId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    CaseId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    OrderId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    LicenseId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    NewLicenseId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenceActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicencePoolKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    StoreId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ProductId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    VariantId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OrderId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    LicenseId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicencePoolKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicencePoolKeys_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceActions_CaseId",
                table: "LicenceActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceActions_StoreId_IdempotencyKey",
                table: "LicenceActions",
                columns: new[] { "StoreId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LicencePoolKeys_StoreId_Key",
                table: "LicencePoolKeys",
                columns: new[] { "StoreId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LicencePoolKeys_StoreId_ProductId_Status_AddedAt",
                table: "LicencePoolKeys",
                columns: new[] { "StoreId", "ProductId", "Status", "AddedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenceActions");

            migrationBuilder.DropTable(
                name: "LicencePoolKeys");

            migrationBuilder.DropColumn(
                name: "ReplaceLicencesOwnersOnly",
                table: "Stores");
        }
    }
}
