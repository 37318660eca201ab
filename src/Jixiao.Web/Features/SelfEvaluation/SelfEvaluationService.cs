using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Import.Actuals;
using Jixiao.Web.Features.Documents;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.SelfEvaluation;

/// <summary>One indicator's actual as entered.</summary>
/// <param name="Seq">The indicator's sequence number.</param>
/// <param name="Actual">As written: <c>92%</c>, <c>120人</c>, <c>达成</c>…; blank = not entered.</param>
/// <param name="Percent">For a qualitative band, the percentage inside it; blank for none.</param>
/// <param name="Note">偏差原因分析及改进措施.</param>
public sealed record ActualInput(int Seq, string? Actual, string? Percent, string? Note);

/// <summary>A project's self-evaluation as entered: amounts in the table's unit, as text.</summary>
/// <param name="Executed">全年执行数.</param>
/// <param name="AdjustedBudget">全年预算数; blank = the table's 总计.</param>
/// <param name="Actuals">The indicators' actuals.</param>
public sealed record SelfEvaluationInput(string? Executed, string? AdjustedBudget, IReadOnlyList<ActualInput> Actuals);

/// <summary>A project with its stored self-evaluation (null when none) and its score.</summary>
public sealed record SelfEvaluationView(ProjectRecord Record, Project Project, AmountUnit Unit, SelfEvaluationRecord? Stored, ProjectActuals? Actuals, ProjectScore? Score);

/// <summary>
/// Self-evaluation of a stored project (绩效自评): year-end money and actuals entered, checked against the
/// targets (the same checks as the actuals file), stored in one transaction, scored under the national
/// scoring rules. Actuals are kept by the indicator's sequence number.
/// </summary>
public sealed class SelfEvaluationService(JixiaoDbContext db, TimeProvider time, ReportWorkflow reports, AuditLog audit)
{
    /// <summary>Throws <see cref="WorkflowRefusedException"/> when the report's state or the user's role does not allow a change.</summary>
    private async Task RefuseUnlessEditableAsync(int projectId, int? month, CancellationToken cancellationToken)
    {
        if (await reports.CheckEditAsync(projectId, month, cancellationToken) is { } refused)
        {
            throw new WorkflowRefusedException(refused.Message);
        }
    }

    private static ScoringSettings Settings => ReviewSettings.National.Scoring;

    public async Task<SelfEvaluationView?> LoadAsync(int projectId, CancellationToken cancellationToken)
    {
        var record = await db.Projects.AsNoTracking().Include(p => p.Document).ThenInclude(d => d!.Unit).Include(p => p.Indicators)
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var project = DocumentMapping.ToDomain(record);
        var unit = Enum.Parse<AmountUnit>(record.Document!.AmountUnit);
        var stored = await db.SelfEvaluations.AsNoTracking().Include(s => s.Actuals).FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        if (stored is null)
        {
            return new SelfEvaluationView(record, project, unit, null, null, null);
        }

        var errors = new List<string>();
        var actuals = Build(project, stored.ExecutedFen, stored.AdjustedFen, stored.Actuals.Select(a => new ActualInput(a.Seq, a.Actual, a.Percent, a.Note)), errors);
        return new SelfEvaluationView(record, project, unit, stored, actuals, actuals is null ? null : Scorer.Score(project, actuals, Settings));
    }

    /// <summary>Checks and stores the input; the errors (Chinese, naming the indicator) when any, and then nothing is stored.</summary>
    public async Task<(SelfEvaluationView? View, IReadOnlyList<string> Errors)> SaveAsync(int projectId, SelfEvaluationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await LoadAsync(projectId, cancellationToken);
        if (view is null)
        {
            return (null, []);
        }

        await RefuseUnlessEditableAsync(projectId, null, cancellationToken);

        var errors = new List<string>();
        var executed = FormAmounts.Parse(input.Executed, "全年执行数", view.Unit, errors);
        var adjusted = FormAmounts.Parse(input.AdjustedBudget, "全年预算数", view.Unit, errors);
        var entered = input.Actuals.Where(a => !string.IsNullOrWhiteSpace(a.Actual) || !string.IsNullOrWhiteSpace(a.Percent) || !string.IsNullOrWhiteSpace(a.Note)).ToList();
        var actuals = Build(view.Project, executed?.Fen, adjusted?.Fen, entered, errors);
        if (errors.Count > 0 || actuals is null)
        {
            return (null, errors);
        }

        var score = Scorer.Score(view.Project, actuals, Settings);
        var missingNotes = DeviationNotes.Missing(view.Project, actuals, score).ToList();
        if (missingNotes.Count > 0)
        {
            return (null, missingNotes);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.SelfEvaluations.Include(s => s.Actuals).FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        if (record is null)
        {
            record = new SelfEvaluationRecord { ProjectId = projectId, Grade = "" };
            db.SelfEvaluations.Add(record);
        }

        record.ExecutedFen = executed?.Fen;
        record.AdjustedFen = adjusted?.Fen;
        record.UpdatedAt = time.GetUtcNow();
        record.Score = score.Score;
        record.Grade = score.Grade.Chinese();
        // What an imported self-evaluation form declared stays beside the values as corrected here.
        var declared = record.Actuals.GroupBy(a => a.Seq).ToDictionary(g => g.Key, g => g.First());
        record.Actuals.Clear();
        record.Actuals.AddRange(entered.Select(a => new ActualRecord
        {
            Seq = a.Seq, Actual = (a.Actual ?? "").Trim(), Percent = (a.Percent ?? "").Trim(), Note = (a.Note ?? "").Trim(),
            DeclaredPoints = declared.GetValueOrDefault(a.Seq)?.DeclaredPoints, DeclaredScore = declared.GetValueOrDefault(a.Seq)?.DeclaredScore,
        }));
        audit.Change("self-evaluation.save", $"保存绩效自评：得分 {score.Score:0.00}，{score.Grade.Chinese()}", view.Record.Document!.UnitId, view.Record.DocumentId, projectId,
            after: new { input.Executed, input.AdjustedBudget, Actuals = entered });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await LoadAsync(projectId, cancellationToken), []);
    }

    private static ProjectActuals? Build(Project project, long? executedFen, long? adjustedFen, IEnumerable<ActualInput> inputs, List<string> errors)
    {
        var indicators = new Dictionary<int, IndicatorActual>();
        var seen = new HashSet<int>();
        foreach (var input in inputs)
        {
            var indicator = project.Indicators.FirstOrDefault(i => i.Seq == input.Seq);
            var label = $"第 {input.Seq} 个指标";
            if (indicator is null)
            {
                errors.Add($"{label}：项目没有这个指标。");
                continue;
            }

            label += $"“{indicator.Name}”";
            if (string.IsNullOrWhiteSpace(input.Actual))
            {
                errors.Add($"{label}填写了百分比或说明，但没有实际完成值。");
                continue;
            }

            if (!seen.Add(input.Seq))
            {
                errors.Add($"{label}重复填写。");
                continue;
            }

            if (ActualsReader.Indicator(indicator, input.Actual.Trim(), (input.Percent ?? "").Trim(), (input.Note ?? "").Trim(), Settings, label, errors) is { } actual)
            {
                indicators[input.Seq] = actual;
            }
        }

        return errors.Count > 0 ? null : new ProjectActuals(executedFen is null ? null : new Money(executedFen.Value), adjustedFen is null ? null : new Money(adjustedFen.Value), indicators);
    }
}
