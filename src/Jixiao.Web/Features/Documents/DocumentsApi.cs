using System.Globalization;
using System.Text;
using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Review;
using Jixiao.Export.Documents;
using Jixiao.Export.Review;
using Jixiao.Import;
using Jixiao.Import.Json;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
    int Projects, decimal Score, int Errors, int Warnings, int Infos);

/// <summary>The documents API: upload, list, read, review, export, delete.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents");
        group.MapPost("/", Upload).DisableAntiforgery().RequireAccess(Access.Import).RequireRateLimiting(SecuritySetup.UploadPolicy)
            .WithSummary("上传绩效目标表（multipart 字段 file），读取、审核并保存")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/", List).RequireAccess(Access.Read).WithSummary("已保存的绩效目标表");
        group.MapGet("/{id:int}", Get).RequireAccess(Access.Read).WithSummary("一张表：与命令行 JSON 相同的结构，另加 id");
        group.MapGet("/{id:int}/review", Review).RequireAccess(Access.Read).WithSummary("审核结果：与 jixiao review --format json 相同的结构");
        group.MapGet("/{id:int}/export", Export).RequireAccess(Access.Read).WithSummary("导出：format=xlsx（公开发布的表样）、csv 或 json");
        group.MapDelete("/{id:int}", Delete).RequireAccess(Access.Delete).WithSummary("删除一张表及其审核结果");
        return routes;
    }

    private static async Task<Results<Created<ImportedDto>, ProblemHttpResult>> Upload(
        HttpRequest request, [FromQuery] string? duplicate, [FromQuery] int? year, DocumentImporter importer, AuditLog audit, CancellationToken cancellationToken)
    {
        if (year is not null and (< DocumentImporter.MinYear or > DocumentImporter.MaxYear))
        {
            return Problem(StatusCodes.Status400BadRequest, "参数错误", $"year（预算年度）应在 {DocumentImporter.MinYear}–{DocumentImporter.MaxYear} 之间。");
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
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await RefusedAsync(audit, TooLarge(importer));
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
        {
            return await RefusedAsync(audit, Problem(StatusCodes.Status400BadRequest, "上传格式错误", "请以 multipart/form-data 上传，文件放在字段 file 中。"));
        }

        if (file is null || file.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "没有文件", file is null ? "请求中没有名为 file 的文件。" : "上传的文件是空的。");
        }

        if (file.Length > importer.Options.MaxFileBytes)
        {
            return await RefusedAsync(audit, TooLarge(importer));
        }

        await using var content = file.OpenReadStream();
        var outcome = await importer.ImportAsync(content, Path.GetFileName(file.FileName), choice.Value, cancellationToken, year);
        if (outcome.Busy is { } busy)
        {
            request.HttpContext.Response.Headers.RetryAfter = importer.RetryAfter;
            return Problem(StatusCodes.Status429TooManyRequests, "服务器正忙", busy);
        }

        if (outcome.Refusal is { } refusal)
        {
            return await RefusedAsync(audit, outcome.RefusedForContent
                ? Problem(StatusCodes.Status422UnprocessableEntity, "无法保存该表", refusal, new Dictionary<string, object?>
                {
                    ["diagnostics"] = outcome.Read is null ? [] : DocumentJson.ToDto(outcome.Read).Diagnostics,
                })
                : Problem(StatusCodes.Status403Forbidden, "不能保存该表", refusal));
        }

        if (outcome.DuplicateOf is { } existing)
        {
            return Problem(StatusCodes.Status409Conflict, "已有同一单位、同一标题和年度的表",
                $"已保存的第 {existing} 号表与此表的单位、标题和年度相同。请选择替换（duplicate=replace）或保留两份（duplicate=keep）。",
                new Dictionary<string, object?> { ["existingId"] = existing });
        }

        if (outcome.DocumentId is not { } id)
        {
            return await RefusedAsync(audit, Problem(StatusCodes.Status400BadRequest, "无法读取该文件",
                outcome.Read?.FatalError?.Message ?? "无法读取该文件。", new Dictionary<string, object?>
                {
                    ["diagnostics"] = outcome.Read is null ? [] : DocumentJson.ToDto(outcome.Read).Diagnostics,
                }));
        }

        var dto = DocumentJson.ToDto(outcome.Read!);
        var document = outcome.Read!.Document!;
        return TypedResults.Created($"/api/documents/{id}", new ImportedDto(id, document.Projects.Count, document.IndicatorCount, dto.Diagnostics)
        {
            Form = dto.Form,
            Notes = outcome.Notes,
        });
    }

    /// <summary>Records a refused upload in the audit trail and returns the refusal.</summary>
    private static async Task<ProblemHttpResult> RefusedAsync(AuditLog audit, ProblemHttpResult problem)
    {
        await audit.SecurityAsync("upload.refused", $"上传被拒绝（{problem.StatusCode}）：{problem.ProblemDetails.Title}：{problem.ProblemDetails.Detail}");
        return problem;
    }

    private static ProblemHttpResult TooLarge(DocumentImporter importer) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "文件过大",
            $"文件超过上传上限 {Pages.Display.Size(importer.Options.MaxFileBytes)}，未保存。");

    private static async Task<Ok<List<DocumentSummaryDto>>> List(JixiaoDbContext db, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .OrderBy(d => d.Id)
            .Select(d => new DocumentSummaryDto(d.Id, d.Unit!.Name, d.Title, d.Year, d.FileName, d.ImportedAt, d.Projects.Count, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(documents);
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Get(int id, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, id, cancellationToken) is not { } record)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(ToDto(record));
    }

    private static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Review(int id, JixiaoDbContext db, DocumentImporter importer, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, id, cancellationToken) is not { } record)
        {
            return NotFound(id);
        }

        var document = DocumentMapping.ToDomain(record);
        var others = await importer.UnitContextAsync(db.Documents.Where(d => d.UnitId == record.UnitId && d.Id != id), cancellationToken);
        var report = Reviewer.Review([document, .. others], ReviewSettings.National);
        var own = report with { Documents = [report.Documents[0]], Findings = report.Findings.Where(f => ReferenceEquals(f.Document, document)).ToList() };
        return TypedResults.Ok(ReviewJson.ToDto(own));
    }

    private static async Task<IResult> Export(int id, [FromQuery] string? format, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, id, cancellationToken) is not { } record)
        {
            return NotFound(id);
        }

        var name = Path.GetFileNameWithoutExtension(record.FileName);
        switch (format ?? "json")
        {
            case "json":
                var json = new MemoryStream();
                DocumentJson.Write(json, ToDto(record));
                return TypedResults.File(json.ToArray(), "application/json; charset=utf-8", name + ".json");
            case "xlsx":
                var xlsx = new MemoryStream();
                DocumentXlsx.Write(xlsx, DocumentMapping.ToDomain(record));
                return TypedResults.File(xlsx.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "csv":
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DocumentCsv.Write(DocumentMapping.ToDomain(record)))).ToArray(),
                    "text/csv; charset=utf-8", name + ".csv");
            default:
                return Problem(StatusCodes.Status400BadRequest, "不支持的导出格式", $"format 只能是 xlsx、csv 或 json，收到“{format}”。");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(int id, JixiaoDbContext db, DocumentWorkflow flow, AuditLog audit, CancellationToken cancellationToken)
    {
        switch (await flow.CheckAsync(id, WorkAction.Delete, cancellationToken))
        {
            case { Status: StepStatus.NotFound }:
                return NotFound(id);
            case { } refused:
                return Problem(StatusCodes.Status403Forbidden, "不允许删除", refused.Message);
        }

        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.UnitId, d.Title, d.FileName, Projects = d.Projects.Count }).FirstAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Documents.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        audit.Change("document.delete", $"删除第 {id} 号表「{document.Title}」（{document.FileName}，{document.Projects} 个项目）", document.UnitId, id, before: document);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<DocumentRecord?> LoadAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken) =>
        (await DocumentImporter.LoadAsync(db.Documents.Where(d => d.Id == id).Include(d => d.Diagnostics), cancellationToken)).SingleOrDefault();

    /// <summary>The CLI's JSON shape of a stored document, with the ids of the document, its projects and indicators.</summary>
    private static DocumentDto ToDto(DocumentRecord record)
    {
        var diagnostics = record.Diagnostics.OrderBy(d => d.Id).Select(d => new Domain.Diagnostics.Diagnostic(
            d.Code, Enum.Parse<Domain.Diagnostics.Severity>(d.Severity, ignoreCase: true), d.Message,
            new Domain.Diagnostics.SourceLocation(d.Line, d.Column, d.Cell))).ToList();
        var dto = DocumentJson.ToDto(new ReadResult(DocumentMapping.ToDomain(record), diagnostics));
        var projects = record.Projects.OrderBy(p => p.Position).ToList();
        return dto with
        {
            Id = record.Id,
            Projects = [.. dto.Projects.Select((p, i) =>
            {
                var indicators = projects[i].Indicators.OrderBy(x => x.Position).ToList();
                return p with { Id = projects[i].Id, Indicators = [.. p.Indicators.Select((x, j) => x with { Id = indicators[j].Id })] };
            })],
        };
    }

    private static ProblemHttpResult NotFound(int id) =>
        Problem(StatusCodes.Status404NotFound, "找不到该表", $"没有第 {id} 号绩效目标表，可能已被删除。");

    internal static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
