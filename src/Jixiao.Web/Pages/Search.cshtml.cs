using Jixiao.Web.Security;
using Jixiao.Data;
using Jixiao.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages;

/// <summary>Search across every stored project and indicator, with the API's filters, paged.</summary>
[Access(Access.Read)]
public sealed class SearchModel(JixiaoDbContext db) : PageModel
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

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The query string of the current search, without the page.</summary>
    public string Query => string.Join("&", new[]
    {
        ("q", Q), ("unit", Unit), ("level1", Level1), ("severity", Severity),
        ("minTotal", MinTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("maxTotal", MaxTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var level1 = Level1 is "output" or "benefit" or "satisfaction" or "cost" ? Level1 : null;
        var severity = Severity is "error" or "warning" or "info" ? Severity : null;
        var query = ProjectsApi.Filter(db, Q, Unit, level1, severity, MinTotal, MaxTotal);
        Matching = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(p => p.DocumentId).ThenBy(p => p.Position)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.DocumentId, p.Document!.Unit!.Name, p.Document.Year, p.Document.AmountUnit, p.Name, p.TotalFen,
                p.Indicators.Count, p.Score, p.FindingCount))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One project found.</summary>
    public sealed record Row(int Id, int DocumentId, string UnitName, int? Year, string AmountUnit, string Name, long? TotalFen, int Indicators, decimal Score, int Findings);
}
