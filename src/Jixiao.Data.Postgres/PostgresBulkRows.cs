using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Data.Postgres;

/// <summary>
/// PostgreSQL's bulk path: binary <c>COPY … FROM STDIN</c> (Npgsql's importer) in the caller's transaction,
/// with ids drawn from the table's identity sequence in one query (so the column keeps handing out ids past them).
/// </summary>
public sealed class PostgresBulkRows : BulkRows
{
    public override async Task<long[]> ReserveIdsAsync(DbContext db, BulkTable table, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (connection, transaction) = Connection(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{Quote(table.Name)}', '{table.Columns[0].Name}')) FROM generate_series(1, {count})";
        var ids = new long[count];
        var n = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[n++] = reader.GetInt64(0);
        }

        return ids;
    }

    public override async Task WriteAsync<T>(DbContext db, BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var (connection, _) = Connection(db);
        var npgsql = (NpgsqlConnection)connection;
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await npgsql.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.ValueOf(row) is { } value)
                {
                    await importer.WriteAsync(value, column.Mapping.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
