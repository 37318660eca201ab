namespace Jixiao.Web.Features.Seasons;

/// <summary>The budget years opened, with their deadlines; 财政 opens a year (or changes its deadlines) here.</summary>
[Access(Access.Read)]
public sealed class IndexModel(SeasonService seasons, CurrentUser user) : PageModel
{
    public IReadOnlyList<SeasonDto> Seasons { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Regions { get; private set; } = [];

    public bool MayOpen => AccessRules.RoleHas(user.Role, Access.Season);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty]
    public SeasonRequest Form { get; set; } = new(DateTime.Now.Year + 1, null, null, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    [Access(Access.Season)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await seasons.OpenAsync(Form, cancellationToken);
        if (!outcome.IsDone)
        {
            Errors = outcome.Errors;
            await LoadAsync(cancellationToken);
        }

        return outcome.ToPage(this, opened => Redirect($"/seasons/{opened.Year}"), _ => Page());
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Seasons = await seasons.ListAsync(cancellationToken);
        Regions = await seasons.RegionsAsync(cancellationToken);
    }
}
