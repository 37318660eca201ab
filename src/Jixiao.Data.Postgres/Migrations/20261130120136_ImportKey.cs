using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "documents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_ImportKey",
                table: "documents",
                column: "ImportKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_ImportKey",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "documents");
        }
    }
}
