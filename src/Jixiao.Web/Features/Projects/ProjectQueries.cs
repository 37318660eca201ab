
namespace Jixiao.Web.Features.Projects;

/// <summary>Everything a project's page shows.</summary>
/// <param name="Project">The project with its indicators (and their clauses) and findings.</param>
/// <param name="Comments">Review comments on the project and its indicators.</param>
/// <param name="CanEdit">True when the signed-in user may edit the project now.</param>
public sealed record ProjectView(ProjectRecord Project, IReadOnlyList<CommentRecord> Comments, bool CanEdit)
{
    public DocumentRecord Document => Project.Document!;

    public IReadOnlyList<IndicatorRecord> Indicators => [.. Project.Indicators.OrderBy(i => i.Position)];

    /// <summary>Findings about the project as a whole.</summary>
    public IReadOnlyList<FindingRecord> ProjectFindings => [.. Project.Findings.OrderBy(f => f.Id).Where(f => f.IndicatorSeq is null)];

    /// <summary>Findings about one indicator, by its sequence number.</summary>
    public ILookup<int, FindingRecord> IndicatorFindings => Project.Findings.OrderBy(f => f.Id).Where(f => f.IndicatorSeq is not null).ToLookup(f => f.IndicatorSeq!.Value);
}

/// <summary>Reading one stored project for its page and for the API.</summary>
public sealed class ProjectQueries(JixiaoDbContext db, CurrentUser user)
{
    /// <summary>The project's page; null when there is no such project (or it is not visible).</summary>
    public async Task<ProjectView?> ViewAsync(int id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Document).ThenInclude(d => d!.Unit)
            .Include(p => p.Indicators).ThenInclude(i => i.Clauses)
            .Include(p => p.Findings)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var comments = await db.Comments.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new ProjectView(project, comments, user.May(WorkAction.Edit, project.Document!.Status));
    }

    /// <summary>The project as the API serves it (and the edit page fills its form from), null when there is none.</summary>
    public async Task<ProjectDetailDto?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Document).ThenInclude(d => d!.Unit)
            .Include(p => p.Indicators)
            .Include(p => p.Findings)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var unit = Enum.Parse<AmountUnit>(record.Document!.AmountUnit);
        var document = new TargetDocument("", new BudgetUnit(""), unit, new DocumentSource("", SourceFormat.Text));
        document.AddProject(DocumentMapping.ToDomain(record));
        var dto = DocumentJson.ToDto(document, []).Projects[0];
        return new ProjectDetailDto(record.Id, record.DocumentId, record.Document.Unit!.Name, unit == AmountUnit.WanYuan ? "万元" : "元", record.Version,
            record.Name, Amount(record.TotalFen, unit), Amount(record.FiscalFen, unit), Amount(record.SpecialFen, unit), Amount(record.OtherFen, unit),
            record.Goal, record.Score, dto.Indicators,
            [.. record.Findings.OrderBy(f => f.IndicatorSeq ?? 0).ThenBy(f => f.Id).Select(f => new ProjectFindingDto(f.Code, f.Severity, f.IndicatorSeq, f.Message))])
        {
            Attributes = dto.Attributes,
        };
    }

    /// <summary>The stored version of the project; null when there is no such project.</summary>
    public Task<int?> VersionAsync(int id, CancellationToken cancellationToken) =>
        db.Projects.Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>An amount in fen as a number in the table's unit.</summary>
    public static decimal? Amount(long? fen, AmountUnit unit) => fen is null ? null : new Money(fen.Value).To(unit);
}
