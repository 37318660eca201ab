using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Import;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Documents;

/// <summary>What to do when a table of the same unit, title and year is already stored.</summary>
public enum DuplicateChoice
{
    /// <summary>Store nothing and report the conflict, so the user can choose.</summary>
    Ask,

    /// <summary>Delete the stored table and store the new one, in one transaction.</summary>
    Replace,

    /// <summary>Store the new table beside the old one.</summary>
    Keep,
}

/// <summary>The outcome of an import or a preview: stored (or previewed), unreadable, turned away, or held back by a duplicate.</summary>
/// <param name="DocumentId">The new document's id when stored.</param>
/// <param name="Read">What the reader made of the file; null when the upload was turned away before it was read.</param>
/// <param name="DuplicateOf">The stored document of the same unit, title and year, when there is one.</param>
public sealed record ImportOutcome(int? DocumentId, ReadResult? Read, int? DuplicateOf)
{
    /// <summary>Why the user may not store this table (another unit's, or a duplicate that can no longer be replaced), in Chinese.</summary>
    public string? Refusal { get; init; }

    /// <summary>True when the refusal is about the table itself (it names no unit) rather than the user's rights.</summary>
    public bool RefusedForContent { get; init; }

    /// <summary>Why the upload was turned away before it was read (too many imports at once), in Chinese.</summary>
    public string? Busy { get; init; }

    /// <summary>For a preview: the table's review with the unit's other stored tables.</summary>
    public DocumentReview? Review { get; init; }

    /// <summary>For a preview: the file's bytes, to be held until the user confirms.</summary>
    public byte[]? Content { get; init; }

    /// <summary>What storing the table did besides (a self-evaluation form's reports attached to their projects), in Chinese.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Reads an uploaded table, reviews it together with the unit's other stored tables (so a target lowered
/// since last year is found), and stores document, review and diagnostics in one transaction. Every
/// upload, previewed or stored, through the page or the API, takes a turn at the <see cref="ImportGate"/>
/// before its bytes are read into memory, and is read within <see cref="ImportSettings.Options"/>.
/// </summary>
public sealed class DocumentImporter(JixiaoDbContext db, TimeProvider time, ImportSettings settings, ImportGate gate, CurrentUser user, AuditLog audit,
    SelfEvaluation.SelfEvaluationImport selfEvaluations)
{
    /// <summary>The reader limits for uploads.</summary>
    public ReadOptions Options => settings.Options;

    /// <summary>The <c>Retry-After</c> value for an upload turned away, in seconds.</summary>
    public string RetryAfter => settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads, reviews and stores the table in <paramref name="content"/>; nothing is stored unless all of it is.</summary>
    public async Task<ImportOutcome> ImportAsync(Stream content, string fileName, DuplicateChoice duplicate, CancellationToken cancellationToken, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var turn = await gate.EnterAsync(cancellationToken);
        if (turn is null)
        {
            return await BusyAsync(fileName);
        }

        var read = TableReader.Read(await ReadAllAsync(content, cancellationToken), fileName, Options);
        if (read.Document is { } document && DocumentMapping.YearOf(document) is null && year is >= MinYear and <= MaxYear)
        {
            // The file does not say its year; the user did.
            document.Year = year;
        }

        return await StoreAsync(read, fileName, duplicate, cancellationToken);
    }

    /// <summary>The stream's bytes; a stream longer than the upload limit is cut one byte past it, which the reader then refuses as too large.</summary>
    private async Task<byte[]> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length, Options.MaxFileBytes + 1) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var room = Options.MaxFileBytes + 1 - buffer.Length;
            buffer.Write(chunk, 0, (int)Math.Min(read, room));
            if (buffer.Length > Options.MaxFileBytes)
            {
                break;
            }
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>The earliest and latest budget year a user may give.</summary>
    public const int MinYear = 1990;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    /// <summary>Reads and reviews the table in <paramref name="content"/> without storing anything, for the import page's preview.</summary>
    public async Task<ImportOutcome> PreviewAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var turn = await gate.EnterAsync(cancellationToken);
        if (turn is null)
        {
            return await BusyAsync(fileName);
        }

        var bytes = await ReadAllAsync(content, cancellationToken);
        var read = TableReader.Read(bytes, fileName, Options);
        if (read.Document is not { } document)
        {
            return new ImportOutcome(null, read, null);
        }

        if (await RefusalAsync(document.Unit.Name, cancellationToken) is { } refusal)
        {
            return new ImportOutcome(null, read, null) { Refusal = refusal, RefusedForContent = NoUnit(document) };
        }

