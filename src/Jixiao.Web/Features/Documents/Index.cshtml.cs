using System.Globalization;

namespace Jixiao.Web.Features.Documents;

/// <summary>The stored tables, filtered by state, year, unit (with what is under it), errors and quality score; sortable and paged.</summary>
[Access(Access.Read)]
public sealed class IndexModel(DocumentQueries documents, CurrentUser user) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<DocumentSummaryDto> Documents { get; private set; } = [];

    public CurrentUser Viewer => user;

    /// <summary><c>draft</c>, <c>submitted</c>, <c>returned</c>, <c>approved</c> or blank for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A unit, department or region (its name), or part of a unit's name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    /// <summary><c>yes</c>: only tables with errors; <c>no</c>: only those without.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Errors { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MinScore { get; set; }

    [BindProperty(SupportsGet = true)]
    public decimal? MaxScore { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "newest";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    /// <summary>The query string of the current filter and sort, without the page.</summary>
    public string Query => string.Join("&", new[]
    {
        ("status", Status), ("year", Year?.ToString(CultureInfo.InvariantCulture)), ("unit", Unit), ("errors", Errors),
        ("minScore", MinScore?.ToString(CultureInfo.InvariantCulture)), ("maxScore", MaxScore?.ToString(CultureInfo.InvariantCulture)), ("sort", Sort),
    }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    /// <summary>The sorts offered, by their names in the address, with their Chinese labels.</summary>
    public static IReadOnlyList<(string Name, DocumentSort Sort, string Label)> Sorts { get; } =
    [
        ("newest", DocumentSort.Newest, "最新导入"), ("unit", DocumentSort.Unit, "单位"), ("year", DocumentSort.Year, "年度"),
        ("state", DocumentSort.State, "状态"), ("score", DocumentSort.Score, "质量分从低到高"), ("errors", DocumentSort.Errors, "错误从多到少"),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var state = WorkflowTable.ParseState(Status) is { } parsed && parsed != WorkState.Deleted ? parsed : (WorkState?)null;
        var filter = new DocumentFilter(state, Year, Unit, Errors switch { "yes" => true, "no" => false, _ => null }, MinScore, MaxScore);
        var sort = Sorts.FirstOrDefault(s => s.Name == Sort) is { Name: not null } chosen ? chosen.Sort : DocumentSort.Newest;
        (Count, PageNumber, var items) = await documents.ListAsync(filter, sort, PageNumber, PageSize, cancellationToken);
        Documents = items;
    }
}
