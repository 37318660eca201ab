using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.Workflow;

/// <summary>The body of a 退回: comments on the table, its projects or indicators.</summary>
public sealed record ReturnRequest(IReadOnlyList<CommentInput>? Comments, string? Comment);

/// <summary>An optional comment with a 批复, or the comment of a report's 退回.</summary>
public sealed record CommentRequest(string? Comment);

/// <summary>A document's state after a step.</summary>
public sealed record StateDto(string State, string StateName);

/// <summary>An approved version, or the one being worked on (no approval yet).</summary>
public sealed record VersionDto(int Number, DateTimeOffset? ApprovedAt, string? ApprovedBy, bool Current);

/// <summary>A stored comment, with the unit's answer and whether it is done.</summary>
public sealed record CommentDto(int Id, int? ProjectId, int? IndicatorSeq, string Subject, int Version, string Text, string Author, DateTimeOffset At)
{
    public string? Answer { get; init; }

    public string? AnsweredBy { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public bool Resolved { get; init; }
}

/// <summary>A batch decision: the tables and the comment (the 批复意见, or the reason of a return).</summary>
public sealed record BatchRequest(IReadOnlyList<int>? Ids, string? Comment);

/// <summary>One table of a batch decision: its state after it, or why it was not decided.</summary>
public sealed record BatchItemDto(int Id, bool Done, string? State, string? StateName, string? Message);

/// <summary>The unit's answer to a comment: text (optional when marking it done) and whether it is done.</summary>
public sealed record AnswerRequest(string? Answer, bool Done);

/// <summary>One line of a project's or document's history.</summary>
public sealed record HistoryDto(long Id, DateTimeOffset At, string Action, string User, string Address, string Summary, string? Before, string? After);

/// <summary>The workflow API: 送审, 退回, 批复, 调整 of a table and of reports; versions, differences, comments, history.</summary>
internal static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder routes)
    {
        var documents = routes.MapGroup("/api/documents/{id:int}").WithTags("Workflow");
        documents.MapPost("/submit", (int id, DocumentWorkflow flow, CancellationToken ct) => Answer(flow.SubmitAsync(id, ct)))
            .RequireAccess(Access.Submit).WithSummary("送审（草稿或已退回的表）");
        documents.MapPost("/return", (int id, ReturnRequest body, DocumentWorkflow flow, CancellationToken ct) =>
                Answer(flow.ReturnAsync(id, [.. body.Comments ?? [], .. string.IsNullOrWhiteSpace(body.Comment) ? Array.Empty<CommentInput>() : [new CommentInput(null, null, body.Comment)]], ct)))
            .RequireAccess(Access.Review).WithSummary("退回（须有意见：对整张表、项目或指标）");
        documents.MapPost("/approve", (int id, CommentRequest? body, DocumentWorkflow flow, CancellationToken ct) => Answer(flow.ApproveAsync(id, body?.Comment, ct)))
            .RequireAccess(Access.Review).WithSummary("批复；保存该版本的目标");
        documents.MapPost("/withdraw", (int id, DocumentWorkflow flow, CancellationToken ct) => Answer(flow.WithdrawAsync(id, ct)))
            .RequireAccess(Access.Submit).WithSummary("撤回已送审、尚未审核的表（回到草稿）");
        documents.MapPost("/adjust", (int id, DocumentWorkflow flow, CancellationToken ct) => Answer(flow.AdjustAsync(id, ct)))
            .RequireAccess(Access.Adjust).WithSummary("调整已批复的表：生成新版本（草稿），须重新送审批复");
        var batch = routes.MapGroup("/api/documents").WithTags("Workflow");
        batch.MapPost("/approve", (BatchRequest body, DocumentWorkflow flow, CancellationToken ct) => Batch(flow.BatchAsync(body.Ids ?? [], WorkAction.Approve, body.Comment, ct)))
            .RequireAccess(Access.Review).WithSummary("批量批复：每张表各自检查、各自记录；答复中逐表说明结果");
        batch.MapPost("/return", (BatchRequest body, DocumentWorkflow flow, CancellationToken ct) => Batch(flow.BatchAsync(body.Ids ?? [], WorkAction.Return, body.Comment, ct)))
            .RequireAccess(Access.Review).WithSummary("批量退回（须有意见）：每张表各自检查、各自记录");
        documents.MapGet("/opinion", Opinion).RequireAccess(Access.Read).WithSummary("审核意见书（xlsx）：审核结论、意见、审核发现及依据和修改建议、审核人、日期");
        documents.MapGet("/versions", Versions).RequireAccess(Access.Read).WithSummary("各版本：已批复的和正在修改的");
        documents.MapGet("/diff", Diff).RequireAccess(Access.Read).WithSummary("两个版本之间目标的差异（from、to 为版本号）");
        documents.MapPost("/comments/{commentId:int}/answer", (int id, int commentId, AnswerRequest body, DocumentWorkflow flow, CancellationToken ct) =>
                Answer(flow.AnswerAsync(id, commentId, body.Answer, body.Done, ct)))
            .RequireAccess(Access.Edit).WithSummary("答复一条审核意见或标记为已处理（表为草稿或已退回时）");
        documents.MapGet("/comments", Comments).RequireAccess(Access.Read).WithSummary("审核意见");
        documents.MapGet("/history", DocumentHistory).RequireAccess(Access.Read).WithSummary("表的变更记录：谁、何时、做了什么、之前→之后、来自哪个地址");

        routes.MapGet("/api/projects/{id:int}/history", ProjectHistory).WithTags("Workflow").RequireAccess(Access.Read)
            .WithSummary("项目的变更记录（含所在表的送审、退回、批复、调整）");

        foreach (var (prefix, monthly) in new[] { ("/api/projects/{id:int}/self-evaluation", false), ("/api/projects/{id:int}/monitoring/{month:int}", true) })
        {
            var group = routes.MapGroup(prefix).WithTags(monthly ? "Monitoring" : "SelfEvaluation");
            var name = monthly ? "绩效运行监控" : "绩效自评";
            group.MapPost("/submit", (HttpContext http, int id, ReportWorkflow flow, CancellationToken ct) =>
                    Answer(flow.StepAsync(id, Month(http), WorkAction.Submit, null, ct)))
                .RequireAccess(Access.Submit).WithSummary($"{name}送审");
            group.MapPost("/return", (HttpContext http, int id, CommentRequest body, ReportWorkflow flow, CancellationToken ct) =>
                    Answer(flow.StepAsync(id, Month(http), WorkAction.Return, body.Comment, ct)))
                .RequireAccess(Access.Review).WithSummary($"{name}退回（须有意见）");
            group.MapPost("/approve", (HttpContext http, int id, CommentRequest? body, ReportWorkflow flow, CancellationToken ct) =>
                    Answer(flow.StepAsync(id, Month(http), WorkAction.Approve, body?.Comment, ct)))
                .RequireAccess(Access.Review).WithSummary($"{name}批复");
        }

        return routes;
    }

    private static int? Month(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("month", out var value) && int.TryParse(value?.ToString(), out var month) ? month : null;

    private static async Task<IResult> Opinion(int id, DocumentWorkflow flow, Shared.LocalTime local, CancellationToken cancellationToken)
    {
        if (await flow.OpinionAsync(id, cancellationToken) is not { } o)
        {
            return NotFound(id);
        }

        var paper = new Jixiao.Export.Review.OpinionPaper(o.Unit, o.Title, o.Year, o.Version, o.Decision, Shared.Display.Score(o.Score), o.Reviewer,
            o.DecidedAt is { } at ? local.Date(at) : "",
            [.. o.Opinions.Select(x => new Jixiao.Export.Review.OpinionLine(x.Where, x.Text, x.Author, local.Date(x.At)))],
            [.. o.Findings.Select(f => new Jixiao.Export.Review.OpinionFindingLine(f.Where, f.Severity, f.Rule, f.Message, f.Basis, f.Suggestion))])
        {
            Stages = [.. o.Stages.Select(s => new Jixiao.Export.Review.OpinionLine(s.Stage, s.Decision, s.Reviewer, local.Date(s.At)))],
        };
        using var stream = new MemoryStream();
        Jixiao.Export.Review.OpinionXlsx.Write(stream, paper);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"审核意见书-{o.Unit}-第{o.Version}版.xlsx");
    }

    /// <summary>A batch's outcome: each table's result.</summary>
    private static async Task<IResult> Batch(Task<Outcome<IReadOnlyList<(int Id, Outcome<WorkState> Outcome)>>> deciding) =>
        (await deciding).ToHttp(results => TypedResults.Ok(results.Select(r => new BatchItemDto(r.Id, r.Outcome.IsDone,
            r.Outcome.IsDone ? r.Outcome.Value.JsonName() : null, r.Outcome.IsDone ? r.Outcome.Value.Chinese() : null, r.Outcome.IsDone ? null : r.Outcome.Message)).ToList()));

    /// <summary>An answer's outcome as the API answers it: the comment as it now stands.</summary>
    private static async Task<IResult> Answer(Task<Outcome<int>> answering) =>
        (await answering).ToHttp(commentId => TypedResults.Ok(new { id = commentId }));

    /// <summary>A step's outcome as the API answers it: the state after it.</summary>
    internal static async Task<IResult> Answer(Task<Outcome<WorkState>> step) =>
        (await step).ToHttp(state => TypedResults.Ok(new StateDto(state.JsonName(), state.Chinese())));

    private static async Task<Results<Ok<List<VersionDto>>, ProblemHttpResult>> Versions(int id, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.VersionNumber, d.Status }).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound(id);
        }

        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Number)
            .Select(v => new VersionDto(v.Number, v.ApprovedAt, v.ApprovedBy, false)).ToListAsync(cancellationToken);
        if (document.Status != WorkState.Approved)
        {
            versions.Add(new VersionDto(document.VersionNumber, null, null, true));
        }
        else
        {
            versions[^1] = versions[^1] with { Current = true };
        }

        return TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<IReadOnlyList<TargetChange>>, ProblemHttpResult>> Diff(int id, int from, int to, DocumentWorkflow flow, CancellationToken cancellationToken)
    {
        return await flow.DiffAsync(id, from, to, cancellationToken) is { } changes
            ? TypedResults.Ok(changes)
            : DocumentsApi.Problem(StatusCodes.Status404NotFound, "找不到该版本", $"第 {id} 号表没有第 {from} 版或第 {to} 版。");
    }

    private static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> Comments(int id, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await db.Comments.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Id)
            .Select(c => new CommentDto(c.Id, c.ProjectId, c.IndicatorSeq, c.Subject, c.Version, c.Text, c.AuthorName, c.At)
            {
                Answer = c.Answer, AnsweredBy = c.AnsweredBy, AnsweredAt = c.AnsweredAt, Resolved = c.Resolved,
            }).ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult>> DocumentHistory(int id, WorkflowHistory history, CancellationToken cancellationToken) =>
        await history.OfDocumentAsync(id, stepsOnly: false, cancellationToken) is { } lines ? TypedResults.Ok(lines) : NotFound(id);

    private static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult>> ProjectHistory(int id, WorkflowHistory history, CancellationToken cancellationToken) =>
        await history.OfProjectAsync(id, cancellationToken) is { } project
            ? TypedResults.Ok(project.Lines.ToList())
            : DocumentsApi.Problem(StatusCodes.Status404NotFound, "找不到该项目", $"没有第 {id} 号项目，可能已被删除。");

    private static ProblemHttpResult NotFound(int id) =>
        DocumentsApi.Problem(StatusCodes.Status404NotFound, "找不到该表", $"没有第 {id} 号绩效目标表，可能已被删除。");
}
