using Jixiao.Web.Security;
using Jixiao.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>The monitoring overview: each project's latest report, red first, then yellow, then green.</summary>
[Access(Access.Read)]
public sealed class IndexModel(JixiaoDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reports = await db.MonitoringReports.AsNoTracking()
            .Select(r => new { r.Id, r.ProjectId, r.Month, r.Light, r.ExecutionRate, Name = r.Project!.Name, Unit = r.Project.Document!.Unit!.Name })
            .ToListAsync(cancellationToken);
        Rows = [.. reports.GroupBy(r => r.ProjectId).Select(g => g.OrderByDescending(r => r.Month).First())
            .Select(r => new Row(r.ProjectId, r.Unit, r.Name, r.Month, r.Light, r.ExecutionRate))
            .OrderBy(r => r.Light switch { "red" => 0, "yellow" => 1, _ => 2 }).ThenBy(r => r.ExecutionRate ?? 0m).ThenBy(r => r.ProjectId)];
    }

    /// <summary>One project's latest report.</summary>
    public sealed record Row(int ProjectId, string Unit, string Name, int Month, string Light, decimal? ExecutionRate);

    public static string Light(string light) => light switch
    {
        "red" => "红灯",
        "yellow" => "黄灯",
        _ => "绿灯",
    };
}
