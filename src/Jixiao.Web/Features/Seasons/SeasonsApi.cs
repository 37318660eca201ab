namespace Jixiao.Web.Features.Seasons;

/// <summary>The seasons API: the budget years opened with their deadlines, opening one, a year's progress over the units.</summary>
internal static class SeasonsApi
{
    public static IEndpointRouteBuilder MapSeasonsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/seasons").WithTags("Seasons");
        group.MapGet("/", (SeasonService seasons, CancellationToken ct) => seasons.ListAsync(ct)).RequireAccess(Access.Read).WithSummary("已开启的填报年度及截止日期");
        group.MapPost("/", Open).RequireAccess(Access.Season).WithSummary("开启（或调整）一个预算年度的填报：绩效目标送审、运行监控、绩效自评的截止日期，可按地区设置");
        group.MapGet("/{year:int}/export", Export).RequireAccess(Access.Read)
            .WithSummary("该年度各单位的绩效目标表（xlsx）：汇总表加每个单位一张表；unit 为地区或主管部门（名称或编号），不填为全部可见单位");
        group.MapGet("/{year:int}/progress", Progress).RequireAccess(Access.Read).WithSummary("该年度各单位的填报进度：是否送审、是否逾期、质量分和错误；已批复的表中已报运行监控、绩效自评的项目数");
        return routes;
    }

    private static async Task<IResult> Open(SeasonRequest body, SeasonService seasons, CancellationToken cancellationToken) =>
        (await seasons.OpenAsync(body, cancellationToken)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> Export(int year, [Microsoft.AspNetCore.Mvc.FromQuery] string? unit, SeasonService seasons, CancellationToken cancellationToken) =>
        year is < 1990 or > 2100
            ? Documents.DocumentsApi.Problem(StatusCodes.Status400BadRequest, "参数错误", "预算年度应在 1990–2100 之间。")
            : (await seasons.WorkbookAsync(year, unit, cancellationToken)).ToHttp(file =>
                TypedResults.File(file.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName));

    private static async Task<IResult> Progress(int year, SeasonService seasons, CancellationToken cancellationToken)
    {
        if (year is < 1990 or > 2100)
        {
            return Documents.DocumentsApi.Problem(StatusCodes.Status400BadRequest, "参数错误", "预算年度应在 1990–2100 之间。");
        }

        var progress = await seasons.ProgressAsync(year, cancellationToken);
        return TypedResults.Ok(new
        {
            progress.Year, progress.Opened, progress.Approved, progress.Submitted, progress.NotSubmitted, progress.Late,
            Units = progress.Units.Select(u => new { u.UnitId, u.Unit, u.Department, u.DocumentId, State = u.State?.JsonName(), StateName = u.State?.Chinese(), u.Score, u.Errors, u.Due, u.Late, u.Reports }),
        });
    }
}
