namespace Jixiao.Web.Features.Search;

/// <summary>Search across every stored project and indicator, with the API's filters, paged.</summary>
[Access(Access.Read)]
public sealed class SearchModel(ProjectSearch search) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level1 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MinTotal { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MaxTotal { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Matching { get; private set; }

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public IReadOnlyList<ProjectHit> Rows { get; private set; } = [];

    /// <summary>The query string of the current search, without the page.</summary>
    public string Query => string.Join("&", new[]
    {
        ("q", Q), ("unit", Unit), ("level1", Level1), ("severity", Severity),
        ("minTotal", MinTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("maxTotal", MaxTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new ProjectFilter(Q, Unit, Level1, Severity, MinTotal, MaxTotal);
        (Matching, PageNumber, var rows) = await search.FindAsync(filter, PageNumber, PageSize, cancellationToken);
        Rows = rows;
    }
}
