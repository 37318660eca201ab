using Jixiao.Domain.Monitoring;
using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>A warning as served.</summary>
public sealed record WarningDto(string Light, int? IndicatorSeq, string Reason);

/// <summary>A stored monitoring report with its light and warnings (null light before anything is entered).</summary>
public sealed record MonitoringReportDto(int ProjectId, int Month, string? ExecutedSoFar, string? ProjectedExecution, IReadOnlyList<ProgressInput> Progress,
    string? Light, decimal? ExecutionRate, decimal YearShare, IReadOnlyList<WarningDto> Warnings);

/// <summary>The monitoring API of a project: read and save the report of a cumulative window 1~N月.</summary>
internal static class MonitoringApi
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects/{id:int}/monitoring/{month:int}").WithTags("Monitoring");
        group.MapGet("/", Get).RequireAccess(Access.Read).WithSummary("项目 1~N 月的绩效运行监控：已填写的进度、预警灯和原因");
        group.MapPut("/", Put).DisableAntiforgery().RequireAccess(Access.Edit).WithSummary("保存项目 1~N 月的绩效运行监控并预警；有误时逐项说明，不保存");
        group.MapGet("/export", Export).RequireAccess(Access.Read).WithSummary("导出项目支出绩效运行监控表（xlsx）");
        return routes;
    }

    private static async Task<Results<Ok<MonitoringReportDto>, ProblemHttpResult>> Get(int id, int month, MonitoringService service, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12)
        {
            return DocumentsApi.Problem(StatusCodes.Status400BadRequest, "月份有误", $"月份 {month} 不在 1 到 12 之间。");
        }

        return await service.LoadAsync(id, month, cancellationToken) is { } view ? TypedResults.Ok(MonitoringService.ToDto(view)) : Projects.ProjectsApi.NotFound(id);
    }

    private static async Task<IResult> Put(int id, int month, [FromBody] MonitoringReportInput input, MonitoringService service, CancellationToken cancellationToken) =>
        (await service.SaveAsync(id, month, input, cancellationToken)).ToHttp(view => TypedResults.Ok(MonitoringService.ToDto(view)));

    private static async Task<IResult> Export(int id, int month, MonitoringService service, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12 || await service.LoadAsync(id, month, cancellationToken) is not { Stored: { } stored, Result: { } result } view)
        {
            return DocumentsApi.Problem(StatusCodes.Status404NotFound, "没有监控填报", $"第 {id} 号项目没有 1~{month} 月的监控填报，无法导出监控表。");
        }

        var stream = new MemoryStream();
        Jixiao.Export.Monitoring.MonitoringXlsx.Write(stream, view.Record.Document!.Unit!.Name, view.Project, month,
            stored.ExecutedFen is { } e ? new Domain.Amounts.Money(e) : null, stored.ProjectedFen is { } p ? new Domain.Amounts.Money(p) : null,
            stored.Progress.ToDictionary(x => x.Seq, x => new Jixiao.Export.Monitoring.ProgressRow(x.SoFar, x.Projected, x.Cause, x.Note, x.Likelihood)), result);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"监控表-{view.Project.Name}-1-{month}月.xlsx");
    }
}
