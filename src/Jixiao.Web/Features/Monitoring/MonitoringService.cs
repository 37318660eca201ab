using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>One indicator's progress as entered.</summary>
public sealed record ProgressInput(int Seq, string? SoFar, string? Projected, string? Cause, string? Note, string? Likelihood);

/// <summary>A monitoring report as entered: amounts in the table's unit, as text.</summary>
public sealed record MonitoringReportInput(string? ExecutedSoFar, string? ProjectedExecution, IReadOnlyList<ProgressInput> Progress);

/// <summary>A project with its stored report for one window (null when none) and the check of it.</summary>
public sealed record MonitoringView(ProjectRecord Record, Project Project, AmountUnit Unit, int Month, MonitoringReportRecord? Stored, MonitoringResult? Result)
{
    /// <summary>The monitoring thresholds of the project's region.</summary>
    public required MonitoringSettings Settings { get; init; }
}

/// <summary>One project's latest monitoring report, for the list of all.</summary>
public sealed record LatestReport(int ProjectId, string Unit, string Name, int Month, string Light, decimal? ExecutionRate);

/// <summary>
/// In-year monitoring of stored projects (绩效运行监控): a report per project and cumulative window 1~N月,
/// checked as entered (amounts, projected values against their targets' units, causes and likelihoods from
/// the fixed lists), stored in one transaction and lit green, yellow or red under the rules file's thresholds.
/// </summary>
public sealed class MonitoringService(JixiaoDbContext db, TimeProvider time, ReportProjects projects, AuditLog audit)
{
    private static readonly string[] Causes = [.. Enum.GetValues<DeviationCause>().Select(c => c.Chinese())];
    private static readonly string[] Likelihoods = [.. Enum.GetValues<Likelihood>().Select(l => l.Chinese())];

    public async Task<MonitoringView?> LoadAsync(int projectId, int month, CancellationToken cancellationToken)
    {
        if (await projects.LoadAsync(projectId, cancellationToken) is not (var record, var project, var unit, var rules))
        {
            return null;
        }

        var settings = rules.Monitoring;
        var stored = await db.MonitoringReports.AsNoTracking().Include(r => r.Progress)
            .FirstOrDefaultAsync(r => r.ProjectId == projectId && r.Month == month, cancellationToken);
        MonitoringResult? result = null;
        if (stored is not null)
        {
            var input = Build(project, month, stored.ExecutedFen, stored.ProjectedFen,
                stored.Progress.Select(p => new ProgressInput(p.Seq, p.SoFar, p.Projected, p.Cause, p.Note, p.Likelihood)), []);
            result = input is null ? null : MonitoringCheck.Check(project, input, settings);
        }

        return new MonitoringView(record, project, unit, month, stored, result) { Settings = settings };
    }

