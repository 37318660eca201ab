using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Data;

/// <summary>
/// A compiled query kept per model: EF binds a compiled query to the model it first runs against, and one
/// process may hold contexts of two providers (SQLite and PostgreSQL), each with its own model.
/// </summary>
/// <typeparam name="TQuery">The compiled query's delegate.</typeparam>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _queries = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _queries.GetOrAdd(db.Model, _ => compile());
    }
}
