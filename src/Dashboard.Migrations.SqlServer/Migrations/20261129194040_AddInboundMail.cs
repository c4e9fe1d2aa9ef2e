using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddInboundMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "Outbox",
                type: "nvarchar(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "Cases",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Existing cases get a random token of their own before the unique index (hand-written SQL, see CaseReplyTokenBackfill).
            migrationBuilder.Sql(Dashboard.Data.CaseReplyTokenBackfill.SqlServer);

            migrationBuilder.CreateTable(
                name: "InboundEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FromAddress = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    FromName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CaseId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    StoreId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    CaseMessageId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AttachmentCount = table.Column<int>(type: "int", nullable: false),
                    RawSize = table.Column<long>(type: "bigint", nullable: false),
                    RawKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ResolvedBy = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundEmails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_MessageIdHeader",
                table: "Outbox",
                column: "MessageIdHeader");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReplyToken",
                table: "Cases",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_MessageId",
                table: "InboundEmails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_Status_ReceivedAt",
                table: "InboundEmails",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_StoreId_Status_ReceivedAt",
                table: "InboundEmails",
                columns: new[] { "StoreId", "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_MessageIdHeader",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReplyToken",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "Cases");
        }
    }
}
