namespace Jixiao.Web.Features.Workflow;

/// <summary>A project's name and table with its history.</summary>
public sealed record ProjectHistory(int ProjectId, string Name, int DocumentId, IReadOnlyList<HistoryDto> Lines);

/// <summary>The history of a table or a project (its workflow steps and other changes), for the pages and the API.</summary>
public sealed class WorkflowHistory(JixiaoDbContext db)
{
    /// <summary>The table's history, oldest first; null when there is no such table (or it is not visible).</summary>
    public async Task<List<HistoryDto>?> OfDocumentAsync(int id, bool stepsOnly, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var query = db.Audit.Where(a => a.DocumentId == id && a.Kind == "change");
        return await LinesAsync(stepsOnly ? query.Where(a => a.ProjectId == null) : query, cancellationToken);
    }

    /// <summary>A project's own changes and its table's steps (which carry no project); null when there is no such project.</summary>
    public async Task<ProjectHistory?> OfProjectAsync(int id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.DocumentId }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }

        var lines = await LinesAsync(
            db.Audit.Where(a => a.Kind == "change" && (a.ProjectId == id || (a.DocumentId == project.DocumentId && a.ProjectId == null))), cancellationToken);
        return new ProjectHistory(id, project.Name, project.DocumentId, lines);
    }

    /// <summary>The lines in order, each naming its author by their name (姓名) rather than their sign-in name.</summary>
    private Task<List<HistoryDto>> LinesAsync(IQueryable<AuditRecord> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new HistoryDto(a.Id, a.At, a.Action,
                a.UserId == null ? (a.UserName == "system" ? "系统" : a.UserName) : db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? a.UserName,
                a.Address, a.Summary, a.Before, a.After))
            .ToListAsync(cancellationToken);
}
