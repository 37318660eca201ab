using Jixiao.Data;
using Jixiao.Data.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Projects;

/// <summary>One project: funding, goal, the indicator table with parsed targets, each finding beside what it concerns.</summary>
public sealed class DetailsModel(JixiaoDbContext db) : PageModel
{
    public ProjectRecord Project { get; private set; } = null!;

    public DocumentRecord Document { get; private set; } = null!;

    public IReadOnlyList<IndicatorRecord> Indicators { get; private set; } = [];

    /// <summary>Findings about the project as a whole.</summary>
    public IReadOnlyList<FindingRecord> ProjectFindings { get; private set; } = [];

    /// <summary>Findings about one indicator, by its sequence number.</summary>
    public ILookup<int, FindingRecord> IndicatorFindings { get; private set; } = Array.Empty<FindingRecord>().ToLookup(f => 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Document).ThenInclude(d => d!.Unit)
            .Include(p => p.Indicators).ThenInclude(i => i.Clauses)
            .Include(p => p.Findings)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        Document = project.Document!;
        Indicators = [.. project.Indicators.OrderBy(i => i.Position)];
        var findings = project.Findings.OrderBy(f => f.Id).ToList();
        ProjectFindings = [.. findings.Where(f => f.IndicatorSeq is null)];
        IndicatorFindings = findings.Where(f => f.IndicatorSeq is not null).ToLookup(f => f.IndicatorSeq!.Value);
        return Page();
    }

    public static string Level1(string level) => level switch
    {
        "output" => "产出",
        "benefit" => "效益",
        "satisfaction" => "满意度",
        "cost" => "成本",
        _ => level,
    };

    public static string Level2(string? level) => level switch
    {
        null => "",
        "quantity" => "数量",
        "quality" => "质量",
        "timeliness" => "时效",
        "cost" => "成本",
        "economic" => "经济效益",
        "social" => "社会效益",
        "ecological" => "生态效益",
        "sustainability" => "可持续影响",
        "satisfaction" => "服务对象满意度",
        "economicCost" => "经济成本",
        "socialCost" => "社会成本",
        "ecoCost" => "生态环境成本",
        _ => level,
    };

    public static string Direction(string? direction) => direction switch
    {
        "higher" => "正向",
        "lower" => "反向",
        "equal" => "等于",
        _ => "",
    };

    public static string Comparator(string comparator) => comparator switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "~" => "≈",
        _ => comparator,
    };

    public static string Kind(string kind, string? form) => (kind, form) switch
    {
        ("missing", _) => "缺失",
        ("qualitative", "question") => "定性（问句）",
        ("qualitative", "definition") => "定性（指标定义）",
        ("qualitative", "relative") => "定性（模糊或引用其他文件）",
        ("qualitative", _) => "定性",
        _ => "定量",
    };
}
