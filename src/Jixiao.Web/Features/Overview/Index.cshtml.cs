namespace Jixiao.Web.Features.Overview;

/// <summary>The home page: what waits for the user (待办), what is stored, funds by source, findings by severity.</summary>
[Access(Access.Read)]
public sealed class IndexModel(OverviewQueries overview, Seasons.SeasonService seasons, CurrentUser user) : PageModel
{
    /// <summary>The list of the tables waiting for the user's decision: the first stage's, or the second's.</summary>
    public string ReviewLink => "/documents?status=" + (user.AwaitingDecision.Count > 0 ? user.AwaitingDecision[0] : WorkState.Submitted).JsonName() + "&sort=unit";

    public int Documents { get; private set; }

    public int Units { get; private set; }

    public int Projects { get; private set; }

    public int Indicators { get; private set; }

    /// <summary>Funds by source over all stored projects, in table order (总计 first).</summary>
    public IReadOnlyList<(string Source, Money Amount)> Funds { get; private set; } = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Infos { get; private set; }

    /// <summary>What waits for the signed-in user.</summary>
    public ToDo ToDo { get; private set; } = new([], [], []);

    /// <summary>How many of each kind wait (the lists show the oldest <see cref="OverviewQueries.MaxListed"/>).</summary>
    public (int Drafts, int Returned, int ToReview) ToDoCounts { get; private set; }

    /// <summary>Deadlines near or past for the user's units whose table is not yet sent.</summary>
    public IReadOnlyList<Seasons.Reminder> Reminders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reminders = await seasons.RemindersAsync(cancellationToken);
        (Documents, Units, Projects, Indicators, Funds, Errors, Warnings, Infos) = await overview.CountAsync(cancellationToken);
        var (toDo, drafts, returned, toReview) = await overview.ToDoAsync(cancellationToken);
        (ToDo, ToDoCounts) = (toDo, (drafts, returned, toReview));
    }
}
