using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Targets;
using Jixiao.Import.Json;
using Jixiao.Web.Features.Documents;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Projects;

/// <summary>A project in a search result.</summary>
public sealed record ProjectListItemDto(int Id, int DocumentId, string UnitName, int? Year, string Name, decimal? Total, decimal? FiscalAppropriation,
    decimal? SpecialAccount, decimal? OtherFunds, int Indicators, decimal Score, int Findings);

/// <summary>One page of a project search.</summary>
public sealed record ProjectPageDto(int Total, int Page, int PageSize, IReadOnlyList<ProjectListItemDto> Items);

/// <summary>A finding on a project.</summary>
public sealed record ProjectFindingDto(string Code, string Severity, int? IndicatorSeq, string Message);

/// <summary>A project with its indicators (with ids), findings and version (also sent as the ETag).</summary>
public sealed record ProjectDetailDto(int Id, int DocumentId, string UnitName, string AmountUnit, int Version, string Name, decimal? Total,
    decimal? FiscalAppropriation, decimal? SpecialAccount, decimal? OtherFunds, string Goal, decimal Score,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<ProjectFindingDto> Findings)
{
    /// <summary>What a per-project form said besides name, money and goal; null (and left out) when nothing.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AttributesDto? Attributes { get; init; }
}

/// <summary>The projects API: search, read, edit with optimistic concurrency; and the target grammar for live parsing.</summary>
internal static class ProjectsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/", Search).RequireAccess(Access.Read).WithSummary("按项目名称、目标、指标名称或指标值中的文字查找项目，可按单位、一级指标、审核级别、金额范围筛选，分页");
        group.MapGet("/{id:int}", Get).RequireAccess(Access.Read).WithSummary("一个项目：资金、目标、指标（含 id）、审核发现；ETag 为版本号");
        group.MapPut("/{id:int}", Put).DisableAntiforgery().RequireAccess(Access.Edit).WithSummary("修改项目（资金、目标、指标的增删改和排序）；须带 If-Match，版本已变时返回 412");
        routes.MapGet("/api/targets/parse", Parse).RequireAccess(Access.Read).WithTags("Targets").WithSummary("解析一个指标值，供编辑时即时显示");
        return routes;
    }

    private static async Task<Results<Ok<ProjectPageDto>, ProblemHttpResult>> Search(
        JixiaoDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? q = null, [FromQuery] string? unit = null, [FromQuery] string? level1 = null, [FromQuery] string? severity = null,
        [FromQuery] decimal? minTotal = null, [FromQuery] decimal? maxTotal = null, [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "分页参数错误", $"page 从 1 开始，pageSize 在 1 到 {MaxPageSize} 之间。");
        }

        if (level1 is not null && level1 is not ("output" or "benefit" or "satisfaction" or "cost"))
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "一级指标参数错误", "level1 只能是 output、benefit、satisfaction 或 cost。");
        }

        if (severity is not null && severity is not ("error" or "warning" or "info"))
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "审核级别参数错误", "severity 只能是 error、warning 或 info。");
        }

        var query = Filter(db, q, unit, level1, severity, minTotal, maxTotal);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.DocumentId).ThenBy(p => p.Position)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.DocumentId, UnitName = p.Document!.Unit!.Name, p.Document.Year, p.Document.AmountUnit, p.Name,
                p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, Indicators = p.Indicators.Count, p.Score, p.FindingCount,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProjectPageDto(total, page, pageSize, [.. items.Select(p =>
        {
            var amountUnit = Enum.Parse<AmountUnit>(p.AmountUnit);
            return new ProjectListItemDto(p.Id, p.DocumentId, p.UnitName, p.Year, p.Name, Amount(p.TotalFen, amountUnit), Amount(p.FiscalFen, amountUnit),
                Amount(p.SpecialFen, amountUnit), Amount(p.OtherFen, amountUnit), p.Indicators, p.Score, p.FindingCount);
        })]));
    }

    /// <summary>The search as a query, shared by the API and the search page.</summary>
    public static IQueryable<ProjectRecord> Filter(JixiaoDbContext db, string? q, string? unit, string? level1, string? severity, decimal? minTotal, decimal? maxTotal)
    {
        var query = db.Projects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(p => p.Name.Contains(text) || p.Goal.Contains(text)
                || p.Indicators.Any(i => i.Name.Contains(text) || i.TargetText.Contains(text)));
        }

        if (!string.IsNullOrWhiteSpace(unit))
        {
            var name = unit.Trim();
            query = query.Where(p => p.Document!.Unit!.Name.Contains(name));
        }

        if (level1 is not null)
        {
            query = query.Where(p => p.Indicators.Any(i => i.Level1 == level1));
        }

        if (severity is not null)
        {
            query = query.Where(p => p.Findings.Any(f => f.Severity == severity));
        }

        // Amount bounds are in 万元 and compared in fen.
        if (minTotal is { } min && Money.TryFromWanYuan(min, out var minMoney))
        {
            query = query.Where(p => p.TotalFen >= minMoney.Fen);
        }

        if (maxTotal is { } max && Money.TryFromWanYuan(max, out var maxMoney))
        {
            query = query.Where(p => p.TotalFen <= maxMoney.Fen);
        }

        return query;
    }

    private static async Task<Results<Ok<ProjectDetailDto>, ProblemHttpResult>> Get(int id, HttpResponse response, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        response.Headers.ETag = ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, ProblemHttpResult>> Put(
        int id, [FromBody] ProjectEdit edit, HttpRequest request, HttpResponse response, ProjectEditor editor, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
        {
            return DocumentsApi.Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match",
                "修改项目时须在 If-Match 头中带上读取时得到的 ETag，以免覆盖他人的修改。");
        }

        // RFC 9110 §13.1.1: a precondition only counts when the request would otherwise succeed, so a project
        // the user cannot see is 404 whatever the header says.
        if (await db.Projects.Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(cancellationToken) is not { } current)
        {
            return NotFound(id);
        }

        if (!IfMatchHolds(ifMatch, current))
        {
            return DocumentsApi.Problem(StatusCodes.Status412PreconditionFailed, "项目已被他人修改",
                $"读取之后此项目已被修改（当前版本 {current.ToString(CultureInfo.InvariantCulture)}），If-Match 与当前版本不符，本次修改未保存。请重新读取后再修改。",
                new Dictionary<string, object?> { ["currentVersion"] = current });
        }

        var version = current;
        switch (await editor.SaveAsync(id, version, edit, cancellationToken))
        {
            case EditOutcome.NotFound:
                return NotFound(id);
            case EditOutcome.Stale stale:
                return DocumentsApi.Problem(StatusCodes.Status412PreconditionFailed, "项目已被他人修改",
                    $"读取之后此项目已被修改（当前版本 {stale.CurrentVersion}），本次修改未保存。请重新读取后再修改。",
                    new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion });
            case EditOutcome.Refused refused:
                return DocumentsApi.Problem(StatusCodes.Status403Forbidden, "不允许修改", refused.Message);
            case EditOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, detail: "提交的内容有误，未保存。", title: "内容有误");
            default:
                var detail = (await LoadAsync(db, id, cancellationToken))!;
                response.Headers.ETag = ETag(detail.Version);
                return TypedResults.Ok(detail);
        }
    }

    private static Ok<TargetPreviewDto> Parse([FromQuery] string? text, [FromQuery] string? name)
    {
        var target = TargetGrammar.Parse(text ?? "", name ?? "");
        return TypedResults.Ok(new TargetPreviewDto(target.Kind.JsonName(), target.Form?.JsonName(), target.Reading()));
    }

    /// <summary>The project as the API serves it, null when there is none.</summary>
    public static async Task<ProjectDetailDto?> LoadAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Document).ThenInclude(d => d!.Unit)
            .Include(p => p.Indicators)
            .Include(p => p.Findings)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var unit = Enum.Parse<AmountUnit>(record.Document!.AmountUnit);
        var domain = Data.DocumentMapping.ToDomain(record);
        var indicators = record.Indicators.OrderBy(i => i.Position).ToList();
        var dto = DocumentJson.ToDto(new Import.ReadResult(SingleProjectDocument(domain, unit), []));
        return new ProjectDetailDto(record.Id, record.DocumentId, record.Document.Unit!.Name, unit == AmountUnit.WanYuan ? "万元" : "元", record.Version,
            record.Name, Amount(record.TotalFen, unit), Amount(record.FiscalFen, unit), Amount(record.SpecialFen, unit), Amount(record.OtherFen, unit),
            record.Goal, record.Score,
            [.. dto.Projects[0].Indicators.Select((x, i) => x with { Id = indicators[i].Id })],
            [.. record.Findings.OrderBy(f => f.IndicatorSeq ?? 0).ThenBy(f => f.Id).Select(f => new ProjectFindingDto(f.Code, f.Severity, f.IndicatorSeq, f.Message))])
        {
            Attributes = dto.Projects[0].Attributes,
        };
    }

    private static Domain.Documents.TargetDocument SingleProjectDocument(Domain.Documents.Project project, AmountUnit unit)
    {
        var document = new Domain.Documents.TargetDocument("", new Domain.Documents.BudgetUnit(""), unit, new Domain.Documents.DocumentSource("", Domain.Documents.SourceFormat.Text));
        document.AddProject(project);
        return document;
    }

    private static decimal? Amount(long? fen, AmountUnit unit) => fen is null ? null : new Money(fen.Value).To(unit);

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

/// <summary>How a target text reads.</summary>
/// <param name="Kind">quantitative, qualitative or missing.</param>
/// <param name="Form">For qualitative targets: statement, relative, question or definition.</param>
/// <param name="Reading">The reading in Chinese, as the pages show it.</param>
public sealed record TargetPreviewDto(string Kind, string? Form, string Reading);
