using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

/// <summary>What the report workflow panel shows: the report's state and the user's possible steps.</summary>
public sealed record ReportWorkflowPanel(CurrentUser Viewer, string State, bool Saved, int? Month, string? Message);

/// <summary>
/// A page of one project's report (self-evaluation, or monitoring for one month): the 送审/退回/批复
/// handlers and the workflow panel, shared by both pages.
/// </summary>
public abstract class ReportPageModel(ReportWorkflow reports, CurrentUser user) : PageModel
{
    /// <summary>The report's workflow state and the steps offered.</summary>
    public ReportWorkflowPanel Panel { get; private set; } = null!;

    [TempData]
    public string? StepMessage { get; set; }

    /// <summary>The month of a monitoring report; null for the self-evaluation.</summary>
    protected abstract int? ReportMonth { get; }

    /// <summary>Where the page of this report is.</summary>
    protected abstract string ReportUrl(int id);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Submit, null, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Approve, null, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Return, comment, cancellationToken);

    protected async Task LoadPanelAsync(int id, bool saved, CancellationToken cancellationToken) =>
        Panel = new ReportWorkflowPanel(user, await reports.StateAsync(id, ReportMonth, cancellationToken) ?? WorkState.Draft, saved, ReportMonth, StepMessage);

    private async Task<IActionResult> StepAsync(int id, WorkAction action, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await reports.StepAsync(id, ReportMonth, action, comment, cancellationToken);
        switch (outcome.Status)
        {
            case StepStatus.NotFound:
                return NotFound();
            case StepStatus.Refused:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                StepMessage = outcome.Status == StepStatus.Invalid ? outcome.Message : null;
                return Redirect(ReportUrl(id));
        }
    }
}
