using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>One indicator's progress as entered.</summary>
public sealed record ProgressInput(int Seq, string? SoFar, string? Projected, string? Cause, string? Note, string? Likelihood);

/// <summary>A monitoring report as entered: amounts in the table's unit, as text.</summary>
public sealed record MonitoringReportInput(string? ExecutedSoFar, string? ProjectedExecution, IReadOnlyList<ProgressInput> Progress);

/// <summary>A project with its stored report for one window (null when none) and the check of it.</summary>
public sealed record MonitoringView(ProjectRecord Record, Project Project, AmountUnit Unit, int Month, MonitoringReportRecord? Stored, MonitoringResult? Result);

/// <summary>
/// In-year monitoring of stored projects (绩效运行监控): a report per project and cumulative window 1~N月,
/// checked as entered (amounts, projected values against their targets' units, causes and likelihoods from
/// the fixed lists), stored in one transaction and lit green, yellow or red under the rules file's thresholds.
/// </summary>
public sealed class MonitoringService(JixiaoDbContext db, TimeProvider time, ReportWorkflow reports, AuditLog audit)
{
    /// <summary>Throws <see cref="WorkflowRefusedException"/> when the report's state or the user's role does not allow a change.</summary>
    private async Task RefuseUnlessEditableAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        if (await reports.CheckEditAsync(projectId, month, cancellationToken) is { } refused)
        {
            throw new WorkflowRefusedException(refused.Message);
        }
    }

    private static readonly string[] Causes = [.. Enum.GetValues<DeviationCause>().Select(c => c.Chinese())];
    private static readonly string[] Likelihoods = [.. Enum.GetValues<Likelihood>().Select(l => l.Chinese())];

    private static MonitoringSettings Settings => ReviewSettings.National.Monitoring;

    public async Task<MonitoringView?> LoadAsync(int projectId, int month, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().Include(p => p.Document).ThenInclude(d => d!.Unit).Include(p => p.Indicators)
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var project = DocumentMapping.ToDomain(record);
        var unit = Enum.Parse<AmountUnit>(record.Document!.AmountUnit);
        var stored = await db.MonitoringReports.AsNoTracking().Include(r => r.Progress)
            .FirstOrDefaultAsync(r => r.ProjectId == projectId && r.Month == month, cancellationToken);
        MonitoringResult? result = null;
        if (stored is not null)
        {
            var input = Build(project, month, stored.ExecutedFen, stored.ProjectedFen,
                stored.Progress.Select(p => new ProgressInput(p.Seq, p.SoFar, p.Projected, p.Cause, p.Note, p.Likelihood)), []);
            result = input is null ? null : MonitoringCheck.Check(project, input, Settings);
        }

        return new MonitoringView(record, project, unit, month, stored, result);
    }

    public async Task<(MonitoringView? View, IReadOnlyList<string> Errors)> SaveAsync(int projectId, int month, MonitoringReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (month is < 1 or > 12)
        {
            return (null, [$"月份 {month} 不在 1 到 12 之间。"]);
        }

        var view = await LoadAsync(projectId, month, cancellationToken);
        if (view is null)
        {
            return (null, []);
        }

        await RefuseUnlessEditableAsync(projectId, month, cancellationToken);

        var errors = new List<string>();
        var executed = FormAmounts.Parse(input.ExecutedSoFar, "已执行预算", view.Unit, errors);
        var projected = FormAmounts.Parse(input.ProjectedExecution, "全年预计执行", view.Unit, errors);
        var entered = input.Progress.Where(p => new[] { p.SoFar, p.Projected, p.Cause, p.Note, p.Likelihood }.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        var built = Build(view.Project, month, executed?.Fen, projected?.Fen, entered, errors);
        if (errors.Count > 0 || built is null)
        {
            return (null, errors);
        }

        var result = MonitoringCheck.Check(view.Project, built, Settings);
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
        audit.Change("monitoring.save", $"保存 1~{month}月绩效运行监控：{record.Light}", view.Record.Document!.UnitId, view.Record.DocumentId, projectId,
            after: new { input.ExecutedSoFar, input.ProjectedExecution, Progress = entered });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await LoadAsync(projectId, month, cancellationToken), []);
    }

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

            var projected = new List<Quantity>();
            var projectedText = (input.Projected ?? "").Trim();
            if (projectedText.Length > 0 && indicator.Target.Kind == TargetKind.Quantitative)
            {
                foreach (var part in projectedText.Split(['；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var parsed = TargetGrammar.Parse(part);
                    if (parsed.Kind != TargetKind.Quantitative || parsed.Clauses.Count != 1 || !part.Any(char.IsAsciiDigit))
                    {
                        errors.Add($"{label}的全年预计完成值“{part}”应为数字，可带单位。");
                        break;
                    }

                    projected.Add(new Quantity(parsed.Clauses[0].Value, parsed.Clauses[0].Unit));
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
