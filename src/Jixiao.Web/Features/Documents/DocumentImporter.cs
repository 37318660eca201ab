using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Import;
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

/// <summary>The outcome of an import: stored, unreadable, or held back by a duplicate.</summary>
/// <param name="DocumentId">The new document's id when stored.</param>
/// <param name="Read">What the reader made of the file.</param>
/// <param name="DuplicateOf">The stored document of the same unit, title and year, when the import was held back.</param>
public sealed record ImportOutcome(int? DocumentId, ReadResult Read, int? DuplicateOf)
{
    /// <summary>The stored document, when there is one.</summary>
    public DocumentRecord? Record { get; init; }
}

/// <summary>
/// Reads an uploaded table, reviews it together with the unit's other stored tables (so a target lowered
/// since last year is found), and stores document, review and diagnostics in one transaction.
/// </summary>
public sealed class DocumentImporter(JixiaoDbContext db, TimeProvider time, IConfiguration configuration)
{
    /// <summary>The reader limits for uploads: the configured size, the reader's defaults otherwise.</summary>
    public ReadOptions Options { get; } = new() { MaxFileBytes = configuration.GetValue("Jixiao:MaxUploadBytes", 20L * 1024 * 1024) };

    /// <summary>Reads, reviews and stores <paramref name="content"/>; nothing is stored unless all of it is.</summary>
    public async Task<ImportOutcome> ImportAsync(byte[] content, string fileName, DuplicateChoice duplicate, CancellationToken cancellationToken)
    {
        var read = TableReader.Read(content, fileName, Options);
        if (read.Document is not { } document)
        {
            return new ImportOutcome(null, read, null);
        }

        var existing = await FindDuplicateAsync(document, cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Ask)
        {
            return new ImportOutcome(null, read, existing);
        }

        var review = await ReviewWithUnitAsync(document, existing is not null && duplicate == DuplicateChoice.Replace ? existing : null, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Replace)
        {
            await db.Documents.Where(d => d.Id == existing).ExecuteDeleteAsync(cancellationToken);
        }

        var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == document.Unit.Name, cancellationToken)
            ?? db.Units.Add(new UnitRecord { Name = document.Unit.Name }).Entity;
        var record = DocumentMapping.ToRecord(document, unit, read.Diagnostics, review, time.GetUtcNow());
        var id = await DocumentStore.AddAsync(db, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(id, read, null) { Record = record };
    }

    /// <summary>The stored document of the same unit, title and year, null when there is none.</summary>
    public Task<int?> FindDuplicateAsync(TargetDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var year = NameKeys.FirstYear(document.Title) ?? NameKeys.FirstYear(document.Source.FileName);
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
        var others = await LoadAsync(db.Documents.Where(d => d.Unit!.Name == document.Unit.Name && d.Id != leaveOut), cancellationToken);
        var report = Reviewer.Review([document, .. others.Select(DocumentMapping.ToDomain)], ReviewSettings.National);
        return report.Documents[0];
    }

    /// <summary>Documents with everything the domain needs (unit, projects, indicators), read without tracking.</summary>
    public static Task<List<DocumentRecord>> LoadAsync(IQueryable<DocumentRecord> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().AsSplitQuery()
            .Include(d => d.Unit)
            .Include(d => d.Projects).ThenInclude(p => p.Indicators)
            .ToListAsync(cancellationToken);
}
