namespace Jixiao.Web.Features.Workflow;

/// <summary>What the report workflow panel shows: the report's state and the user's possible steps.</summary>
public sealed record ReportWorkflowPanel(CurrentUser Viewer, WorkState State, bool Saved, int? Month, string? Message);

/// <summary>
/// A page of one project's report (self-evaluation, or monitoring for one month), shared by both pages:
/// showing the report, saving it (the errors shown beside the form), the 送审/退回/批复 handlers and the
/// workflow panel. A page says how its report is loaded, filled into the form and saved.
/// </summary>
/// <typeparam name="TView">The report with its project, as its service loads it.</typeparam>
public abstract class ReportPageModel<TView>(ReportWorkflow reports, CurrentUser user) : PageModel
    where TView : class
{
    /// <summary>The project and its report.</summary>
    public TView View { get; private set; } = null!;

    /// <summary>Why the last save was refused, field by field, in Chinese.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The report of project <paramref name="id"/>; null when there is none.</summary>
    protected abstract Task<TView?> LoadAsync(int id, CancellationToken cancellationToken);

    /// <summary>Puts the stored report into the form's fields.</summary>
    protected abstract void Fill(TView view);

    /// <summary>Saves the form's fields as the report of project <paramref name="id"/>.</summary>
    protected abstract Task<Outcome<TView>> SaveAsync(int id, CancellationToken cancellationToken);

    /// <summary>True when the report has been saved before (so it can be sent on).</summary>
    protected abstract bool IsSaved(TView view);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Fill(view);
        await LoadPanelAsync(id, IsSaved(view), cancellationToken);
        return Page();
    }

    [Access(Access.Edit)]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await SaveAsync(id, cancellationToken);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // The form keeps what was typed; the page shows it again with the reasons.
            if (await LoadAsync(id, cancellationToken) is not { } view)
            {
                return NotFound();
            }

            View = view;
            Errors = [.. outcome.Errors.Values.SelectMany(e => e)];
            await LoadPanelAsync(id, IsSaved(view), cancellationToken);
        }

        return outcome.ToPage(this, _ => Redirect(ReportUrl(id)), _ => Page());
    }

    /// <summary>The report's workflow state and the steps offered.</summary>
    public ReportWorkflowPanel Panel { get; private set; } = null!;

    /// <summary>
    /// Why the last step did not happen, carried over the redirect in temp data. Not a bound property: the
    /// report pages bind every property of their own, and this is never the user's to set.
    /// </summary>
    private string? StepMessage
    {
        get => TempData[nameof(StepMessage)] as string;
        set => TempData[nameof(StepMessage)] = value;
    }

    /// <summary>The month of a monitoring report; null for the self-evaluation.</summary>
    protected abstract int? ReportMonth { get; }

    /// <summary>Where the page of this report is.</summary>
    protected abstract string ReportUrl(int id);

    [Access(Access.Submit)]
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Submit, null, cancellationToken);

    [Access(Access.Review)]
    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Approve, null, cancellationToken);

    [Access(Access.Review)]
    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, CancellationToken cancellationToken) => StepAsync(id, WorkAction.Return, comment, cancellationToken);

    protected async Task LoadPanelAsync(int id, bool saved, CancellationToken cancellationToken) =>
        Panel = new ReportWorkflowPanel(user, await reports.StateAsync(id, ReportMonth, cancellationToken) ?? WorkState.Draft, saved, ReportMonth, StepMessage);

    private async Task<IActionResult> StepAsync(int id, WorkAction action, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await reports.StepAsync(id, ReportMonth, action, comment, cancellationToken);
        return outcome.ToPage(this, _ =>
        {
            StepMessage = null;
            return Redirect(ReportUrl(id));
        }, failed =>
        {
            StepMessage = failed.Message;
            return Redirect(ReportUrl(id));
        });
    }
}
