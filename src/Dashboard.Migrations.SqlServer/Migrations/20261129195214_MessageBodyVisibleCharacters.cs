using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Message bodies are limited to 4,000 characters a person sees (an emoji is one), which can take up
    /// to 16,000 UTF-16 units: nvarchar(4000) becomes nvarchar(max). The full-text index on the column is
    /// dropped and made again around the change (<see cref="MessageBodyFullText"/>).
    /// </summary>
    public partial class MessageBodyVisibleCharacters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageBodyFullText.DropIndex, suppressTransaction: true);
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "CaseMessages",
                type: "nvarchar(max)",
                maxLength: 16000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);
            migrationBuilder.Sql(MessageBodyFullText.CreateIndex, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageBodyFullText.DropIndex, suppressTransaction: true);
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "CaseMessages",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 16000);
            migrationBuilder.Sql(MessageBodyFullText.CreateIndex, suppressTransaction: true);
        }
    }
}
