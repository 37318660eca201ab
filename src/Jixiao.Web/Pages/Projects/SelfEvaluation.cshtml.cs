using Jixiao.Web.Security;
using Jixiao.Web.Features.SelfEvaluation;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

/// <summary>Entering a project's year-end actuals and seeing its score, grade and how each score was computed.</summary>
[Access(Access.Read)]
public sealed class SelfEvaluationModel(SelfEvaluationService service, ReportWorkflow reports, CurrentUser user) : PageModel
{
    public SelfEvaluationView View { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The report's workflow state and the steps offered.</summary>
    public ReportWorkflowPanel Panel { get; private set; } = null!;

    [TempData]
    public string? StepMessage { get; set; }

    [BindProperty]
    public string? Executed { get; set; }

    [BindProperty]
    public string? AdjustedBudget { get; set; }

    [BindProperty]
    public List<ActualInput> Actuals { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await service.LoadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Fill(view);
        await LoadPanelAsync(id, view.Stored is not null, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, null, WorkAction.Submit, null, message => Back(id, message), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, null, WorkAction.Approve, null, message => Back(id, message), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, CancellationToken cancellationToken) =>
        ReportSteps.RunAsync(reports, id, null, WorkAction.Return, comment, message => Back(id, message), cancellationToken);

    private RedirectResult Back(int id, string message)
    {
        StepMessage = message.Length == 0 ? null : message;
        return Redirect($"/projects/{id}/self-evaluation");
    }

    private async Task LoadPanelAsync(int id, bool saved, CancellationToken cancellationToken) =>
        Panel = new ReportWorkflowPanel(user, await reports.StateAsync(id, null, cancellationToken) ?? WorkState.Draft, saved, null, StepMessage);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        SelfEvaluationView? view;
        IReadOnlyList<string> errors;
        try
        {
            (view, errors) = await service.SaveAsync(id, new SelfEvaluationInput(Executed, AdjustedBudget, Actuals), cancellationToken);
        }
        catch (WorkflowRefusedException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            View = (await service.LoadAsync(id, cancellationToken))!;
            await LoadPanelAsync(id, View.Stored is not null, cancellationToken);
            return Page();
        }

        if (view is null)
        {
            return NotFound();
        }

        return Redirect($"/projects/{id}/self-evaluation");
    }

    private void Fill(SelfEvaluationView view)
    {
        View = view;
        var dto = SelfEvaluationApi.ToDto(view);
        Executed = dto.Executed;
        AdjustedBudget = dto.AdjustedBudget;
        var entered = dto.Actuals.ToDictionary(a => a.Seq);
        Actuals = [.. view.Project.Indicators.Select(i => entered.GetValueOrDefault(i.Seq) ?? new ActualInput(i.Seq, "", "", ""))];
    }
}
