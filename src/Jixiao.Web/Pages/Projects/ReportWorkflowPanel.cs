using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Pages.Projects;

/// <summary>What the report workflow panel shows: the report's state and the user's possible steps.</summary>
public sealed record ReportWorkflowPanel(CurrentUser Viewer, string State, bool Saved, int? Month, string? Message);

/// <summary>The 送审/退回/批复 handlers shared by the self-evaluation and monitoring pages.</summary>
internal static class ReportSteps
{
    public static async Task<IActionResult> RunAsync(ReportWorkflow flow, int id, int? month, WorkAction action, string? comment, Func<string, IActionResult> back, CancellationToken cancellationToken)
    {
        var outcome = await flow.StepAsync(id, month, action, comment, cancellationToken);
        return outcome.Status switch
        {
            StepStatus.NotFound => new NotFoundResult(),
            StepStatus.Refused => new StatusCodeResult(StatusCodes.Status403Forbidden),
            StepStatus.Invalid => back(outcome.Message),
            _ => back(""),
        };
    }
}
