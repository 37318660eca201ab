namespace Jixiao.Data;

/// <summary>
/// Which units' rows a context may read. Every query on documents, projects, indicators, findings,
/// reports, comments, versions and audit lines is filtered by it, so a list, a count, a search or an
/// export cannot include another unit's rows. A context without a scope (command line, start-up) sees all.
/// </summary>
public interface IDataScope
{
    /// <summary>True when every unit is visible.</summary>
    bool AllUnits { get; }

    /// <summary>The visible nodes of the unit tree when <see cref="AllUnits"/> is false.</summary>
    IReadOnlyCollection<int> UnitIds { get; }
}
