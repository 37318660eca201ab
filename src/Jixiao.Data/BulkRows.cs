using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Data;

/// <summary>One table as the model maps it: its name and its columns, the key first, each with EF's own mapping of its values.</summary>
public sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>Its columns, the key first.</summary>
    public IReadOnlyList<BulkColumn> Columns { get; }

    private static readonly ConcurrentDictionary<(IModel, Type), BulkTable> Tables = new();

    /// <summary>The table of <typeparamref name="T"/> in <paramref name="db"/>'s model.</summary>
    public static BulkTable Of<T>(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Tables.GetOrAdd((db.Model, typeof(T)), key =>
        {
            var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .OrderBy(p => p.IsPrimaryKey() ? 0 : 1)
                .Select(p => new BulkColumn(p.GetColumnName(table)!, p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
                .ToList();
            return new BulkTable(entity.GetTableName()!, columns);
        });
    }
}

/// <summary>A column: its name, the property it holds and EF's mapping of the property's values to the database's.</summary>
public sealed record BulkColumn(string Name, IProperty Property, RelationalTypeMapping Mapping)
{
    /// <summary>The value of this column for <paramref name="row"/>, as the database stores it (after EF's value converter).</summary>
    public object? ValueOf(object row)
    {
        var value = Property.GetGetter().GetClrValueUsingContainingEntity(row);
        return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

/// <summary>
/// The fast path of a large write: rows written by the database's own bulk means (prepared inserts,
/// <c>COPY</c>) inside the caller's transaction, with ids handed out in one step beforehand. Each provider
/// registers its writer; <see cref="For"/> finds the one of a context.
/// </summary>
public abstract class BulkRows
{
    private static readonly ConcurrentDictionary<string, BulkRows> Writers = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="writer"/> the bulk writer of the provider named <paramref name="providerName"/>.</summary>
    public static void Register(string providerName, BulkRows writer) => Writers[providerName] = writer;

    /// <summary>The bulk writer of <paramref name="db"/>'s provider; null when it has none (the caller writes through EF).</summary>
    public static BulkRows? For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName is { } name && Writers.TryGetValue(name, out var writer) ? writer : null;
    }

    /// <summary><paramref name="count"/> new ids for rows of <paramref name="table"/>, none of which another writer can take, in one round trip.</summary>
    public abstract Task<long[]> ReserveIdsAsync(DbContext db, BulkTable table, int count, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="rows"/> (ids set) into <paramref name="table"/>, in the context's current transaction.</summary>
    public abstract Task WriteAsync<T>(DbContext db, BulkTable table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>The open connection and current transaction of <paramref name="db"/>.</summary>
    protected static (DbConnection Connection, DbTransaction? Transaction) Connection(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
    }

    /// <summary>A name quoted for SQL (both providers quote with double quotes).</summary>
    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
