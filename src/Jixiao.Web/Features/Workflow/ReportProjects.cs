using Jixiao.Web.Features.Documents;

namespace Jixiao.Web.Features.Workflow;

/// <summary>The project a report (self-evaluation or monitoring) is about: its record, as the domain reads it, its table's amount unit and its region's rules.</summary>
public sealed record ReportProject(ProjectRecord Record, Project Project, AmountUnit Unit, ReviewSettings Rules);

/// <summary>What the self-evaluation and monitoring services share: the project a report is about, and whether it may be changed now.</summary>
public sealed class ReportProjects(JixiaoDbContext db, ReportWorkflow reports, UnitReview reviews)
{
    /// <summary>The project with its table, unit and indicators; null when there is none (or it is not visible).</summary>
    public async Task<ReportProject?> LoadAsync(int projectId, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().Include(p => p.Document).ThenInclude(d => d!.Unit).Include(p => p.Indicators)
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var rules = await reviews.RulesForAsync(record.Document!.UnitId, cancellationToken);
        return new ReportProject(record, DocumentMapping.ToDomain(record), Enum.Parse<AmountUnit>(record.Document.AmountUnit), rules.Settings);
    }

    /// <summary>
    /// Whether the report may be changed now and its figures are valid: the refusal (audited) when the
    /// report's state or the user's role does not allow it; the errors of <paramref name="errors"/>, keyed by
    /// <paramref name="field"/>, when there are any; done otherwise.
    /// </summary>
    public async Task<Outcome<T>?> RefusalAsync<T>(int projectId, int? month, string field, IReadOnlyCollection<string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var editable = await reports.CheckEditAsync(projectId, month, cancellationToken);
        if (!editable.IsDone)
        {
            return editable.As<T>();
        }

        return errors.Count > 0 ? Outcome<T>.Invalid(new Dictionary<string, string[]> { [field] = [.. errors] }) : null;
    }
}
