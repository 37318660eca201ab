using Jixiao.Web.Infrastructure;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Seasons;

/// <summary>A season as listed: the year, the region it is for (null for every unit) and its deadlines.</summary>
public sealed record SeasonDto(int Id, int Year, int? RegionId, string? Region, DateOnly TargetsDue, DateOnly? MonitoringDue, DateOnly? SelfEvaluationDue, string OpenedBy);

/// <summary>A season to open (or to change).</summary>
public sealed record SeasonRequest(int Year, int? RegionId, DateOnly? TargetsDue, DateOnly? MonitoringDue, DateOnly? SelfEvaluationDue);

/// <summary>
/// Where one unit stands in a year's season: its table for the year (the furthest along; null when it has
/// none) with its state, quality score and errors, the deadline of the unit's season, and whether it is late
/// (the deadline passed and the table not sent, or no table at all).
/// </summary>
public sealed record UnitProgress(int UnitId, string Unit, string? Department, int? DocumentId, WorkState? State, decimal? Score, int? Errors, DateOnly? Due, bool Late)
{
    /// <summary>The last day of the unit's monitoring reports, null when not set.</summary>
    public DateOnly? MonitoringDue { get; init; }

    /// <summary>Of an approved table: how many projects it has, how many have sent a monitoring report, how many their self-evaluation; null before approval.</summary>
    public ReportProgress? Reports { get; init; }

    /// <summary>The last day of the unit's self-evaluations, null when not set.</summary>
    public DateOnly? SelfEvaluationDue { get; init; }
}

/// <summary>The reports of an approved table's projects: sent (or approved) of all.</summary>
public sealed record ReportProgress(int Projects, int Monitored, int Evaluated);

/// <summary>A year's progress over the visible units, with the counts by where they stand.</summary>
public sealed record SeasonProgress(int Year, IReadOnlyList<UnitProgress> Units)
{
    /// <summary>True when the year has been opened (has a season with deadlines).</summary>
    public bool Opened => Units.Any(u => u.Due is not null);

    public int Approved => Units.Count(u => u.State == WorkState.Approved);

    public int Submitted => Units.Count(u => u.State is WorkState.Submitted or WorkState.Endorsed);

    public int NotSubmitted => Units.Count(u => u.State is null or WorkState.Draft or WorkState.Returned);

    public int Late => Units.Count(u => u.Late);
}

/// <summary>A deadline near or past for a unit that has not sent its table.</summary>
public sealed record Reminder(int Year, string Unit, DateOnly Due, int DaysLeft, int? DocumentId)
{
    /// <summary>What is due: 绩效目标 (the table to be sent), 运行监控 or 绩效自评 (the projects' reports).</summary>
    public string What { get; init; } = "绩效目标";

    /// <summary>For reports: how many projects still have none sent.</summary>
    public int Pending { get; init; }
}

/// <summary>
/// The seasons of the budget years (填报季): 财政 opens a year with the deadline for the targets and the
/// monitoring and self-evaluation windows, for every unit or one region where it differs; the progress of
/// the year over the unit tree; reminders for the units whose deadline nears.
/// </summary>
public sealed class SeasonService(JixiaoDbContext db, CurrentUser user, AuditLog audit, TimeProvider time, LocalTime local, Documents.DocumentQueries documents)
{
    /// <summary>How many days before the deadline a unit that has not sent its table is reminded.</summary>
    public const int RemindDays = 14;

    /// <summary>Today in the zone the pages show.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), local.Zone).DateTime);

