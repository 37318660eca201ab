namespace Jixiao.Web.Features.Projects;

/// <summary>A project's targets beside last year's, lowered and dropped ones marked.</summary>
[Access(Access.Read)]
public sealed class CompareModel(ProjectQueries projects) : PageModel
{
    public YearOnYearView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await projects.YearOnYearAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
