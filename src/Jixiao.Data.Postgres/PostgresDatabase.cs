using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Data.Postgres;

/// <summary>PostgreSQL, for a shared deployment: the provider and this assembly's migrations.</summary>
public static class PostgresDatabase
{
    /// <summary>Configures <paramref name="options"/> for PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        BulkRows.Register("Npgsql.EntityFrameworkCore.PostgreSQL", new PostgresBulkRows());
        SearchIndex.Register("Npgsql.EntityFrameworkCore.PostgreSQL", new SearchIndex(
            "SELECT m AS \"Value\" FROM project_terms_matching(to_tsquery('simple', {0})) AS m", " & ",
            countSql: "SELECT project_terms_count({0}) AS \"Value\"",
            probes: new SearchProbes("project_terms_has", "SELECT reltuples::bigint AS \"Value\" FROM pg_class WHERE oid = 'projects'::regclass", Cost: 100)));
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL without a server or the web application.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<JixiaoDbContext>
{
    public JixiaoDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<JixiaoDbContext>)PostgresDatabase.Use(new DbContextOptionsBuilder<JixiaoDbContext>(), "Host=127.0.0.1;Username=postgres").Options);
}