    /// <summary>Checks and stores the report for 1~<paramref name="month"/>月: done with it as stored; not found; refused (audited); or invalid with the errors under <c>progress</c>, and then nothing is stored.</summary>
    public async Task<Outcome<MonitoringView>> SaveAsync(int projectId, int month, MonitoringReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (month is < 1 or > 12)
        {
            return Outcome<MonitoringView>.Invalid($"月份 {month} 不在 1 到 12 之间。");
        }

        if (await LoadAsync(projectId, month, cancellationToken) is not { } view)
        {
            return Outcome<MonitoringView>.NotFound($"没有第 {projectId} 号项目，可能已被删除。");
        }

        var errors = new List<string>();
        var executed = FormAmounts.Parse(input.ExecutedSoFar, "已执行预算", view.Unit, errors);
        var projected = FormAmounts.Parse(input.ProjectedExecution, "全年预计执行", view.Unit, errors);
        var entered = input.Progress.Where(p => new[] { p.SoFar, p.Projected, p.Cause, p.Note, p.Likelihood }.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        var built = Build(view.Project, month, executed?.Fen, projected?.Fen, entered, errors);
        if (await projects.RefusalAsync<MonitoringView>(projectId, month, "progress", errors, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = MonitoringCheck.Check(view.Project, built!, view.Settings);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.MonitoringReports.Include(r => r.Progress).FirstOrDefaultAsync(r => r.ProjectId == projectId && r.Month == month, cancellationToken);
        if (record is null)
        {
            record = new MonitoringReportRecord { ProjectId = projectId, Month = month, Light = "" };
            db.MonitoringReports.Add(record);
        }

        record.ExecutedFen = executed?.Fen;
        record.ProjectedFen = projected?.Fen;
        record.UpdatedAt = time.GetUtcNow();
        record.Light = result.Light.ToString().ToLowerInvariant();
        record.ExecutionRate = result.ExecutionRate is { } rate ? Math.Round(rate, 6) : null;
        record.Progress.Clear();
        record.Progress.AddRange(entered.Select(p => new ProgressRecord
        {
            Seq = p.Seq, SoFar = (p.SoFar ?? "").Trim(), Projected = (p.Projected ?? "").Trim(), Cause = (p.Cause ?? "").Trim(),
            Note = (p.Note ?? "").Trim(), Likelihood = (p.Likelihood ?? "").Trim(),
        }));
        audit.Change("monitoring.save", $"保存 1~{month}月绩效运行监控：{result.Light.Chinese()}", view.Record.Document!.UnitId, view.Record.DocumentId, projectId,
            after: new { input.ExecutedSoFar, input.ProjectedExecution, Progress = entered });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<MonitoringView>.Done((await LoadAsync(projectId, month, cancellationToken))!);
    }

    /// <summary>Each visible project's latest report, red first, then yellow, then green; the lowest execution first within a colour.</summary>
    public async Task<List<LatestReport>> LatestAsync(CancellationToken cancellationToken)
    {
        var reports = await db.MonitoringReports.AsNoTracking()
            .Select(r => new { r.Id, r.ProjectId, r.Month, r.Light, r.ExecutionRate, Name = r.Project!.Name, Unit = r.Project.Document!.Unit!.Name })
            .ToListAsync(cancellationToken);
        return [.. reports.GroupBy(r => r.ProjectId).Select(g => g.OrderByDescending(r => r.Month).First())
            .Select(r => new LatestReport(r.ProjectId, r.Unit, r.Name, r.Month, r.Light, r.ExecutionRate))
            .OrderBy(r => r.Light switch { "red" => 0, "yellow" => 1, _ => 2 }).ThenBy(r => r.ExecutionRate ?? 0m).ThenBy(r => r.ProjectId)];
    }

    /// <summary>The report as the API serves it and the page fills its form from.</summary>
    public static MonitoringReportDto ToDto(MonitoringView view) => new(
        view.Record.Id, view.Month,
        view.Stored?.ExecutedFen is { } executed ? new Domain.Amounts.Money(executed).Format(view.Unit) : null,
        view.Stored?.ProjectedFen is { } projected ? new Domain.Amounts.Money(projected).Format(view.Unit) : null,
        [.. (view.Stored?.Progress ?? []).OrderBy(p => p.Seq).Select(p => new ProgressInput(p.Seq, p.SoFar, p.Projected, p.Cause, p.Note, p.Likelihood))],
        view.Result?.Light.ToString().ToLowerInvariant(),
        view.Result?.ExecutionRate is { } rate ? Math.Round(rate, 4) : null,
        Math.Round(view.Month / 12m, 4),
        [.. (view.Result?.Warnings ?? []).Select(w => new WarningDto(w.Light.ToString().ToLowerInvariant(), w.IndicatorSeq, w.Reason))]);

    private static MonitoringInput? Build(Project project, int month, long? executedFen, long? projectedFen, IEnumerable<ProgressInput> inputs, List<string> errors)
    {
        var progress = new Dictionary<int, IndicatorProgress>();
        foreach (var input in inputs)
        {
            var indicator = project.Indicators.FirstOrDefault(i => i.Seq == input.Seq);
            if (indicator is null)
            {
                errors.Add($"第 {input.Seq} 个指标：项目没有这个指标。");
                continue;
            }

            var label = $"第 {input.Seq} 个指标“{indicator.Name}”";
            var cause = (input.Cause ?? "").Trim();
            var likelihood = (input.Likelihood ?? "").Trim();
            if (cause.Length > 0 && Array.IndexOf(Causes, cause) < 0)
            {
                errors.Add($"{label}的偏差原因“{cause}”应为 {string.Join("、", Causes)} 之一。");
                continue;
            }

            if (likelihood.Length > 0 && Array.IndexOf(Likelihoods, likelihood) < 0)
            {
                errors.Add($"{label}的完成可能性“{likelihood}”应为 {string.Join("、", Likelihoods)} 之一。");
                continue;
            }

            IReadOnlyList<Quantity> projected = [];
            var projectedText = (input.Projected ?? "").Trim();
            if (projectedText.Length > 0 && indicator.Target.Kind == TargetKind.Quantitative)
            {
                if (ActualValues.Read(projectedText, indicator.Target, out var problem) is { } values)
                {
                    projected = values;
                }
                else
                {
                    errors.Add($"{label}的全年预计完成值{problem}");
                }
            }

            progress[input.Seq] = new IndicatorProgress((input.SoFar ?? "").Trim(), projected,
                cause.Length == 0 ? null : Enum.GetValues<DeviationCause>().First(c => c.Chinese() == cause), (input.Note ?? "").Trim(),
                likelihood.Length == 0 ? null : Enum.GetValues<Likelihood>().First(l => l.Chinese() == likelihood));
        }

        return errors.Count > 0 ? null : new MonitoringInput(month, executedFen is null ? null : new Money(executedFen.Value),
            projectedFen is null ? null : new Money(projectedFen.Value), progress);
    }
}
