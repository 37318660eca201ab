using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// A number that moves whenever anything is committed to the database, by this process or any other on
/// the same database: what is read from the database under one number may be answered from memory while
/// the number stays. Read the number before reading the data, so that a commit in between moves it.
/// </summary>
public abstract class DataGeneration
{
    /// <summary>The current number; null when this database gives none (then nothing may be kept).</summary>
    public abstract ValueTask<long?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The number as this request first read it: asked once per request, however many of its steps keep
    /// something (every such step reads before the request writes anything).
    /// </summary>
    public async ValueTask<long?> ForRequestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(this, out var read))
        {
            return (long?)read;
        }

        var current = await CurrentAsync(context.RequestAborted);
        context.Items[this] = current;
        return current;
    }
}

/// <summary>
/// PostgreSQL's: the current snapshot (<c>pg_current_snapshot()</c>), which changes when any transaction that
/// writes begins or ends, on this server's connections or anyone else's; on a streaming replica, as the
/// replica replays them. One short query, touching no table.
/// <para>
/// Requests that ask at the same time share one query: a request waits for a query that began after it
/// asked (the one under way may have read the snapshot before a commit the request already saw), and every
/// request that asks while one query is under way waits for the same next one. Under load this is one
/// round trip per round-trip time rather than one per request, and no request is answered from a snapshot
/// read before it arrived.
/// </para>
/// </summary>
public sealed class PostgresDataGeneration(string connectionString) : DataGeneration, IAsyncDisposable
{
    /// <summary>A few connections of its own: the query is short, and the server's connections are for the data.</summary>
    private readonly Npgsql.NpgsqlDataSource _source = Npgsql.NpgsqlDataSource.Create(
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString);
    private readonly Lock _lock = new();
    private string? _seen;
    private long _generation;

    /// <summary>The query under way, if any.</summary>
    private TaskCompletionSource<long?>? _running;

    /// <summary>The query that starts when the one under way ends, for everyone who asked meanwhile.</summary>
    private TaskCompletionSource<long?>? _queued;

    private long _queries;

    /// <summary>How many snapshot queries have been sent (to see that concurrent requests share them).</summary>
    public long Queries => Interlocked.Read(ref _queries);

    public override ValueTask<long?> CurrentAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<long?> answer;
        lock (_lock)
        {
            if (_running is not null)
            {
                _queued ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
                return new(_queued.Task.WaitAsync(cancellationToken));
            }

            answer = _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = RunAsync(answer);
        return new(answer.Task.WaitAsync(cancellationToken));
    }

    /// <summary>Answers <paramref name="answer"/>, then whoever queued meanwhile, until nobody waits.</summary>
    private async Task RunAsync(TaskCompletionSource<long?> answer)
    {
        while (true)
        {
            long? generation;
            try
            {
                generation = await ReadAsync();
            }
#pragma warning disable CA1031 // Whatever went wrong, the waiting requests get an answer: keep nothing this time.
            catch (Exception)
#pragma warning restore CA1031
            {
                generation = null;
            }

            answer.SetResult(generation);
            lock (_lock)
            {
                if (_queued is null)
                {
                    _running = null;
                    return;
                }

                answer = _running = _queued;
                _queued = null;
            }
        }
    }

    private async Task<long?> ReadAsync()
    {
        Interlocked.Increment(ref _queries);
        string snapshot;
        try
        {
            // Not cancelled with any one request: others wait for the same answer.
            await using var command = _source.CreateCommand("SELECT pg_current_snapshot()::text");
            snapshot = (string)(await command.ExecuteScalarAsync())!;
        }
        catch (Npgsql.NpgsqlException)
        {
            // The database cannot be reached (or does not exist yet): keep nothing.
            return null;
        }

        lock (_lock)
        {
            if (snapshot != _seen)
            {
                _seen = snapshot;
                _generation++;
            }

            return _generation;
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>
/// SQLite's own change counter: <c>PRAGMA data_version</c> on a connection of our own, which moves when
/// any other connection, in this process or another, commits. Reading it touches no table.
/// </summary>
public sealed class SqliteDataGeneration(string connectionString) : DataGeneration, IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private long _seen = -1;
    private long _generation;

    public override ValueTask<long?> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current());

    private long? Current()
    {
        lock (_lock)
        {
            try
            {
                if (_command is null)
                {
                    _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                    _connection.Open();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version";
                    _command.Prepare();
                }

                var version = (long)_command.ExecuteScalar()!;
                if (version != _seen)
                {
                    _seen = version;
                    _generation++;
                }

                return _generation;
            }
            catch (SqliteException)
            {
                // The database is not there yet (before its first migration) or cannot be read: keep nothing.
                Close();
                return null;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Close();
        }
    }

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
        _seen = -1;
        _generation++;
    }
}

/// <summary>Values read under a <see cref="DataGeneration"/> number, good while the number stays; at most <paramref name="capacity"/> of them.</summary>
public sealed class GenerationCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Generation, TValue Value)> _entries = new();

    /// <summary>Reads under way, so that requests missing the same value at once wait for one read rather than each making it.</summary>
    private readonly ConcurrentDictionary<(TKey Key, long Generation), Task<TValue>> _reading = new();

    /// <summary>
    /// The value kept for <paramref name="key"/> under <paramref name="generation"/>, or else read by
    /// <paramref name="read"/> and kept. When many requests miss the same value at once (as every request does
    /// right after a commit), one reads it and the others wait for that read; if that request goes away or
    /// its read fails, each waiting request reads for itself.
    /// </summary>
    public async ValueTask<TValue> GetOrReadAsync(TKey key, long? generation, Func<CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (generation is not { } current)
        {
            return await read(cancellationToken);
        }

        if (TryGet(key, current, out var kept))
        {
            return kept;
        }

        var mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _reading.GetOrAdd((key, current), mine.Task);
        if (shared != mine.Task)
        {
            try
            {
                return await shared.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await read(cancellationToken);
            }
        }

        try
        {
            var value = await read(cancellationToken);
            Put(key, current, value);
            mine.SetResult(value);
            return value;
        }
        catch
        {
            // Waiting requests read for themselves rather than share this one's failure.
            mine.TrySetCanceled(CancellationToken.None);
            throw;
        }
        finally
        {
            _reading.TryRemove(KeyValuePair.Create((key, current), mine.Task));
        }
    }

    /// <summary>The value kept for <paramref name="key"/> under <paramref name="generation"/>.</summary>
    public bool TryGet(TKey key, long? generation, out TValue value)
    {
        if (generation is { } current && _entries.TryGetValue(key, out var entry) && entry.Generation == current)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, read under <paramref name="generation"/> (nothing when there is no number).</summary>
    public void Put(TKey key, long? generation, TValue value)
    {
        if (generation is not { } current)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            // Entries of an older number are dead anyway; a full cache of live ones starts again.
            _entries.Clear();
        }

        _entries[key] = (current, value);
    }
}
