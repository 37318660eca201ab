using System.Collections.Concurrent;

namespace Jixiao.Web.Security;

/// <summary>
/// When each access token was last used, recorded off the request path: a request notes the use in memory,
/// and the use is written at most once a minute per token by <see cref="TokenUseWriter"/>, so a read with a
/// token is never a write to the database.
/// </summary>
public sealed class TokenUse
{
    /// <summary>How stale the stored time of last use may be.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, DateTimeOffset> _pending = new();

    /// <summary>Notes that token <paramref name="tokenId"/> was used at <paramref name="now"/>, when its stored time is older than <see cref="Resolution"/>.</summary>
    public void Note(int tokenId, DateTimeOffset? stored, DateTimeOffset now)
    {
        if (stored is null || now - stored.Value >= Resolution)
        {
            _pending[tokenId] = now;
        }
    }

    /// <summary>The uses noted since the last call, each token once with its latest time.</summary>
    public IReadOnlyList<(int TokenId, DateTimeOffset At)> Take()
    {
        var taken = new List<(int, DateTimeOffset)>();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var at))
            {
                taken.Add((id, at));
            }
        }

        return taken;
    }
}

/// <summary>Writes the noted token uses every half minute, and once more when the server stops.</summary>
public sealed class TokenUseWriter(TokenUse uses, IServiceScopeFactory scopes, ILogger<TokenUseWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last uses are written below.
        }

        await WriteAsync(CancellationToken.None);
    }

    /// <summary>Writes what has been noted.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var taken = uses.Take();
        if (taken.Count == 0)
        {
            return;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
            foreach (var (id, at) in taken)
            {
                await db.AccessTokens.Where(t => t.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at), cancellationToken);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The time of last use is a convenience; a database that cannot take it now does not stop the server.
            logger.LogWarning(e, "Could not record the last use of {Count} access tokens.", taken.Count);
        }
    }
}
