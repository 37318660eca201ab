using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormsAndDeclaredScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "DeclaredExecutionScore",
                table: "self_evaluations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclaredGrade",
                table: "self_evaluations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DeclaredScore",
                table: "self_evaluations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceDocumentId",
                table: "self_evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExecutionJson",
                table: "projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvaluationJson",
                table: "indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionsJson",
                table: "indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DeclaredPoints",
                table: "indicator_actuals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DeclaredScore",
                table: "indicator_actuals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllocationsJson",
                table: "documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TasksJson",
                table: "documents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeclaredExecutionScore",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "DeclaredGrade",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "DeclaredScore",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "SourceDocumentId",
                table: "self_evaluations");

            migrationBuilder.DropColumn(
                name: "ExecutionJson",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "EvaluationJson",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "RegionsJson",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "DeclaredPoints",
                table: "indicator_actuals");

            migrationBuilder.DropColumn(
                name: "DeclaredScore",
                table: "indicator_actuals");

            migrationBuilder.DropColumn(
                name: "AllocationsJson",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "TasksJson",
                table: "documents");
        }
    }
}
