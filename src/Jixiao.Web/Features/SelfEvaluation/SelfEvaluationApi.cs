using Jixiao.Export.Scoring;
using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.SelfEvaluation;

/// <summary>A stored self-evaluation: what was entered and the score (null before anything is entered).</summary>
public sealed record SelfEvaluationDto(int ProjectId, string? Executed, string? AdjustedBudget, IReadOnlyList<ActualInput> Actuals, ProjectScoreDto? Score)
{
    /// <summary>What an imported self-evaluation form declared, beside <see cref="Score"/>; null when the report was entered here.</summary>
    public DeclaredDto? Declared { get; init; }
}

/// <summary>The scores an imported self-evaluation form declared.</summary>
/// <param name="SourceDocumentId">The imported form's document.</param>
/// <param name="Score">总分 as declared.</param>
/// <param name="Grade">自评等级 as declared.</param>
/// <param name="ExecutionScore">The execution's 得分 as declared.</param>
/// <param name="Indicators">Each indicator's declared 分值 and 得分, by seq.</param>
public sealed record DeclaredDto(int SourceDocumentId, decimal? Score, string? Grade, decimal? ExecutionScore, IReadOnlyList<DeclaredIndicatorDto> Indicators);

/// <summary>An indicator's declared 分值 and 得分.</summary>
public sealed record DeclaredIndicatorDto(int Seq, decimal? Points, decimal? Score);

/// <summary>The self-evaluation API of a project: read, save (checked, one transaction), export the 自评表.</summary>
internal static class SelfEvaluationApi
{
    public static IEndpointRouteBuilder MapSelfEvaluationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects/{id:int}/self-evaluation").WithTags("SelfEvaluation");
        group.MapGet("/", Get).RequireAccess(Access.Read).WithSummary("项目的绩效自评：已填写的实绩和得分");
        group.MapPut("/", Put).DisableAntiforgery().RequireAccess(Access.Edit).WithSummary("保存项目的绩效自评（全年执行数、各指标实际完成值、偏差说明）并计分；有误时逐项说明，不保存");
        group.MapGet("/export", Export).RequireAccess(Access.Read).WithSummary("导出项目支出绩效自评表（xlsx）");
        return routes;
    }

    private static async Task<Results<Ok<SelfEvaluationDto>, ProblemHttpResult>> Get(int id, SelfEvaluationService service, CancellationToken cancellationToken) =>
        await service.LoadAsync(id, cancellationToken) is { } view ? TypedResults.Ok(SelfEvaluationService.ToDto(view)) : Projects.ProjectsApi.NotFound(id);

    private static async Task<IResult> Put(int id, [FromBody] SelfEvaluationInput input, SelfEvaluationService service, CancellationToken cancellationToken) =>
        (await service.SaveAsync(id, input, cancellationToken)).ToHttp(view => TypedResults.Ok(SelfEvaluationService.ToDto(view)));

    private static async Task<IResult> Export(int id, SelfEvaluationService service, CancellationToken cancellationToken)
    {
        if (await service.LoadAsync(id, cancellationToken) is not { Score: { } score, Actuals: { } actuals } view)
        {
            return DocumentsApi.Problem(StatusCodes.Status404NotFound, "没有自评", $"第 {id} 号项目还没有填写绩效自评，无法导出自评表。");
        }

        var stream = new MemoryStream();
        var document = view.Record.Document!;
        SelfEvaluationXlsx.Write(stream, document.Unit!.Name, document.Year, [new ScoredProject(view.Project, actuals, score)]);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"自评表-{view.Project.Name}.xlsx");
    }
}
