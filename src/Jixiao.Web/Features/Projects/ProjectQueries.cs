
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

/// <summary>A project beside the same project of the unit's table the year before.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Rows">This year's indicators with last year's beside them, then last year's that are gone.</param>
/// <param name="Year">This table's budget year.</param>
/// <param name="EarlierYear">The earlier table's year; null when the unit has no earlier table with this project.</param>
/// <param name="EarlierProjectId">The earlier project, to link to.</param>
public sealed record YearOnYearView(int ProjectId, string Name, string Unit, int? Year, int? EarlierYear, int? EarlierProjectId, IReadOnlyList<YearRow> Rows);

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

    /// <summary>
    /// The project beside the same project (by name, as the review matches it) in the unit's latest table of
    /// an earlier year; null when there is no such project.
    /// </summary>
    public async Task<YearOnYearView?> YearOnYearAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().Include(p => p.Document).ThenInclude(d => d!.Unit).Include(p => p.Indicators)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record?.Document is not { } document)
        {
            return null;
        }

        var current = DocumentMapping.ToDomain(record);
        var key = NameKeys.Key(current.Name);
        var candidates = document.Year is { } year
            ? await db.Projects.AsNoTracking().Include(p => p.Indicators).Include(p => p.Document)
                .Where(p => p.Document!.UnitId == document.UnitId && p.Document.Year < year)
                .OrderByDescending(p => p.Document!.Year).ThenByDescending(p => p.DocumentId).Take(2000).ToListAsync(cancellationToken)
            : [];
        var earlier = candidates.FirstOrDefault(p => NameKeys.Key(p.Name) == key);
        return new YearOnYearView(id, record.Name, document.Unit!.Name, document.Year, earlier?.Document!.Year, earlier?.Id,
            earlier is null ? [] : YearOnYear.Compare(DocumentMapping.ToDomain(earlier), current));
    }

    /// <summary>The stored version of the project; null when there is no such project.</summary>
    public Task<int?> VersionAsync(int id, CancellationToken cancellationToken) =>
        db.Projects.Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>An amount in fen as a number in the table's unit.</summary>
    public static decimal? Amount(long? fen, AmountUnit unit) => fen is null ? null : new Money(fen.Value).To(unit);
}
