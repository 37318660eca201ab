namespace Jixiao.Web.Features.SelfEvaluation;

/// <summary>Entering a project's year-end actuals and seeing its score, grade and how each score was computed.</summary>
[Access(Access.Read)]
[BindProperties(SupportsGet = true)]
public sealed class SelfEvaluationModel(SelfEvaluationService service, ReportWorkflow reports, CurrentUser user)
    : ReportPageModel<SelfEvaluationView>(reports, user)
{
    public string? Executed { get; set; }

    public string? AdjustedBudget { get; set; }

    public List<ActualInput> Actuals { get; set; } = [];

    protected override int? ReportMonth => null;

    protected override string ReportUrl(int id) => $"/projects/{id}/self-evaluation";

    protected override Task<SelfEvaluationView?> LoadAsync(int id, CancellationToken cancellationToken) => service.LoadAsync(id, cancellationToken);

    protected override Task<Outcome<SelfEvaluationView>> SaveAsync(int id, CancellationToken cancellationToken) =>
        service.SaveAsync(id, new SelfEvaluationInput(Executed, AdjustedBudget, Actuals), cancellationToken);

    protected override bool IsSaved(SelfEvaluationView view) => view.Stored is not null;

    protected override void Fill(SelfEvaluationView view)
    {
        var dto = SelfEvaluationService.ToDto(view);
        (Executed, AdjustedBudget) = (dto.Executed, dto.AdjustedBudget);
        var entered = dto.Actuals.ToDictionary(a => a.Seq);
        Actuals = [.. view.Project.Indicators.Select(i => entered.GetValueOrDefault(i.Seq) ?? new ActualInput(i.Seq, "", "", ""))];
    }
}
