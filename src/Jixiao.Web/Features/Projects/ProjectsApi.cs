using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Documents;
using Jixiao.Web.Features.Search;

namespace Jixiao.Web.Features.Projects;

/// <summary>The projects API: search, read, edit with optimistic concurrency; and the target grammar for live parsing.</summary>
internal static class ProjectsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/", Search).Produces<ProjectPageDto>().ProducesProblem(StatusCodes.Status400BadRequest).RequireAccess(Access.Read).WithSummary("按项目名称、目标、指标名称或指标值中的文字查找项目，可按单位、一级指标、审核级别、金额范围筛选，分页");
        group.MapGet("/{id:int}", Get).RequireAccess(Access.Read).WithSummary("一个项目：资金、目标、指标（含 id）、审核发现；ETag 为版本号");
        group.MapPut("/{id:int}", Put).DisableAntiforgery().RequireAccess(Access.Edit).WithSummary("修改项目（资金、目标、指标的增删改和排序）；须带 If-Match，版本已变时返回 412");
        routes.MapGet("/api/targets/parse", Parse).RequireAccess(Access.Read).WithTags("Targets").WithSummary("解析一个指标值，供编辑时即时显示");
        return routes;
    }

    private static async Task<IResult> Search(
        ProjectSearch search, KeptProjectPages kept, CurrentUser user, HttpRequest request, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken,
        [FromQuery] string? q = null, [FromQuery] string? unit = null, [FromQuery] string? level1 = null, [FromQuery] string? severity = null,
        [FromQuery] decimal? minTotal = null, [FromQuery] decimal? maxTotal = null, [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "分页参数错误", $"page 从 1 开始，pageSize 在 1 到 {MaxPageSize} 之间。");
        }

        if (level1 is not null && !ProjectSearch.Level1Names.Contains(level1))
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "一级指标参数错误", "level1 只能是 output、benefit、satisfaction 或 cost。");
        }

        if (severity is not null && !ProjectSearch.Severities.Contains(severity))
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "审核级别参数错误", "severity 只能是 error、warning 或 info。");
        }

        // The generation is read before the data, so that a commit in between is never kept under it.
        var generation = await kept.Generation.ForRequestAsync(request.HttpContext);
        var key = (user.Id ?? "", request.QueryString.Value ?? "");
        var answer = await kept.Answers.GetOrReadAsync(key, generation, async cancel =>
        {
            // A page past the last is answered empty, as it always was, rather than moved back to the last.
            var (total, _, hits) = await search.FindAsync(new ProjectFilter(q, unit, level1, severity, minTotal, maxTotal), page, pageSize, cancel);
            var items = (page - 1) * pageSize >= total && total > 0 ? [] : hits;
            return JsonSerializer.SerializeToUtf8Bytes(new ProjectPageDto(total, page, pageSize, [.. items.Select(p =>
            {
                var amountUnit = Enum.Parse<AmountUnit>(p.AmountUnit);
                return new ProjectListItemDto(p.Id, p.DocumentId, p.UnitName, p.Year, p.Name, ProjectQueries.Amount(p.TotalFen, amountUnit), ProjectQueries.Amount(p.FiscalFen, amountUnit),
                    ProjectQueries.Amount(p.SpecialFen, amountUnit), ProjectQueries.Amount(p.OtherFen, amountUnit), p.Indicators, p.Score, p.Findings);
            })]), json.Value.SerializerOptions);
        }, cancellationToken);

        return TypedResults.Bytes(answer, "application/json; charset=utf-8");
    }

    private static async Task<IResult> Get(int id, HttpRequest request, HttpResponse response, ProjectQueries projects, CancellationToken cancellationToken)
    {
        // A client that holds the current version is answered from one small query, without the project.
        if (request.Headers.IfNoneMatch.Count > 0 && await projects.VersionAsync(id, cancellationToken) is { } version
            && request.Headers.IfNoneMatch.ToString() == ETag(version))
        {
            response.Headers.ETag = ETag(version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (await projects.DetailAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        response.Headers.ETag = ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<IResult> Put(
        int id, [FromBody] ProjectEdit edit, HttpRequest request, HttpResponse response, ProjectEditor editor, ProjectQueries projects, CancellationToken cancellationToken)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
        {
            return DocumentsApi.Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match",
                "修改项目时须在 If-Match 头中带上读取时得到的 ETag，以免覆盖他人的修改。");
        }

        // RFC 9110 §13.1.1: a precondition only counts when the request would otherwise succeed, so a project
        // the user cannot see is 404 whatever the header says.
        if (await projects.VersionAsync(id, cancellationToken) is not { } current)
        {
            return NotFound(id);
        }

        if (!IfMatchHolds(ifMatch, current))
        {
            return DocumentsApi.Problem(StatusCodes.Status412PreconditionFailed, "项目已被他人修改",
                $"读取之后此项目已被修改（当前版本 {current.ToString(CultureInfo.InvariantCulture)}），If-Match 与当前版本不符，本次修改未保存。请重新读取后再修改。",
                new Dictionary<string, object?> { ["currentVersion"] = current });
        }

        var outcome = await editor.SaveAsync(id, current, edit, cancellationToken);
        var detail = outcome.IsDone ? await projects.DetailAsync(id, cancellationToken) : null;
        return outcome.ToHttp(_ =>
        {
            response.Headers.ETag = ETag(detail!.Version);
            return TypedResults.Ok(detail);
        });
    }

    private static Ok<TargetPreviewDto> Parse([FromQuery] string? text, [FromQuery] string? name)
    {
        var target = TargetGrammar.Parse(text ?? "", name ?? "");
        return TypedResults.Ok(new TargetPreviewDto(target.Kind.JsonName(), target.Form?.JsonName(), target.Reading()));
    }

    /// <summary>
    /// RFC 9110 §13.1.1: <c>*</c> holds for any current project; otherwise one of the listed entity tags must
    /// equal the current one by strong comparison (a weak tag <c>W/"3"</c> never does).
    /// </summary>
    internal static bool IfMatchHolds(string header, int current)
    {
        var tag = ETag(current);
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "*" || item == tag)
            {
                return true;
            }
        }

        return false;
    }

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The answer for a project id that is not stored.</summary>
    internal static ProblemHttpResult NotFound(int id) =>
        DocumentsApi.Problem(StatusCodes.Status404NotFound, "找不到该项目", $"没有第 {id} 号项目，可能已被删除。");
}
