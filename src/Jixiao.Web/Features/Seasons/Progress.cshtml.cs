namespace Jixiao.Web.Features.Seasons;

/// <summary>A year's progress over the units the user sees: who has sent, who is late, quality score and open errors.</summary>
[Access(Access.Read)]
public sealed class ProgressModel(SeasonService seasons) : PageModel
{
    public SeasonProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 1990 or > 2100)
        {
            return NotFound();
        }

        Progress = await seasons.ProgressAsync(year, cancellationToken);
        return Page();
    }
}
