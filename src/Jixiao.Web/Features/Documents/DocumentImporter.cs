using Jixiao.Import;

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

/// <summary>What an import or a preview gives back.</summary>
/// <param name="Read">What the reader made of the file.</param>
public sealed record Imported(ReadResult Read)
{
    /// <summary>The new table's id once stored; null for a preview.</summary>
    public int? Id { get; init; }

    /// <summary>For a preview: the table's review with the unit's other stored tables.</summary>
    public DocumentReview? Review { get; init; }

    /// <summary>For a preview: the file's bytes, to be held until the user confirms.</summary>
    public byte[]? Content { get; init; }

    /// <summary>For a preview: the stored table of the same unit, title and year, when there is one.</summary>
    public int? DuplicateOf { get; init; }

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
    SelfEvaluation.SelfEvaluationImport selfEvaluations, UnitReview reviews)
{
    /// <summary>The reader limits for uploads.</summary>
    public ReadOptions Options => settings.Options;

    /// <summary>The <c>Retry-After</c> value for an upload turned away, in seconds.</summary>
    public string RetryAfter => settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads, reviews and stores the table in <paramref name="content"/>; nothing is stored unless all of
    /// it is. Not done when the server is busy, the file unreadable (invalid, with the reader's
    /// diagnostics), the table not the user's to store (refused) or already stored (conflict); every
    /// refusal is recorded in the audit trail here, whichever door the upload came through.
    /// </summary>
    public async Task<Outcome<Imported>> ImportAsync(Stream content, string fileName, DuplicateChoice duplicate, CancellationToken cancellationToken, int? year = null, string? importKey = null)
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

        return await StoreAsync(read, fileName, duplicate, importKey, cancellationToken);
    }

    /// <summary>The key a retried upload of <paramref name="clientKey"/> by this user is stored under.</summary>
    public string ImportKeyOf(string clientKey) => $"{user.Id}:{clientKey}";

    /// <summary>The table already stored under <paramref name="importKey"/> with its project and indicator counts; null when none is.</summary>
    public async Task<(int Id, int Projects, int Indicators)?> StoredUnderAsync(string importKey, CancellationToken cancellationToken)
    {
        var found = await db.Documents.AsNoTracking().Where(d => d.ImportKey == importKey)
            .Select(d => new { d.Id, Projects = d.Projects.Count, Indicators = d.Projects.Sum(p => p.Indicators.Count) })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Projects, found.Indicators);
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

    /// <summary>Reads and reviews the table in <paramref name="content"/> without storing anything, for the import page's preview; not done as for <see cref="ImportAsync"/>.</summary>
    public async Task<Outcome<Imported>> PreviewAsync(Stream content, string fileName, CancellationToken cancellationToken)
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
            return await UnreadableAsync(read, fileName);
        }

        var (unit, refusal) = await UnitForAsync(document.Unit.Name, cancellationToken);
        if (refusal is not null)
        {
            return await RefusedAsync(read, fileName, refusal);
        }

        return Outcome<Imported>.Done(new Imported(read)
        {
            Review = (await reviews.ReviewAsync(document, unit?.Id, null, cancellationToken)).Report.Documents[0],
            Content = bytes,
            DuplicateOf = await FindDuplicateAsync(document, cancellationToken),
        });
    }

    /// <summary>Records an upload refused before it was read (too large, not a form upload) and gives the reason back.</summary>
    public async Task<string> RefuseUploadAsync(string reason)
    {
        await audit.SecurityAsync("upload.refused", $"上传被拒绝：{reason}");
        return reason;
    }

    /// <summary>The Chinese reason for a file over the upload limit, recorded.</summary>
    public Task<string> TooLargeAsync() => RefuseUploadAsync($"文件超过上传上限 {Shared.Display.Size(Options.MaxFileBytes)}，未保存。");

    private async Task<Outcome<Imported>> BusyAsync(string fileName)
    {
        await audit.SecurityAsync("upload.busy", $"导入「{fileName}」被推迟：同时导入的文件已达上限 {settings.MaxConcurrent} 个");
        return Outcome<Imported>.Busy(settings.BusyMessage);
    }

    /// <summary>A file the reader could not make a table of: invalid, with the reader's diagnostics; recorded.</summary>
    private async Task<Outcome<Imported>> UnreadableAsync(ReadResult read, string fileName)
    {
        var reason = "无法读取该文件：" + (read.FatalError?.Message ?? "无法读取文件。");
        await audit.SecurityAsync("upload.refused", $"「{fileName}」{reason}");
        return Outcome<Imported>.Invalid(reason).With(Diagnostics(read)).Showing(new Imported(read));
    }

    /// <summary>
    /// A table the user may not store: refused when it is another unit's (or a table that can no longer
    /// be replaced), invalid when it names no unit at all; recorded either way.
    /// </summary>
    private async Task<Outcome<Imported>> RefusedAsync(ReadResult read, string fileName, string reason)
    {
        await audit.SecurityAsync("upload.refused", $"「{fileName}」未保存：{reason}");
        return read.Document is { } document && NoUnit(document)
            ? Outcome<Imported>.Invalid(reason).With(Diagnostics(read)).Showing(new Imported(read))
            : Outcome<Imported>.Refused(reason);
    }

    private static Dictionary<string, object?> Diagnostics(ReadResult read) => new() { ["diagnostics"] = read.ToJson().Diagnostics };

    private async Task<Outcome<Imported>> StoreAsync(ReadResult read, string fileName, DuplicateChoice duplicate, string? importKey, CancellationToken cancellationToken)
    {
        if (read.Document is not { } document)
        {
            return await UnreadableAsync(read, fileName);
        }

        var (unit, refusal) = await UnitForAsync(document.Unit.Name, cancellationToken);
        if (refusal is not null)
        {
            return await RefusedAsync(read, fileName, refusal);
        }

        if (DocumentMapping.YearOf(document) is null)
        {
            // Without a year a table cannot be told from another year's, nor compared with the year before.
            return Outcome<Imported>.Invalid(new Dictionary<string, string[]>
            {
                ["year"] = [$"文件的标题和文件名中都没有写明预算年度，未保存。请填写预算年度（{MinYear}–{MaxYear}）后再导入。"],
            }).Showing(new Imported(read));
        }

        var existing = await FindDuplicateAsync(document, cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Ask)
        {
            return Outcome<Imported>.Conflict(
                $"已保存的第 {existing} 号表与此表的单位、标题和年度相同。请选择替换（duplicate=replace）或保留两份（duplicate=keep）。",
                new Dictionary<string, object?> { ["existingId"] = existing });
        }

        if (existing is not null && duplicate == DuplicateChoice.Replace
            && await db.Documents.Where(d => d.Id == existing).Select(d => d.Status).FirstAsync(cancellationToken) is var state && !user.May(WorkAction.Delete, state))
        {
            return await RefusedAsync(read, fileName, $"已保存的第 {existing} 号表为「{state.Chinese()}」，不能替换。已批复的表请用「调整」修改；已送审的表请等待审核。");
        }

        var (report, rules) = await reviews.ReviewAsync(document, unit?.Id, existing is not null && duplicate == DuplicateChoice.Replace ? existing : null, cancellationToken);
        var review = report.Documents[0];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is not null && duplicate == DuplicateChoice.Replace)
        {
            await db.Documents.Where(d => d.Id == existing).ExecuteDeleteAsync(cancellationToken);
        }

        unit ??= db.Units.Add(new UnitRecord { Name = document.Unit.Name }).Entity;
        var header = DocumentMapping.ToHeader(document, unit, read.Diagnostics, review, time.GetUtcNow());
        header.RulesDigest = rules.Digest;
        header.ImportKey = importKey;
        var id = await DocumentStore.AddAsync(db, header, review.Projects.Select(DocumentMapping.ToRecord), cancellationToken);
        audit.Change(existing is not null && duplicate == DuplicateChoice.Replace ? "document.replace" : "document.import",
            $"导入「{fileName}」：{document.Projects.Count} 个项目、{document.IndicatorCount} 个指标"
            + (existing is not null && duplicate == DuplicateChoice.Replace ? $"，替换第 {existing} 号表" : ""),
            header.UnitId, id);
        await db.SaveChangesAsync(cancellationToken);
        var notes = await selfEvaluations.AttachAsync(document, id, header.UnitId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Imported>.Done(new Imported(read) { Id = id, Notes = notes });
    }

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
            return unit is null || unit.Kind == UnitKinds.Unit ? (unit, null) : (null, $"「{name}」在单位树中是{Jixiao.Data.Accounts.KindName(unit.Kind)}，不是预算单位，未保存。");
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
}
