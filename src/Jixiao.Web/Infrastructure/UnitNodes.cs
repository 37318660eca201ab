namespace Jixiao.Web.Infrastructure;

/// <summary>
/// The nodes of the whole unit tree (region → department → unit), read in one query, for walking up from a unit (its
/// region's rules, its department) or down from a node (a region's units). Whether a user may see a node is
/// not its concern: the queries that use it keep their own unit filter.
/// </summary>
public sealed class UnitNodes
{
    /// <summary>How far a walk goes; the tree has three levels, so this only stops a cycle in bad data.</summary>
    private const int MaxDepth = 16;

    private readonly Dictionary<int, (string Name, string Kind, int? ParentId)> _nodes;

    private UnitNodes(Dictionary<int, (string Name, string Kind, int? ParentId)> nodes) => _nodes = nodes;

    public static async Task<UnitNodes> LoadAsync(JixiaoDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var nodes = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId }).ToDictionaryAsync(u => u.Id, u => (u.Name, u.Kind, u.ParentId), cancellationToken);
        return new UnitNodes(nodes);
    }

    /// <summary>The node's name; null for an id the tree does not have.</summary>
    public string? NameOf(int id) => _nodes.TryGetValue(id, out var node) ? node.Name : null;

    /// <summary>The node and the nodes above it, nearest first.</summary>
    public IEnumerable<(int Id, string Name, string Kind)> SelfAndAncestors(int id)
    {
        int? next = id;
        for (var depth = 0; next is { } current && depth < MaxDepth && _nodes.TryGetValue(current, out var node); depth++)
        {
            yield return (current, node.Name, node.Kind);
            next = node.ParentId;
        }
    }

    /// <summary>The nodes named (or numbered) <paramref name="node"/>, with everything under them; null when no node is so named.</summary>
    public HashSet<int>? Subtree(string node)
    {
        var roots = int.TryParse(node, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? _nodes.ContainsKey(id) ? [id] : []
            : _nodes.Where(n => n.Value.Name == node).Select(n => n.Key).ToList();
        if (roots.Count == 0)
        {
            return null;
        }

        return UnitTree.Subtrees(roots, _nodes.Select(n => (n.Key, n.Value.ParentId)));
    }
}
