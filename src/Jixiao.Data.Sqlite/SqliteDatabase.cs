using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Data.Sqlite;

/// <summary>SQLite, the embedded default: the provider and this assembly's migrations.</summary>
public static class SqliteDatabase
{
    /// <summary>Configures <paramref name="options"/> for SQLite at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        BulkRows.Register("Microsoft.EntityFrameworkCore.Sqlite", new SqliteBulkRows());
        // A project is tested with the index's own query and its id as the row: FTS5 then seeks that row in
        // each term's list of rows. The largest id stands for the number of projects (an upper bound).
        SearchIndex.Register("Microsoft.EntityFrameworkCore.Sqlite", new SearchIndex(
            "SELECT rowid AS \"Value\" FROM project_terms_index WHERE project_terms_index MATCH {0}", " ",
            probes: new SearchProbes(null, "SELECT coalesce(max(\"Id\"), 0) AS \"Value\" FROM \"projects\"", Cost: 200)));
        return options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without the web application.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<JixiaoDbContext>
{
    public JixiaoDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<JixiaoDbContext>)SqliteDatabase.Use(new DbContextOptionsBuilder<JixiaoDbContext>(), "Data Source=design.db").Options);
}
