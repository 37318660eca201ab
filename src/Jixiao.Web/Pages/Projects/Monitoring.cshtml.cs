using Jixiao.Web.Security;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

/// <summary>Entering a project's progress for 1~N月 and seeing its warning light with the reasons.</summary>
[Access(Access.Read)]
public sealed class MonitoringModel(MonitoringService service, ReportWorkflow reports, CurrentUser user) : PageModel
{
    public MonitoringView View { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The report's workflow state and the steps offered.</summary>
    public ReportWorkflowPanel Panel { get; private set; } = null!;

    [TempData]
    public string? StepMessage { get; set; }

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

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, Month, WorkAction.Submit, null, message => Back(id, message), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, Month, WorkAction.Approve, null, message => Back(id, message), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, Month, WorkAction.Return, comment, message => Back(id, message), cancellationToken);

    private RedirectResult Back(int id, string message)
    {
        StepMessage = message.Length == 0 ? null : message;
        return Redirect($"/projects/{id}/monitoring?month={Month}");
    }

    private async Task LoadPanelAsync(int id, bool saved, CancellationToken cancellationToken) =>
        Panel = new ReportWorkflowPanel(user, await reports.StateAsync(id, Month, cancellationToken) ?? WorkState.Draft, saved, Month, StepMessage);

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
