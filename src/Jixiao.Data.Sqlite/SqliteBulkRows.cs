using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Sqlite;

/// <summary>
/// SQLite's bulk path: one prepared <c>INSERT</c> per table, its parameters rebound for each row, in the
/// caller's transaction. Ids follow the table's largest: the transaction has already written (the
/// document's header), so it holds SQLite's write lock and no other writer can take them meanwhile.
/// </summary>
public sealed class SqliteBulkRows : BulkRows
{
    public override async Task<long[]> ReserveIdsAsync(DbContext db, BulkTable table, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (connection, transaction) = Connection(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var key = Quote(table.Columns[0].Name);
        var name = Quote(table.Name);

        // With AUTOINCREMENT an id once used is never given again, even after its row is deleted: start past both.
        command.CommandText = $"SELECT MAX(COALESCE((SELECT MAX({key}) FROM {name}), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0))";
        var first = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = first + i;
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

        var (connection, transaction) = Connection(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((column, i) => column.Mapping.CreateParameter(command, "$p" + i, null, column.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].ValueOf(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