    public async Task<List<SeasonDto>> ListAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Kind == UnitKinds.Region).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var seasons = await db.Seasons.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.RegionId).ToListAsync(cancellationToken);
        return [.. seasons.Select(s => new SeasonDto(s.Id, s.Year, s.RegionId, s.RegionId is { } r ? regions.GetValueOrDefault(r) : null,
            s.TargetsDue, s.MonitoringDue, s.SelfEvaluationDue, s.OpenedBy))];
    }

    /// <summary>The regions of the unit tree, for choosing the one a season is for.</summary>
    public async Task<List<(int Id, string Name)>> RegionsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Kind == UnitKinds.Region).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Name))];

    /// <summary>Opens the year (or changes its deadlines) for every unit, or for one region; audited.</summary>
    public async Task<Outcome<SeasonDto>> OpenAsync(SeasonRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Year is < 1990 or > 2100)
        {
            errors["year"] = ["预算年度应在 1990–2100 之间。"];
        }

        if (request.TargetsDue is null)
        {
            errors["targetsDue"] = ["请填写绩效目标送审的截止日期。"];
        }

        string? region = null;
        if (request.RegionId is { } regionId)
        {
            region = await db.Units.IgnoreQueryFilters().Where(u => u.Id == regionId && u.Kind == UnitKinds.Region).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
            if (region is null)
            {
                errors["regionId"] = ["所选的不是单位树中的地区。"];
            }
        }

        foreach (var (field, date, name) in new[] { ("monitoringDue", request.MonitoringDue, "运行监控"), ("selfEvaluationDue", request.SelfEvaluationDue, "绩效自评") })
        {
            if (date is { } d && request.TargetsDue is { } due && d < due)
            {
                errors[field] = [$"{name}的截止日期不应早于绩效目标送审的截止日期。"];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<SeasonDto>.Invalid(errors);
        }

        var season = await db.Seasons.FirstOrDefaultAsync(s => s.Year == request.Year && s.RegionId == request.RegionId, cancellationToken);
        var before = season is null ? null : new { season.TargetsDue, season.MonitoringDue, season.SelfEvaluationDue };
        season ??= db.Seasons.Add(new SeasonRecord { Year = request.Year, RegionId = request.RegionId, OpenedBy = user.DisplayName }).Entity;
        season.TargetsDue = request.TargetsDue!.Value;
        season.MonitoringDue = request.MonitoringDue;
        season.SelfEvaluationDue = request.SelfEvaluationDue;
        season.OpenedAt = time.GetUtcNow();
        season.OpenedBy = user.DisplayName;
        audit.Change(before is null ? "season.open" : "season.change",
            $"{(before is null ? "开启" : "调整")} {request.Year} 年度填报（{region ?? "全部单位"}）：绩效目标 {season.TargetsDue:yyyy-MM-dd} 前送审"
            + (season.MonitoringDue is { } m ? $"，运行监控 {m:yyyy-MM-dd} 前" : "") + (season.SelfEvaluationDue is { } e ? $"，绩效自评 {e:yyyy-MM-dd} 前" : ""),
            request.RegionId, before: before, after: new { season.TargetsDue, season.MonitoringDue, season.SelfEvaluationDue });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SeasonDto>.Done(new SeasonDto(season.Id, season.Year, season.RegionId, region, season.TargetsDue, season.MonitoringDue, season.SelfEvaluationDue, season.OpenedBy));
    }

    /// <summary>Where each unit the user sees stands in <paramref name="year"/>, late ones first (a year not opened has no deadlines, so nobody is late).</summary>
    public async Task<SeasonProgress> ProgressAsync(int year, CancellationToken cancellationToken)
    {
        var seasons = await db.Seasons.AsNoTracking().Where(s => s.Year == year).ToListAsync(cancellationToken);

        var tree = await UnitNodes.LoadAsync(db, cancellationToken);
        var visible = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Unit).Select(u => u.Id).ToListAsync(cancellationToken);
        var tables = await db.Documents.AsNoTracking().Where(d => d.Year == year)
            .Select(d => new { d.Id, d.UnitId, d.Status, d.Score, d.ErrorCount }).ToListAsync(cancellationToken);
        var approved = tables.Where(t => t.Status == WorkState.Approved).Select(t => t.Id).ToList();
        var reports = approved.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => approved.Contains(p.DocumentId))
            .GroupBy(p => p.DocumentId)
            .Select(g => new
            {
                DocumentId = g.Key,
                Projects = g.Count(),
                Monitored = g.Count(p => db.MonitoringReports.Any(r => r.ProjectId == p.Id && (r.Status == WorkState.Submitted || r.Status == WorkState.Approved))),
                Evaluated = g.Count(p => db.SelfEvaluations.Any(r => r.ProjectId == p.Id && (r.Status == WorkState.Submitted || r.Status == WorkState.Approved))),
            })
            .ToDictionaryAsync(r => r.DocumentId, r => new ReportProgress(r.Projects, r.Monitored, r.Evaluated), cancellationToken);
        var today = Today;
        var rows = new List<UnitProgress>();
        foreach (var unitId in visible)
        {
            var path = tree.SelfAndAncestors(unitId).ToList();
            var ancestors = path.Skip(1).Select(node => node.Id).ToList();
            var season = seasons.FirstOrDefault(s => s.RegionId is { } r && ancestors.Contains(r)) ?? seasons.FirstOrDefault(s => s.RegionId is null);
            var table = tables.Where(t => t.UnitId == unitId).OrderByDescending(t => Rank(t.Status)).ThenByDescending(t => t.Id).FirstOrDefault();
            var sent = table?.Status is WorkState.Submitted or WorkState.Endorsed or WorkState.Approved;
            var department = path.Skip(1).Where(node => node.Kind == UnitKinds.Department).Select(node => node.Name).FirstOrDefault();
            rows.Add(new UnitProgress(unitId, path[0].Name, department, table?.Id, table?.Status, table?.Score, table?.ErrorCount, season?.TargetsDue,
                season is not null && !sent && today > season.TargetsDue)
            {
                MonitoringDue = season?.MonitoringDue,
                SelfEvaluationDue = season?.SelfEvaluationDue,
                Reports = table is { Status: WorkState.Approved } && reports.TryGetValue(table.Id, out var owed) ? owed : null,
            });
        }

        return new SeasonProgress(year, [.. rows.OrderByDescending(r => r.Late).ThenBy(r => Rank(r.State)).ThenBy(r => r.Department).ThenBy(r => r.Unit)]);
    }

    /// <summary>
    /// The tables of <paramref name="year"/> of the visible units under <paramref name="under"/> (a region or
    /// department by name or id; every visible unit when blank) as one workbook: a summary and a sheet per unit.
    /// Not found when <paramref name="under"/> names no node.
    /// </summary>
    public async Task<Outcome<(string FileName, byte[] Content)>> WorkbookAsync(int year, string? under, CancellationToken cancellationToken)
    {
        var progress = await ProgressAsync(year, cancellationToken);
        var units = progress.Units;
        var scope = "全部单位";
        if (!string.IsNullOrWhiteSpace(under))
        {
            if (await documents.UnitsUnderAsync(under.Trim(), cancellationToken) is not { } ids)
            {
                return Outcome<(string, byte[])>.NotFound($"单位树中没有“{under.Trim()}”。");
            }

            units = [.. units.Where(u => ids.Contains(u.UnitId))];
            scope = int.TryParse(under, out var id) ? (await UnitNodes.LoadAsync(db, cancellationToken)).NameOf(id) ?? under.Trim() : under.Trim();
        }

        var tableIds = units.Where(u => u.DocumentId is not null).Select(u => u.DocumentId!.Value).ToList();
        var tables = (await Documents.UnitReview.LoadAsync(db.Documents.Where(d => tableIds.Contains(d.Id)), cancellationToken)).ToDictionary(d => d.Id);
        var findings = (await db.Findings.AsNoTracking().Where(f => tableIds.Contains(f.DocumentId))
            .Select(f => new { f.DocumentId, f.ProjectId, f.IndicatorSeq, f.Code, f.Severity, f.Message, Project = f.Project == null ? null : f.Project.Name })
            .ToListAsync(cancellationToken)).ToLookup(f => f.DocumentId);
        var sheets = units.OrderBy(u => u.Department).ThenBy(u => u.Unit).Select(u => new Jixiao.Export.Documents.UnitSheet(u.Unit, u.Department,
            u.DocumentId is { } id && tables.TryGetValue(id, out var record) ? DocumentMapping.ToDomain(record) : null, u.State, u.Score,
            u.DocumentId is { } d ? [.. findings[d].Select(f => new Jixiao.Export.Documents.UnitFinding(
                f.Project is null ? "整张表" : f.Project + (f.IndicatorSeq is { } seq ? $"（指标 {seq}）" : ""),
                Shared.Display.Severity(f.Severity), Shared.Display.Rule(f.Code), f.Message))] : [])).ToList();
        using var stream = new MemoryStream();
        Jixiao.Export.Documents.RegionWorkbook.Write(stream, $"{scope} {year} 年度项目支出绩效目标汇总", sheets);
        return Outcome<(string, byte[])>.Done(($"{scope}-{year}年度绩效目标表.xlsx", stream.ToArray()));
    }

    /// <summary>For a unit's officer: the deadlines within <see cref="RemindDays"/> days, or past, of the units whose table is not yet sent.</summary>
    public async Task<List<Reminder>> RemindersAsync(CancellationToken cancellationToken)
    {
        if (!user.May(WorkAction.Submit, WorkState.Draft) || user.AllUnits)
        {
            return [];
        }

        var today = Today;
        var years = await db.Seasons.AsNoTracking().Where(s => s.TargetsDue >= today.AddDays(-366)).Select(s => s.Year).Distinct().ToListAsync(cancellationToken);
        var reminders = new List<Reminder>();
        foreach (var year in years)
        {
            var progress = await ProgressAsync(year, cancellationToken);
            reminders.AddRange(progress.Units
                .Where(u => u.Due is { } due && u.State is not (WorkState.Submitted or WorkState.Endorsed or WorkState.Approved) && due.DayNumber - today.DayNumber <= RemindDays)
                .Select(u => new Reminder(year, u.Unit, u.Due!.Value, u.Due.Value.DayNumber - today.DayNumber, u.DocumentId)));

            // An approved table's projects owe their reports by the season's monitoring and self-evaluation deadlines.
            foreach (var unit in progress.Units.Where(u => u is { State: WorkState.Approved, DocumentId: not null }))
            {
                if (unit.MonitoringDue is { } monitoring && monitoring.DayNumber - today.DayNumber <= RemindDays
                    && await PendingAsync(unit.DocumentId!.Value, monthly: true, cancellationToken) is > 0 and var pendingMonitoring)
                {
                    reminders.Add(new Reminder(year, unit.Unit, monitoring, monitoring.DayNumber - today.DayNumber, unit.DocumentId) { What = "运行监控", Pending = pendingMonitoring });
                }

                if (unit.SelfEvaluationDue is { } evaluation && evaluation.DayNumber - today.DayNumber <= RemindDays
                    && await PendingAsync(unit.DocumentId!.Value, monthly: false, cancellationToken) is > 0 and var pendingEvaluation)
                {
                    reminders.Add(new Reminder(year, unit.Unit, evaluation, evaluation.DayNumber - today.DayNumber, unit.DocumentId) { What = "绩效自评", Pending = pendingEvaluation });
                }
            }
        }

        return [.. reminders.OrderBy(r => r.DaysLeft)];
    }

    /// <summary>How many projects of the table have no monitoring report (<paramref name="monthly"/>) or self-evaluation sent or approved.</summary>
    private Task<int> PendingAsync(int documentId, bool monthly, CancellationToken cancellationToken) => monthly
        ? db.Projects.CountAsync(p => p.DocumentId == documentId
            && !db.MonitoringReports.Any(r => r.ProjectId == p.Id && (r.Status == WorkState.Submitted || r.Status == WorkState.Approved)), cancellationToken)
        : db.Projects.CountAsync(p => p.DocumentId == documentId
            && !db.SelfEvaluations.Any(r => r.ProjectId == p.Id && (r.Status == WorkState.Submitted || r.Status == WorkState.Approved)), cancellationToken);

    private static int Rank(WorkState? state) => state is { } known ? Rank(known) : 0;

    private static int Rank(WorkState state) => state switch
    {
        WorkState.Deleted => 0,
        WorkState.Draft => 1,
        WorkState.Returned => 2,
        WorkState.Submitted => 3,
        WorkState.Endorsed => 4,
        WorkState.Approved => 5,
    };
}
