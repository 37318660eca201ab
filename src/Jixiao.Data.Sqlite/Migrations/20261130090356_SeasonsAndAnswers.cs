using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SeasonsAndAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "review_comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "review_comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "review_comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Resolved",
                table: "review_comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "seasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetsDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonitoringDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelfEvaluationDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seasons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_seasons_Year_RegionId",
                table: "seasons",
                columns: new[] { "Year", "RegionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "seasons");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "review_comments");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "review_comments");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "review_comments");

            migrationBuilder.DropColumn(
                name: "Resolved",
                table: "review_comments");
        }
    }
}
