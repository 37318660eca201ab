using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchProbes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // How many projects match, without passing every id through a set-returning function (which keeps
            // them in a tuple store): a scan of the GIN index with its count, sequential scans off as in
            // project_terms_matching.
            migrationBuilder.Sql("CREATE FUNCTION project_terms_count(words text) RETURNS integer LANGUAGE sql STABLE SET enable_seqscan = off AS $$ SELECT count(*)::integer FROM project_terms WHERE \"Words\" @@ to_tsquery('simple', words) $$;");

            // Whether one project matches: a lookup of its row by key. A page of a text found in most projects is
            // found by walking the projects in table order and testing each, stopping at the page.
            migrationBuilder.Sql("CREATE FUNCTION project_terms_has(project integer, words text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM project_terms WHERE \"ProjectId\" = project AND \"Words\" @@ to_tsquery('simple', words)) $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION project_terms_has(integer, text);");
            migrationBuilder.Sql("DROP FUNCTION project_terms_count(text);");
        }
    }
}
