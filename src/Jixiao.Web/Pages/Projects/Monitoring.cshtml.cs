using Jixiao.Web.Security;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

/// <summary>Entering a project's progress for 1~N月 and seeing its warning light with the reasons.</summary>
[Access(Access.Read)]
public sealed class MonitoringModel(MonitoringService service, ReportWorkflow reports, CurrentUser user) : ReportPageModel(reports, user)
{
    public MonitoringView View { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];


    [BindProperty(SupportsGet = true)]
    public int Month { get; set; } = 6;

    [BindProperty]
    public string? ExecutedSoFar { get; set; }

    [BindProperty]
    public string? ProjectedExecution { get; set; }

    [BindProperty]
    public List<ProgressInput> Progress { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Month = Math.Clamp(Month, 1, 12);
        if (await service.LoadAsync(id, Month, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var dto = MonitoringApi.ToDto(view);
        ExecutedSoFar = dto.ExecutedSoFar;
        ProjectedExecution = dto.ProjectedExecution;
        var entered = dto.Progress.ToDictionary(p => p.Seq);
        Progress = [.. view.Project.Indicators.Select(i => entered.GetValueOrDefault(i.Seq) ?? new ProgressInput(i.Seq, "", "", "", "", ""))];
        await LoadPanelAsync(id, view.Stored is not null, cancellationToken);
        return Page();
    }

    protected override int? ReportMonth => Month;

    protected override string ReportUrl(int id) => $"/projects/{id}/monitoring?month={Month}";

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        MonitoringView? view;
        IReadOnlyList<string> errors;
        try
        {
            (view, errors) = await service.SaveAsync(id, Month, new MonitoringReportInput(ExecutedSoFar, ProjectedExecution, Progress), cancellationToken);
        }
        catch (WorkflowRefusedException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            View = (await service.LoadAsync(id, Math.Clamp(Month, 1, 12), cancellationToken))!;
            if (View is null)
            {
                return NotFound();
            }

            await LoadPanelAsync(id, View.Stored is not null, cancellationToken);
            return Page();
        }

        return view is null ? NotFound() : Redirect($"/projects/{id}/monitoring?month={Month}");
    }
}
