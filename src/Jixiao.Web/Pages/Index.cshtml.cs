using Jixiao.Web.Security;
using Jixiao.Data;
using Jixiao.Domain.Amounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages;

/// <summary>The home page: what is stored, funds by source, findings by severity.</summary>
[Access(Access.Read)]
public sealed class IndexModel(JixiaoDbContext db) : PageModel
{
    public int Documents { get; private set; }

    public int Units { get; private set; }

    public int Projects { get; private set; }

    public int Indicators { get; private set; }

    /// <summary>Funds by source over all stored projects, in table order (总计 first).</summary>
    public IReadOnlyList<(string Source, Money Amount)> Funds { get; private set; } = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Infos { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Documents = await db.Documents.CountAsync(cancellationToken);
        Units = await db.Units.CountAsync(cancellationToken);
        Projects = await db.Projects.CountAsync(cancellationToken);
        Indicators = await db.Indicators.CountAsync(cancellationToken);

        // Sums over integer fen; SQLite sums 64-bit integers exactly.
        var total = await db.Projects.SumAsync(p => p.TotalFen ?? 0, cancellationToken);
        var fiscal = await db.Projects.SumAsync(p => p.FiscalFen ?? 0, cancellationToken);
        var special = await db.Projects.SumAsync(p => p.SpecialFen ?? 0, cancellationToken);
        var other = await db.Projects.SumAsync(p => p.OtherFen ?? 0, cancellationToken);
        Funds = [("总计", new Money(total)), ("财政拨款", new Money(fiscal)), ("财政专户拨款", new Money(special)), ("其他资金", new Money(other))];

        var bySeverity = await db.Findings.GroupBy(f => f.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Errors = bySeverity.FirstOrDefault(g => g.Key == "error")?.Count ?? 0;
        Warnings = bySeverity.FirstOrDefault(g => g.Key == "warning")?.Count ?? 0;
        Infos = bySeverity.FirstOrDefault(g => g.Key == "info")?.Count ?? 0;
    }
}
