using Jixiao.Domain.Scoring;
using Jixiao.Import.Actuals;
using Jixiao.Web.Features.Documents;

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
public sealed record SelfEvaluationView(ProjectRecord Record, Project Project, AmountUnit Unit, SelfEvaluationRecord? Stored, ProjectActuals? Actuals, ProjectScore? Score)
{
    /// <summary>The scoring rules of the project's region.</summary>
    public required ScoringSettings Settings { get; init; }
}

/// <summary>
/// Self-evaluation of a stored project (绩效自评): year-end money and actuals entered, checked against the
/// targets (the same checks as the actuals file), stored in one transaction, scored under the
/// scoring rules of the unit's region. Actuals are kept by the indicator's sequence number.
/// </summary>
public sealed class SelfEvaluationService(JixiaoDbContext db, TimeProvider time, ReportProjects projects, AuditLog audit)
{
    public async Task<SelfEvaluationView?> LoadAsync(int projectId, CancellationToken cancellationToken)
    {
        if (await projects.LoadAsync(projectId, cancellationToken) is not (var record, var project, var unit, var rules))
        {
            return null;
        }

        var settings = rules.Scoring;
        var stored = await db.SelfEvaluations.AsNoTracking().Include(s => s.Actuals).FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);
        if (stored is null)
        {
            return new SelfEvaluationView(record, project, unit, null, null, null) { Settings = settings };
        }

        var errors = new List<string>();
        var actuals = Build(project, stored.ExecutedFen, stored.AdjustedFen, stored.Actuals.Select(a => new ActualInput(a.Seq, a.Actual, a.Percent, a.Note)), settings, errors);
        return new SelfEvaluationView(record, project, unit, stored, actuals, actuals is null ? null : Scorer.Score(project, actuals, settings)) { Settings = settings };
    }

    /// <summary>Checks and stores the input: done with the report as stored; not found; refused (audited); or invalid with the errors (Chinese, naming the indicator) under <c>actuals</c>, and then nothing is stored.</summary>
    public async Task<Outcome<SelfEvaluationView>> SaveAsync(int projectId, SelfEvaluationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await LoadAsync(projectId, cancellationToken) is not { } view)
        {
            return Outcome<SelfEvaluationView>.NotFound($"没有第 {projectId} 号项目，可能已被删除。");
        }

        var errors = new List<string>();
        var executed = FormAmounts.Parse(input.Executed, "全年执行数", view.Unit, errors);
        var adjusted = FormAmounts.Parse(input.AdjustedBudget, "全年预算数", view.Unit, errors);
        var entered = input.Actuals.Where(a => !string.IsNullOrWhiteSpace(a.Actual) || !string.IsNullOrWhiteSpace(a.Percent) || !string.IsNullOrWhiteSpace(a.Note)).ToList();
        var actuals = Build(view.Project, executed?.Fen, adjusted?.Fen, entered, view.Settings, errors);
        var score = actuals is null ? null : Scorer.Score(view.Project, actuals, view.Settings);
        if (score is not null)
        {
            errors.AddRange(DeviationNotes.Missing(view.Project, actuals!, score));
        }

        if (await projects.RefusalAsync<SelfEvaluationView>(projectId, null, "actuals", errors, cancellationToken) is { } refused)
        {
            return refused;
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
        record.Score = score!.Score;
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
        return Outcome<SelfEvaluationView>.Done((await LoadAsync(projectId, cancellationToken))!);
    }

    /// <summary>The report as the API serves it and the page fills its form from.</summary>
    public static SelfEvaluationDto ToDto(SelfEvaluationView view) => new(
        view.Record.Id,
        view.Stored?.ExecutedFen is { } executed ? new Domain.Amounts.Money(executed).Format(view.Unit) : null,
        view.Stored?.AdjustedFen is { } adjusted ? new Domain.Amounts.Money(adjusted).Format(view.Unit) : null,
        [.. (view.Stored?.Actuals ?? []).OrderBy(a => a.Seq).Select(a => new ActualInput(a.Seq, a.Actual, a.Percent, a.Note))],
        view.Score is null ? null : Jixiao.Export.Scoring.ScoreReport.ToDto([view.Score]).Projects[0])
    {
        Declared = view.Stored is { SourceDocumentId: { } source } stored
            ? new DeclaredDto(source, stored.DeclaredScore, stored.DeclaredGrade, stored.DeclaredExecutionScore,
                [.. stored.Actuals.OrderBy(a => a.Seq).Select(a => new DeclaredIndicatorDto(a.Seq, a.DeclaredPoints, a.DeclaredScore))])
            : null,
    };

    private static ProjectActuals? Build(Project project, long? executedFen, long? adjustedFen, IEnumerable<ActualInput> inputs, ScoringSettings settings, List<string> errors)
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

            if (ActualsReader.Indicator(indicator, input.Actual.Trim(), (input.Percent ?? "").Trim(), (input.Note ?? "").Trim(), settings, label, errors) is { } actual)
            {
                indicators[input.Seq] = actual;
            }
        }

        return errors.Count > 0 ? null : new ProjectActuals(executedFen is null ? null : new Money(executedFen.Value), adjustedFen is null ? null : new Money(adjustedFen.Value), indicators);
    }
}
