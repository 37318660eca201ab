namespace Jixiao.Web.Features.Documents;

/// <summary>
/// What the table page shows (the table, its page of projects, findings, comments, history and versions),
/// per user, table and listing, kept while nothing has been committed to the database since it was read
/// (<see cref="Infrastructure.DataGeneration"/>): a table is looked at far more often than it changes. The
/// user is part of the key because what a user may see and do is read with the data.
/// </summary>
public sealed class KeptDocumentViews(Infrastructure.DataGeneration generation)
{
    /// <summary>The most views kept; past it the cache starts again.</summary>
    public const int Capacity = 256;

    private readonly Infrastructure.GenerationCache<(string User, int Id, string? Q, string Sort, int Page), DocumentView?> _views = new(Capacity);

    /// <summary>The table's view for this request: kept, or read by <paramref name="documents"/>; null when there is no such table the user may see.</summary>
    public async Task<DocumentView?> ViewAsync(HttpContext context, string? userId, DocumentQueries documents, int id, ProjectListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(listing);
        var current = await generation.ForRequestAsync(context);
        return await _views.GetOrReadAsync((userId ?? "", id, listing.Q, listing.Sort, listing.Page), current,
            cancel => documents.ViewAsync(id, listing, cancel), cancellationToken);
    }
}
