namespace Jixiao.Web.Features.Overview;

/// <summary>What the overview counts over the tables the user sees.</summary>
/// <param name="Documents">Tables.</param>
/// <param name="Units">Units in the tree.</param>
/// <param name="Projects">Projects.</param>
/// <param name="Indicators">Indicators.</param>
/// <param name="Funds">Funds by source over all visible projects, in table order (总计 first).</param>
/// <param name="Errors">Findings of error severity.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Infos">Infos.</param>
public sealed record OverviewCounts(int Documents, int Units, int Projects, int Indicators, IReadOnlyList<(string Source, Money Amount)> Funds,
    int Errors, int Warnings, int Infos);

/// <summary>A table waiting for someone: the officer (a draft, a returned table) or the reviewer (a submitted one).</summary>
/// <param name="DocumentId">The table.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Title">Its title.</param>
/// <param name="Year">Its budget year.</param>
/// <param name="State">Its state.</param>
/// <param name="Errors">Review errors open.</param>
/// <param name="Since">When it came into its state (the last step); its import for a draft never sent.</param>
/// <param name="Comments">For a returned table: the comments of the return on its current version.</param>
public sealed record ToDoItem(int DocumentId, string Unit, string Title, int? Year, WorkState State, DateTimeOffset Since, int Errors, int Comments);

/// <summary>What waits for the signed-in user, by kind, oldest first.</summary>
/// <param name="Drafts">Tables the user fills in that are not yet sent.</param>
/// <param name="Returned">Tables returned to the user, with the reviewers' comments.</param>
/// <param name="ToReview">Tables sent for review that the user may decide.</param>
public sealed record ToDo(IReadOnlyList<ToDoItem> Drafts, IReadOnlyList<ToDoItem> Returned, IReadOnlyList<ToDoItem> ToReview)
{
    public int Count => Drafts.Count + Returned.Count + ToReview.Count;
}

/// <summary>The overview's counts and the signed-in user's to-do list.</summary>
public sealed class OverviewQueries(JixiaoDbContext db, CurrentUser user)
{
    /// <summary>The most items of one kind listed; the count says how many there are.</summary>
    public const int MaxListed = 50;

    /// <summary>What waits for the user: for a filler their drafts and returned tables, for a reviewer the tables sent for review.</summary>
    public async Task<(ToDo ToDo, int Drafts, int Returned, int ToReview)> ToDoAsync(CancellationToken cancellationToken)
    {
        async Task<(List<ToDoItem> Items, int Count)> ListAsync(WorkState state, string step, CancellationToken ct)
        {
            var query = db.Documents.AsNoTracking().Where(d => d.Status == state);
            var count = await query.CountAsync(ct);
            var rows = await query
                .Select(d => new
                {
                    d.Id, Unit = d.Unit!.Name, d.Title, d.Year, d.ImportedAt, d.ErrorCount, d.VersionNumber,
                    Since = db.Audit.Where(a => a.DocumentId == d.Id && a.Action == step).OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefault(),
                    Comments = db.Comments.Count(c => c.DocumentId == d.Id && c.Version == d.VersionNumber && c.Subject == "targets"),
                })
                .OrderBy(d => d.Id).Take(MaxListed * 4)
                .ToListAsync(ct);
            var items = rows.Select(d => new ToDoItem(d.Id, d.Unit, d.Title, d.Year, state, d.Since ?? d.ImportedAt, d.ErrorCount, state == WorkState.Returned ? d.Comments : 0))
                .OrderBy(i => i.Since).Take(MaxListed).ToList();
            return (items, count);
        }

        var empty = (Items: new List<ToDoItem>(), Count: 0);
        var drafts = user.May(WorkAction.Submit, WorkState.Draft) ? await ListAsync(WorkState.Draft, "document.adjust", cancellationToken) : empty;
        var returned = user.May(WorkAction.Submit, WorkState.Returned) ? await ListAsync(WorkState.Returned, "document.return", cancellationToken) : empty;
        var review = empty;
        foreach (var state in user.AwaitingDecision)
        {
            // A table waits for the first stage since it was sent, for the second since the first passed it on.
            var stage = await ListAsync(state, state == WorkState.Endorsed ? "document.approve" : "document.submit", cancellationToken);
            review = ([.. review.Items.Concat(stage.Items).OrderBy(i => i.Since).Take(MaxListed)], review.Count + stage.Count);
        }

        return (new ToDo(drafts.Items, returned.Items, review.Items), drafts.Count, returned.Count, review.Count);
    }

    public async Task<OverviewCounts> CountAsync(CancellationToken cancellationToken)
    {
        var documents = await db.Documents.CountAsync(cancellationToken);
        var units = await db.Units.CountAsync(cancellationToken);
        var projects = await db.Projects.CountAsync(cancellationToken);
        var indicators = await db.Indicators.CountAsync(cancellationToken);

        // Sums over integer fen; SQLite sums 64-bit integers exactly.
        var total = await db.Projects.SumAsync(p => p.TotalFen ?? 0, cancellationToken);
        var fiscal = await db.Projects.SumAsync(p => p.FiscalFen ?? 0, cancellationToken);
        var special = await db.Projects.SumAsync(p => p.SpecialFen ?? 0, cancellationToken);
        var other = await db.Projects.SumAsync(p => p.OtherFen ?? 0, cancellationToken);

        var bySeverity = await db.Findings.GroupBy(f => f.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(string severity) => bySeverity.FirstOrDefault(g => g.Key == severity)?.Count ?? 0;
        return new OverviewCounts(documents, units, projects, indicators,
            [("总计", new Money(total)), ("财政拨款", new Money(fiscal)), ("财政专户拨款", new Money(special)), ("其他资金", new Money(other))],
            Count("error"), Count("warning"), Count("info"));
    }
}
