namespace Jixiao.Web.Features.Monitoring;

/// <summary>Entering a project's progress for 1~N月 and seeing its warning light with the reasons.</summary>
[Access(Access.Read)]
[BindProperties(SupportsGet = true)]
public sealed class ProjectModel(MonitoringService service, ReportWorkflow reports, CurrentUser user)
    : ReportPageModel<MonitoringView>(reports, user)
{
    /// <summary>The window 1~Month月; 6 unless the address says otherwise, held within 1–12.</summary>
    public int Month { get; set; } = 6;

    public string? ExecutedSoFar { get; set; }

    public string? ProjectedExecution { get; set; }

    public List<ProgressInput> Progress { get; set; } = [];

    protected override int? ReportMonth => Month;

    protected override string ReportUrl(int id) => $"/projects/{id}/monitoring?month={Month}";

    protected override Task<MonitoringView?> LoadAsync(int id, CancellationToken cancellationToken) =>
        service.LoadAsync(id, Month = Math.Clamp(Month, 1, 12), cancellationToken);

    protected override Task<Outcome<MonitoringView>> SaveAsync(int id, CancellationToken cancellationToken) =>
        service.SaveAsync(id, Month, new MonitoringReportInput(ExecutedSoFar, ProjectedExecution, Progress), cancellationToken);

    protected override bool IsSaved(MonitoringView view) => view.Stored is not null;

    protected override void Fill(MonitoringView view)
    {
        var dto = MonitoringService.ToDto(view);
        (ExecutedSoFar, ProjectedExecution) = (dto.ExecutedSoFar, dto.ProjectedExecution);
        var entered = dto.Progress.ToDictionary(p => p.Seq);
        Progress = [.. view.Project.Indicators.Select(i => entered.GetValueOrDefault(i.Seq) ?? new ProgressInput(i.Seq, "", "", "", "", ""))];
    }
}
