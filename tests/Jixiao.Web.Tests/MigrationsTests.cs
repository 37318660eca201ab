using Jixiao.Data.Postgres;
using Jixiao.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>Each provider's migrations describe the current model (what `dotnet ef migrations has-pending-model-changes` checks).</summary>
public class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_HaveNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last SQLite migration: run dotnet ef migrations add for src/Jixiao.Data.Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgresMigrations_HaveNoPendingModelChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last PostgreSQL migration: run dotnet ef migrations add for src/Jixiao.Data.Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
