using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DepartmentCode",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ImplementingUnit",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LongTermGoal",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Period",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Standard",
                table: "indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "documents",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "summary");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Category",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "DepartmentCode",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ImplementingUnit",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "LongTermGoal",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Period",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "Standard",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "documents");
        }
    }
}
