namespace Jixiao.Web.Features.SelfEvaluation;

/// <summary>The 项目支出绩效自评表 of a project for printing (A4 landscape).</summary>
[Access(Access.Read)]
public sealed class PrintModel(SelfEvaluationService service) : PageModel
{
    public SelfEvaluationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await service.LoadAsync(id, cancellationToken) is not { Score: not null } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
