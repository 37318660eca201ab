using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_terms",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_terms", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_project_terms_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The terms' full-text index, kept by triggers: FTS5 over the table's own text (external content,
            // so the text is stored once), words only (detail=none: a search asks which rows have all its words).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE project_terms_index USING fts5(Terms, content='project_terms', content_rowid='ProjectId', detail='none');");
            migrationBuilder.Sql("CREATE TRIGGER project_terms_added AFTER INSERT ON project_terms BEGIN INSERT INTO project_terms_index(rowid, Terms) VALUES (new.ProjectId, new.Terms); END;");
            migrationBuilder.Sql("CREATE TRIGGER project_terms_removed AFTER DELETE ON project_terms BEGIN INSERT INTO project_terms_index(project_terms_index, rowid, Terms) VALUES ('delete', old.ProjectId, old.Terms); END;");
            migrationBuilder.Sql("CREATE TRIGGER project_terms_changed AFTER UPDATE ON project_terms BEGIN INSERT INTO project_terms_index(project_terms_index, rowid, Terms) VALUES ('delete', old.ProjectId, old.Terms); INSERT INTO project_terms_index(rowid, Terms) VALUES (new.ProjectId, new.Terms); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER project_terms_changed;");
            migrationBuilder.Sql("DROP TRIGGER project_terms_removed;");
            migrationBuilder.Sql("DROP TRIGGER project_terms_added;");
            migrationBuilder.Sql("DROP TABLE project_terms_index;");
            migrationBuilder.DropTable(
                name: "project_terms");
        }
    }
}