        return new ImportOutcome(null, read, await FindDuplicateAsync(document, cancellationToken))
        {
            Review = await ReviewWithUnitAsync(document, null, cancellationToken),
            Content = bytes,
        };
    }

    private async Task<ImportOutcome> BusyAsync(string fileName)
    {
        await audit.SecurityAsync("upload.busy", $"导入「{fileName}」被推迟：同时导入的文件已达上限 {settings.MaxConcurrent} 个");
        return new ImportOutcome(null, null, null) { Busy = settings.BusyMessage };
    }

    private async Task<ImportOutcome> StoreAsync(ReadResult read, string fileName, DuplicateChoice duplicate, CancellationToken cancellationToken)
    {
        if (read.Document is not { } document)
        {
            return new ImportOutcome(null, read, null);
        }

        var (unit, refusal) = await UnitForAsync(document.Unit.Name, cancellationToken);
        if (refusal is not null)
        {
            return new ImportOutcome(null, read, null) { Refusal = refusal, RefusedForContent = NoUnit(document) };
        }

        var existing = await FindDuplicateAsync(document, cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Ask)
        {
            return new ImportOutcome(null, read, existing);
        }

        if (existing is not null && duplicate == DuplicateChoice.Replace
            && await db.Documents.Where(d => d.Id == existing).Select(d => d.Status).FirstAsync(cancellationToken) is var state && !user.May(WorkAction.Delete, state))
        {
            return new ImportOutcome(null, read, null)
            {
                Refusal = $"已保存的第 {existing} 号表为「{WorkState.Chinese(state)}」，不能替换。已批复的表请用「调整」修改；已送审的表请等待审核。",
            };
        }

        var review = await ReviewWithUnitAsync(document, existing is not null && duplicate == DuplicateChoice.Replace ? existing : null, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Replace)
        {
            await db.Documents.Where(d => d.Id == existing).ExecuteDeleteAsync(cancellationToken);
        }

        unit ??= db.Units.Add(new UnitRecord { Name = document.Unit.Name }).Entity;
        var header = DocumentMapping.ToHeader(document, unit, read.Diagnostics, review, time.GetUtcNow());
        var id = await DocumentStore.AddAsync(db, header, review.Projects.Select(DocumentMapping.ToRecord), cancellationToken);
        audit.Change(existing is not null && duplicate == DuplicateChoice.Replace ? "document.replace" : "document.import",
            $"导入「{fileName}」：{document.Projects.Count} 个项目、{document.IndicatorCount} 个指标"
            + (existing is not null && duplicate == DuplicateChoice.Replace ? $"，替换第 {existing} 号表" : ""),
            header.UnitId, id);
        await db.SaveChangesAsync(cancellationToken);
        var notes = await selfEvaluations.AttachAsync(document, id, header.UnitId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(id, read, null) { Notes = notes };
    }

    /// <summary>Why the signed-in user may not store a table of <paramref name="unitName"/>; null when they may.</summary>
    public async Task<string?> RefusalAsync(string unitName, CancellationToken cancellationToken) =>
        (await UnitForAsync(unitName, cancellationToken)).Refusal;

    /// <summary>
    /// The stored unit a table is filed under, by the 单位名称 it prints. An administrator (or the system)
    /// may file any unit, and a unit not yet in the tree is added at its top; anyone else only a unit
    /// assigned to them. Null unit and no refusal: a new unit is to be added.
    /// </summary>
    private static bool NoUnit(TargetDocument document) => string.IsNullOrWhiteSpace(document.Unit.Name);

    private async Task<(UnitRecord? Unit, string? Refusal)> UnitForAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "表中没有写明单位（单位名称、实施单位或主管部门），无法确定这张表属于哪个单位，未保存。请在表中填写单位名称后再导入。");
        }

        var unit = await db.Units.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user.AllUnits)
        {
            return unit is null || unit.Kind == UnitKinds.Unit ? (unit, null) : (null, $"「{name}」在单位树中是{Accounts.KindName(unit.Kind)}，不是预算单位，未保存。");
        }

        if (unit is not null && unit.Kind == UnitKinds.Unit && user.Sees(unit.Id) && WorkflowRules.RoleMay(user.Role, WorkAction.Edit))
        {
            return (unit, null);
        }

        var own = await db.Units.Where(u => u.Kind == UnitKinds.Unit).Select(u => u.Name).ToListAsync(cancellationToken);
        return (null, "表中的单位不是您负责填报的单位" + (own.Count > 0 ? $"（您负责：{string.Join("、", own)}）" : "") + "，未保存。");
    }

    /// <summary>The stored document of the same unit, title and year, null when there is none.</summary>
    public Task<int?> FindDuplicateAsync(TargetDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var year = DocumentMapping.YearOf(document);
        return db.Documents
            .Where(d => d.Unit!.Name == document.Unit.Name && d.Title == document.Title && d.Year == year)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Reviews <paramref name="document"/> together with the unit's stored tables (less one being
    /// replaced) and returns its own review.
    /// </summary>
    public async Task<DocumentReview> ReviewWithUnitAsync(TargetDocument document, int? leaveOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var others = await UnitContextAsync(db.Documents.Where(d => d.Unit!.Name == document.Unit.Name && d.Id != leaveOut), cancellationToken);
        return Reviewer.Review([document, .. others], ReviewSettings.National).Documents[0];
    }

    /// <summary>
    /// The stored tables a table is reviewed with (its unit's others, from <paramref name="candidates"/>):
    /// the latest years first, as many as fit in one upload's project limit, so the memory of a review
    /// stays bounded however many years a unit has stored. The year-on-year rules need the nearest years.
    /// </summary>
    public async Task<List<TargetDocument>> UnitContextAsync(IQueryable<DocumentRecord> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var sizes = await candidates
            .OrderByDescending(d => d.Year ?? 0).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, Projects = d.Projects.Count })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var chosen = new List<int>();
        var budget = Options.MaxProjects;
        foreach (var size in sizes)
        {
            if (size.Projects <= budget)
            {
                chosen.Add(size.Id);
                budget -= size.Projects;
            }
        }

        // Only the domain documents are kept: the records they were read from are let go at once.
        return [.. (await LoadAsync(db.Documents.Where(d => chosen.Contains(d.Id)), cancellationToken)).Select(DocumentMapping.ToDomain)];
    }

    /// <summary>Documents with everything the domain needs (unit, projects, indicators), read without tracking.</summary>
    public static Task<List<DocumentRecord>> LoadAsync(IQueryable<DocumentRecord> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().AsSplitQuery()
            .Include(d => d.Unit)
            .Include(d => d.Projects).ThenInclude(p => p.Indicators)
            .ToListAsync(cancellationToken);
}
