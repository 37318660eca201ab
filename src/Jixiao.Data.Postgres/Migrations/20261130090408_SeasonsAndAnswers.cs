using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "review_comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "review_comments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Resolved",
                table: "review_comments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "seasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: true),
                    TargetsDue = table.Column<DateOnly>(type: "date", nullable: false),
                    MonitoringDue = table.Column<DateOnly>(type: "date", nullable: true),
                    SelfEvaluationDue = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
