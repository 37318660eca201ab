namespace Jixiao.Web.Features.Documents;

/// <summary>One table: its summary, the unit's findings and its projects, sortable, filterable and paged.</summary>
[Access(Access.Read)]
[Infrastructure.KeepRendering]
public sealed class DetailsModel(DocumentQueries documents, DocumentWorkflow flow, CurrentUser user) : PageModel
{
    public const int PageSize = 50;

    private DocumentView _view = null!;

    public DocumentRecord Document => _view.Document;

    public IReadOnlyList<FindingRecord> UnitFindings => _view.UnitFindings;

    public IReadOnlyList<ProjectRow> Projects => _view.Projects;

    public int Matching => _view.Matching;

    /// <summary>Self-evaluation scores of the document's projects (those evaluated so far), with their grades.</summary>
    public IReadOnlyList<(decimal Score, string Grade)> Evaluations => _view.Evaluations;

    /// <summary>Review comments on this table (all versions), oldest first.</summary>
    public IReadOnlyList<CommentRecord> Comments => _view.Comments;

    /// <summary>The table's workflow steps and other changes, oldest first.</summary>
    public IReadOnlyList<HistoryDto> History => _view.History;

    /// <summary>The edits since the table was last returned, for the reviewer to see what changed.</summary>
    public IReadOnlyList<HistoryDto> ChangesSinceReturn => _view.ChangesSinceReturn;

    /// <summary>Approved versions (number, approver) for the difference links.</summary>
    public IReadOnlyList<DocumentVersionRecord> Versions => _view.Versions;

    /// <summary>Names of the projects, for choosing the project a comment is about.</summary>
    public IReadOnlyList<(int Id, string Name)> ProjectNames => _view.ProjectNames;

    public CurrentUser Viewer => user;

    [TempData]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "position";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await documents.ViewAsync(id, new ProjectListing(Q, Sort, PageNumber, PageSize), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        _view = view;
        PageNumber = view.Page;
        return Page();
    }

    /// <summary>送审; with review errors open the form must say the user knows of them.</summary>
    [Access(Access.Submit)]
    public async Task<IActionResult> OnPostSubmitAsync(int id, bool acknowledged, int errors, CancellationToken cancellationToken)
    {
        if (errors > 0 && !acknowledged)
        {
            Message = $"该表还有 {errors} 个审核错误，未送审。如确需送审，请勾选“已知悉仍有审核错误”后再送审。";
            return Redirect($"/documents/{id}");
        }

        return Step(id, await flow.SubmitAsync(id, cancellationToken), "已送审。");
    }

    /// <summary>批复, confirmed on the form, with the 批复意见 kept as the decision's comment.</summary>
    [Access(Access.Review)]
    public async Task<IActionResult> OnPostApproveAsync(int id, string? comment, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            Message = "未提交：请勾选确认后再提交。";
            return Redirect($"/documents/{id}");
        }

        var outcome = await flow.ApproveAsync(id, comment, cancellationToken);
        return Step(id, outcome, outcome is { IsDone: true, Value: WorkState.Endorsed } ? "已审核通过，报财政批复。" : "已批复。");
    }

    /// <summary>The most comments one return takes from the page (the API takes any number).</summary>
    public const int ReturnRows = 5;

    /// <summary>退回 with up to <see cref="ReturnRows"/> comments, each on the table, a project or one of its indicators; rows left blank are ignored.</summary>
    [Access(Access.Review)]
    public async Task<IActionResult> OnPostReturnAsync(int id, string[]? comment, string[]? projectId, string[]? indicatorSeq, CancellationToken cancellationToken)
    {
        static int? Number(string[]? values, int i) =>
            values is not null && i < values.Length && int.TryParse(values[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var comments = (comment ?? []).Take(ReturnRows)
            .Select((text, i) => (Text: text ?? "", Project: Number(projectId, i), Seq: Number(indicatorSeq, i)))
            .Select(row => new CommentInput(row.Project, row.Project is null ? null : row.Seq, row.Text)).ToList();
        return Step(id, await flow.ReturnAsync(id, comments, cancellationToken), comments.Count(c => !string.IsNullOrWhiteSpace(c.Text)) is var n and > 1 ? $"已退回，意见 {n} 条。" : "已退回。");
    }

    [Access(Access.Submit)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        Step(id, await flow.WithdrawAsync(id, cancellationToken), "已撤回：该表回到草稿，可以修改后重新送审。");

    /// <summary>删除 a table never approved, confirmed on the form; audited by the workflow.</summary>
    [Access(Access.Delete)]
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            Message = "未删除：请勾选“确认删除”后再提交。";
            return Redirect($"/documents/{id}");
        }

        return (await flow.DeleteAsync(id, cancellationToken)).ToPage(this, _ =>
        {
            TempData["DeletedMessage"] = $"已删除第 {id} 号表。";
            return Redirect("/documents");
        }, failed =>
        {
            Message = failed.Message;
            return Redirect($"/documents/{id}");
        });
    }

    /// <summary>The unit's answer to a comment, or marking it done.</summary>
    [Access(Access.Edit)]
    public async Task<IActionResult> OnPostAnswerAsync(int id, int commentId, string? answer, bool done, CancellationToken cancellationToken) =>
        (await flow.AnswerAsync(id, commentId, answer, done, cancellationToken)).ToPage(this, _ =>
        {
            Message = done ? "已保存答复，并标记为已处理。" : "已保存答复。";
            return Redirect($"/documents/{id}#comment-{commentId}");
        }, failed =>
        {
            Message = failed.Message;
            return Redirect($"/documents/{id}");
        });

    [Access(Access.Adjust)]
    public async Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken cancellationToken) =>
        Step(id, await flow.AdjustAsync(id, cancellationToken), "已开始调整：生成了新版本（草稿），修改后请重新送审。");

    private IActionResult Step(int id, Outcome<WorkState> outcome, string done) =>
        outcome.ToPage(this, _ =>
        {
            Message = done;
            return Redirect($"/documents/{id}");
        }, failed =>
        {
            Message = failed.Message;
            return Redirect($"/documents/{id}");
        });
}
