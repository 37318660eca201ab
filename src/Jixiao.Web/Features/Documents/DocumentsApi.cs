using System.Globalization;
using System.Text;
using Jixiao.Export.Documents;
using Jixiao.Import;

namespace Jixiao.Web.Features.Documents;

/// <summary>The result of a stored upload.</summary>
/// <param name="Id">The new document's id.</param>
/// <param name="Projects">How many projects were stored.</param>
/// <param name="Indicators">How many indicators were stored.</param>
/// <param name="Diagnostics">What the reader reported.</param>
public sealed record ImportedDto(int Id, int Projects, int Indicators, IReadOnlyList<DiagnosticDto> Diagnostics)
{
    /// <summary>The form read (<c>selfEvaluation</c>…), null for the summary table.</summary>
    public string? Form { get; init; }

    /// <summary>What storing did besides, in Chinese (a self-evaluation form's reports attached to their projects, with the scores).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A stored document in a list.</summary>
public sealed record DocumentSummaryDto(int Id, string UnitName, string Title, int? Year, string FileName, DateTimeOffset ImportedAt,
    int Projects, decimal Score, int Errors, int Warnings, int Infos)
{
    /// <summary>The workflow state: <c>draft</c>, <c>submitted</c>, <c>endorsed</c>, <c>returned</c> or <c>approved</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>The state in Chinese (草稿, 已送审…).</summary>
    public string StateName { get; init; } = "";

    /// <summary>The table's version (1 as first approved, one more for each 调整).</summary>
    public int Version { get; init; }
}

/// <summary>The documents API: upload, list, read, review, export, delete.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents");
        group.MapPost("/", Upload).DisableAntiforgery().RequireAccess(Access.Import).RequireRateLimiting(SecuritySetup.UploadPolicy)
            .WithSummary("上传绩效目标表（multipart 字段 file；文件未写明年度时须给出字段 year），读取、审核并保存")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/", List).RequireAccess(Access.Read).WithSummary("已保存的绩效目标表；可按状态、年度、单位（含下级）、有无错误、质量分范围筛选");
        group.MapGet("/{id:int}", Get).RequireAccess(Access.Read).WithSummary("一张表：与命令行 JSON 相同的结构，另加 id");
        group.MapGet("/{id:int}/review", Review).RequireAccess(Access.Read).WithSummary("审核结果：与 jixiao review --format json 相同的结构");
        group.MapGet("/{id:int}/export", Export).RequireAccess(Access.Read).WithSummary("导出：format=xlsx（公开发布的表样）、csv 或 json");
        group.MapDelete("/{id:int}", Delete).RequireAccess(Access.Delete).WithSummary("删除一张表及其审核结果");
        return routes;
    }

    private static async Task<IResult> Upload(
        HttpRequest request, [FromQuery] string? duplicate, [FromQuery] int? year, DocumentImporter importer, CancellationToken cancellationToken)
    {
        if (year is not null and (< DocumentImporter.MinYear or > DocumentImporter.MaxYear))
        {
            return Problem(StatusCodes.Status400BadRequest, "参数错误", $"year（预算年度）应在 {DocumentImporter.MinYear}–{DocumentImporter.MaxYear} 之间。");
        }

        // A client that may retry (a dropped connection after the server stored the table) sends a key of
        // its choosing; the same key from the same account stores the table once and answers the same id.
        string? importKey = null;
        if (request.Headers.TryGetValue("Idempotency-Key", out var keyHeader))
        {
            var key = keyHeader.ToString().Trim();
            if (key.Length is 0 or > 100 || key.Any(c => c is < '!' or > '~'))
            {
                return Problem(StatusCodes.Status400BadRequest, "参数错误", "Idempotency-Key 应为 1–100 个可见的 ASCII 字符（如 UUID）。");
            }

            importKey = importer.ImportKeyOf(key);
            if (await ReplayAsync(request, importer, importKey, cancellationToken) is { } replayed)
            {
                return replayed;
            }
        }

        var choice = duplicate switch
        {
            null or "" => DuplicateChoice.Ask,
            "replace" => DuplicateChoice.Replace,
            "keep" => DuplicateChoice.Keep,
            _ => (DuplicateChoice?)null,
        };
        if (choice is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "参数错误", "duplicate 只能是 replace（替换已有的表）或 keep（保留两份）。");
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            file = form.Files.GetFile("file");
            if (form.TryGetValue("year", out var field) && field.ToString().Trim() is { Length: > 0 } text)
            {
                if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given)
                    || given is < DocumentImporter.MinYear or > DocumentImporter.MaxYear)
                {
                    return Problem(StatusCodes.Status400BadRequest, "参数错误", $"year（预算年度）应是 {DocumentImporter.MinYear}–{DocumentImporter.MaxYear} 之间的年份，收到“{text}”。");
                }

                year = given;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(await importer.TooLargeAsync());
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
        {
            return Problem(StatusCodes.Status400BadRequest, "上传格式错误", await importer.RefuseUploadAsync("请以 multipart/form-data 上传，文件放在字段 file 中。"));
        }

        if (file is null || file.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "没有文件", file is null ? "请求中没有名为 file 的文件。" : "上传的文件是空的。");
        }

        if (file.Length > importer.Options.MaxFileBytes)
        {
            return TooLarge(await importer.TooLargeAsync());
        }

        await using var content = file.OpenReadStream();
        Outcome<Imported> outcome;
        try
        {
            outcome = await importer.ImportAsync(content, Path.GetFileName(file.FileName), choice.Value, cancellationToken, year, importKey);
        }
        catch (DbUpdateException) when (importKey is not null)
        {
            // The same key arrived twice at once and the other request stored the table first.
            var replayed = await ReplayAsync(request, importer, importKey, cancellationToken);
            if (replayed is null)
            {
                throw;
            }

            return replayed;
        }

        if (outcome.Kind == Features.OutcomeKind.Busy)
        {
            request.HttpContext.Response.Headers.RetryAfter = importer.RetryAfter;
        }

        return outcome.ToHttp(imported =>
        {
            var dto = imported.Read.ToJson();
            var document = imported.Read.Document!;
            return TypedResults.Created($"/api/documents/{imported.Id}", new ImportedDto(imported.Id!.Value, document.Projects.Count, document.IndicatorCount, dto.Diagnostics)
            {
                Form = dto.Form,
                Notes = imported.Notes,
            });
        });
    }

    /// <summary>The answer to an upload already stored under <paramref name="importKey"/>: the same table's id, marked as a replay; null when none is stored.</summary>
    private static async Task<IResult?> ReplayAsync(HttpRequest request, DocumentImporter importer, string importKey, CancellationToken cancellationToken)
    {
        if (await importer.StoredUnderAsync(importKey, CancellationToken.None) is not { } stored)
        {
            return null;
        }

        request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(new ImportedDto(stored.Id, stored.Projects, stored.Indicators, []));
    }

    private static ProblemHttpResult TooLarge(string reason) => Problem(StatusCodes.Status413PayloadTooLarge, "文件过大", reason);

    private static async Task<IResult> List(DocumentQueries documents, CancellationToken cancellationToken,
        [FromQuery] string? status = null, [FromQuery] int? year = null, [FromQuery] string? unit = null, [FromQuery] bool? hasErrors = null,
        [FromQuery] decimal? minScore = null, [FromQuery] decimal? maxScore = null)
    {
        WorkState? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (WorkflowTable.ParseState(status) is not { } parsed || parsed == WorkState.Deleted)
            {
                return Problem(StatusCodes.Status400BadRequest, "参数错误", "status 只能是 draft（草稿）、submitted（已送审）、endorsed（主管部门已审核）、returned（已退回）或 approved（已批复）。");
            }

            state = parsed;
        }

        if (minScore is < 0 or > 100 || maxScore is < 0 or > 100)
        {
            return Problem(StatusCodes.Status400BadRequest, "参数错误", "minScore、maxScore（质量分）应在 0–100 之间。");
        }

        var filter = new DocumentFilter(state, year, unit, hasErrors, minScore, maxScore);
        return TypedResults.Ok((await documents.ListAsync(filter, DocumentSort.Stored, 1, null, cancellationToken)).Items);
    }

    /// <summary>
    /// The table as JSON, with an <c>ETag</c> that changes whenever what it says can: a client sending it back
    /// in <c>If-None-Match</c> gets 304 from one small query, without the table being read.
    /// </summary>
    private static async Task<IResult> Get(int id, HttpRequest request, HttpResponse response, DocumentQueries documents, CancellationToken cancellationToken)
    {
        var tag = await documents.TagAsync(id, cancellationToken);
        if (tag is null)
        {
            return NotFound(id);
        }

        response.Headers.ETag = tag;
        if (request.Headers.IfNoneMatch.ToString() == tag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await documents.JsonAsync(id, cancellationToken) is { } stored ? TypedResults.Ok(stored.Json) : NotFound(id);
    }

    private static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Review(int id, UnitReview reviews, CancellationToken cancellationToken) =>
        await reviews.StoredAsync(id, cancellationToken) is { } report ? TypedResults.Ok(ReviewJson.ToDto(report)) : NotFound(id);

    private static async Task<IResult> Export(int id, [FromQuery] string? format, DocumentQueries documents, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "xlsx" or "csv"))
        {
            return Problem(StatusCodes.Status400BadRequest, "不支持的导出格式", $"format 只能是 xlsx、csv 或 json，收到“{format}”。");
        }

        if (await documents.JsonAsync(id, cancellationToken) is not { } stored)
        {
            return NotFound(id);
        }

        var name = Path.GetFileNameWithoutExtension(stored.FileName);
        switch (format ?? "json")
        {
            case "xlsx":
                var xlsx = new MemoryStream();
                DocumentXlsx.Write(xlsx, stored.Document);
                return TypedResults.File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "csv":
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DocumentCsv.Write(stored.Document))).ToArray(),
                    "text/csv; charset=utf-8", name + ".csv");
            default:
                var json = new MemoryStream();
                DocumentJson.Write(json, stored.Json);
                return TypedResults.File(json.ToArray(), "application/json; charset=utf-8", name + ".json");
        }
    }

    private static async Task<IResult> Delete(int id, DocumentWorkflow flow, CancellationToken cancellationToken) =>
        (await flow.DeleteAsync(id, cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static ProblemHttpResult NotFound(int id) =>
        Problem(StatusCodes.Status404NotFound, "找不到该表", $"没有第 {id} 号绩效目标表，可能已被删除。");

    internal static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
