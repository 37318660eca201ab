using Jixiao.Domain.Indicators;

namespace Jixiao.Web.Features.Projects;

/// <summary>One project: funding, goal, the indicator table with parsed targets, each finding beside what it concerns.</summary>
[Access(Access.Read)]
public sealed class DetailsModel(ProjectQueries projects) : PageModel
{
    private ProjectView _view = null!;

    public ProjectRecord Project => _view.Project;

    public DocumentRecord Document => _view.Document;

    public IReadOnlyList<IndicatorRecord> Indicators { get; private set; } = [];

    /// <summary>Review comments on this project and its indicators.</summary>
    public IReadOnlyList<CommentRecord> Comments => _view.Comments;

    /// <summary>True when the signed-in user may edit the project now.</summary>
    public bool CanEdit => _view.CanEdit;

    /// <summary>Findings about the project as a whole.</summary>
    public IReadOnlyList<FindingRecord> ProjectFindings { get; private set; } = [];

    /// <summary>Findings about one indicator, by its sequence number.</summary>
    public ILookup<int, FindingRecord> IndicatorFindings { get; private set; } = Array.Empty<FindingRecord>().ToLookup(f => 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await projects.ViewAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        _view = view;
        (Indicators, ProjectFindings, IndicatorFindings) = (view.Indicators, view.ProjectFindings, view.IndicatorFindings);
        return Page();
    }

    /// <summary>产出, 效益… for a stored level 1.</summary>
    public static string Level1(string level) => DocumentMapping.TryLevel1(level, out var value) ? value.Chinese() : level;

    /// <summary>数量, 质量… for a stored level 2, blank for none.</summary>
    public static string Level2(string? level) => level is null ? "" : DocumentMapping.TryLevel2(level, out var value) ? value.Chinese() : level;

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
