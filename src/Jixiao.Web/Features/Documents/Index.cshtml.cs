using System.Globalization;

namespace Jixiao.Web.Features.Documents;

/// <summary>The stored tables, filtered by state, year, unit (with what is under it), errors and quality score; sortable and paged.</summary>
[Access(Access.Read)]
public sealed class IndexModel(DocumentQueries documents, DocumentWorkflow flow, CurrentUser user) : PageModel
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

    /// <summary>True when the user may decide submitted tables here (批量批复 / 退回).</summary>
    public bool MayDecide => user.AwaitingDecision.Count > 0;

    /// <summary>True when the user may decide a table in <paramref name="state"/> (its JSON name).</summary>
    public bool MayDecideOn(string state) => WorkflowTable.ParseState(state) is { } parsed && user.May(WorkAction.Approve, parsed);

    /// <summary>What the user's approval is called: 批复, or 审核通过 at the first of two stages.</summary>
    public string ApproveName => user.AwaitingDecision.Count > 0 ? user.ActionName(WorkAction.Approve, user.AwaitingDecision[0]) : WorkAction.Approve.Chinese();

    /// <summary>What the last batch decision did, table by table.</summary>
    [TempData]
    public string? BatchMessage { get; set; }

    /// <summary>
    /// 批量批复 or 退回 the tables ticked on the list (<paramref name="decision"/> <c>approve</c> or <c>return</c>),
    /// confirmed on the form, each table decided and recorded on its own.
    /// </summary>
    [Access(Access.Review)]
    public async Task<IActionResult> OnPostBatchAsync(List<int> ids, string? decision, string? comment, bool confirmed, CancellationToken cancellationToken)
    {
        var back = "/documents" + (Query.Length > 0 ? "?" + Query : "");
        if (!confirmed)
        {
            BatchMessage = "未处理：请勾选“确认”后再提交。";
            return Redirect(back);
        }

        var action = decision == "return" ? WorkAction.Return : WorkAction.Approve;
        var outcome = await flow.BatchAsync(ids, action, comment, cancellationToken);
        if (!outcome.IsDone)
        {
            BatchMessage = outcome.Message;
            return Redirect(back);
        }

        var results = outcome.Value!;
        var done = results.Count(r => r.Outcome.IsDone);
        var failed = results.Where(r => !r.Outcome.IsDone).Select(r => $"第 {r.Id} 号表：{r.Outcome.Message}").ToList();
        BatchMessage = $"已{action.Chinese()} {done} 张表。" + (failed.Count > 0 ? $"{failed.Count} 张未能{action.Chinese()}：" + string.Join("；", failed) : "");
        return Redirect(back);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var state = WorkflowTable.ParseState(Status) is { } parsed && parsed != WorkState.Deleted ? parsed : (WorkState?)null;
        var filter = new DocumentFilter(state, Year, Unit, Errors switch { "yes" => true, "no" => false, _ => null }, MinScore, MaxScore);
        var sort = Sorts.FirstOrDefault(s => s.Name == Sort) is { Name: not null } chosen ? chosen.Sort : DocumentSort.Newest;
        (Count, PageNumber, var items) = await documents.ListAsync(filter, sort, PageNumber, PageSize, cancellationToken);
        Documents = items;
    }
}
