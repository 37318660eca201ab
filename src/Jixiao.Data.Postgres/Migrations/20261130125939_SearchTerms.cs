using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
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
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: false)
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

            // The terms' full-text index: the words of the text kept beside it (a stored generated column, so
            // no search parses the text again, whether the planner takes the index or a scan), and GIN over them.
            migrationBuilder.Sql("ALTER TABLE project_terms ADD COLUMN \"Words\" tsvector GENERATED ALWAYS AS (to_tsvector('simple', \"Terms\")) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_project_terms_Words\" ON project_terms USING gin (\"Words\");");
            // The text and the words are moved out of the row even when short, so that the rows an index
            // search visits are a few dozen bytes and a search never reads the text back.
            migrationBuilder.Sql("ALTER TABLE project_terms SET (toast_tuple_target = 128);");

            // The ids whose words include a query's. PostgreSQL's planner counts a match over the words as cheap
            // and would scan every row, unpacking each row's words, for a common text (seconds); reading the
            // GIN index for it takes milliseconds, so the lookup runs with sequential scans off.
            migrationBuilder.Sql("CREATE FUNCTION project_terms_matching(words tsquery) RETURNS SETOF integer LANGUAGE sql STABLE SET enable_seqscan = off AS $$ SELECT \"ProjectId\" FROM project_terms WHERE \"Words\" @@ words $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION project_terms_matching(tsquery);");
            migrationBuilder.DropTable(
                name: "project_terms");
        }
    }
}
