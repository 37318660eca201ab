using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail is append-only in the database too, not only in the application.
            migrationBuilder.Sql("CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_trail is append-only'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER audit_trail_no_change BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_trail_no_change ON audit_trail;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_trail_no_truncate ON audit_trail;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_trail_append_only();");

        }
    }
}
