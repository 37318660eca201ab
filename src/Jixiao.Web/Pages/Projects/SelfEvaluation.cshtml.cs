using Jixiao.Web.Security;
using Jixiao.Web.Features.SelfEvaluation;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

/// <summary>Entering a project's year-end actuals and seeing its score, grade and how each score was computed.</summary>
[Access(Access.Read)]
public sealed class SelfEvaluationModel(SelfEvaluationService service, ReportWorkflow reports, CurrentUser user) : ReportPageModel(reports, user)
{
    public SelfEvaluationView View { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];


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

    protected override int? ReportMonth => null;

    protected override string ReportUrl(int id) => $"/projects/{id}/self-evaluation";

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
