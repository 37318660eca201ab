using Jixiao.Data.Postgres;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// Where read-only queries go: a streaming replica when <c>ConnectionStrings:JixiaoReadOnly</c> names one
/// (PostgreSQL), otherwise the request's own database context. The replica's context carries the same unit
/// filter. A replica lags the primary by the time its stream takes (milliseconds on one network), so only
/// lists and searches use it, never a page that must show what the user has just changed.
/// </summary>
public sealed class ReadOnlyData(JixiaoDbContext primary, ReadOnlyOptions options, IDataScope scope) : IAsyncDisposable
{
    private JixiaoDbContext? _replica;

    /// <summary>The context to read from.</summary>
    public JixiaoDbContext Context => options.Options is { } replica ? _replica ??= new JixiaoDbContext(replica, scope) : primary;

    /// <summary>True when reads go to a replica.</summary>
    public bool OnReplica => options.Options is not null;

    public async ValueTask DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }
    }
}

/// <summary>The replica's context options, built once; null when there is no replica.</summary>
public sealed class ReadOnlyOptions
{
    public ReadOnlyOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString("JixiaoReadOnly");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        if (!string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("只读副本（ConnectionStrings:JixiaoReadOnly）只用于 PostgreSQL（Database:Provider 为 Postgres）。");
        }

        ConnectionString = connectionString;
        Options = (DbContextOptions<JixiaoDbContext>)PostgresDatabase.Use(new DbContextOptionsBuilder<JixiaoDbContext>(), connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
    }

    /// <summary>The replica's connection string, null without a replica.</summary>
    public string? ConnectionString { get; }

    /// <summary>The options, null without a replica.</summary>
    public DbContextOptions<JixiaoDbContext>? Options { get; }
}
