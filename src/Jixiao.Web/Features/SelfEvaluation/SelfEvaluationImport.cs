using System.Globalization;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;
using Jixiao.Import.Actuals;

namespace Jixiao.Web.Features.SelfEvaluation;

/// <summary>
/// A self-evaluation form read is a self-evaluation stored: each project of an imported 项目支出绩效自评表
/// that reports actuals gets a self-evaluation (绩效自评) on its target — the stored target table of the
/// same unit, project name and year, or, when none is stored, the project the form itself brought in —
/// with the form's 全年执行数 / 全年预算数, each indicator's 实际完成值 and 偏差原因, and the form's declared
/// 分值, 得分, 总分 and 自评等级 kept beside the score the rules give. A self-evaluation already submitted or
/// approved is not overwritten.
/// </summary>
public sealed class SelfEvaluationImport(JixiaoDbContext db, TimeProvider time, AuditLog audit, Documents.UnitReview reviews)
{
    /// <summary>Attaches the self-evaluations of <paramref name="document"/> (stored as <paramref name="documentId"/>); what was done, in Chinese.</summary>
    public async Task<List<string>> AttachAsync(TargetDocument document, int documentId, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var notes = new List<string>();
        if (document.Kind != DocumentKind.SelfEvaluation)
        {
            return notes;
        }

        var settings = (await reviews.RulesForAsync(unitId, cancellationToken)).Settings.Scoring;
        var own = await db.Projects.Include(p => p.Indicators).Include(p => p.Document)
            .Where(p => p.DocumentId == documentId).ToListAsync(cancellationToken);
        var selfEvaluation = DocumentMapping.KindName(DocumentKind.SelfEvaluation);
        for (var index = 0; index < document.Projects.Count; index++)
        {
            var read = document.Projects[index];
            if (read.Execution is null && read.Indicators.All(i => i.Evaluation is null))
            {
                continue;
            }

            var target = await db.Projects.Include(p => p.Indicators).Include(p => p.Document)
                .Where(p => p.Document!.UnitId == unitId && p.Name == read.Name && p.DocumentId != documentId && p.Document.Kind != selfEvaluation
                    && (document.Year == null || p.Document.Year == document.Year))
                .OrderByDescending(p => p.DocumentId).FirstOrDefaultAsync(cancellationToken)
                ?? own.FirstOrDefault(p => p.Position == index);
            if (target is null)
            {
                continue;
            }

            notes.Add(await AttachAsync(read, target, documentId, settings, cancellationToken));
        }

        return notes;
    }

    private async Task<string> AttachAsync(Project read, ProjectRecord target, int documentId, ScoringSettings settings, CancellationToken cancellationToken)
    {
        var existing = await db.SelfEvaluations.Include(s => s.Actuals).FirstOrDefaultAsync(s => s.ProjectId == target.Id, cancellationToken);
        if (existing is not null && existing.Status is not (WorkState.Draft or WorkState.Returned))
        {
            return $"「{read.Name}」的绩效自评已{existing.Status.Chinese()}，未用导入的自评表覆盖。";
        }

        var project = DocumentMapping.ToDomain(target);
        var actuals = new Dictionary<int, IndicatorActual>();
        var rows = new List<ActualRecord>();
        var skipped = new List<string>();
        foreach (var indicator in read.Indicators)
        {
            if (indicator.Evaluation is not { } evaluation || evaluation.Actual.Length == 0)
            {
                continue;
            }

            var match = project.Indicators.FirstOrDefault(i => i.Name == indicator.Name)
                ?? project.Indicators.FirstOrDefault(i => i.Seq == indicator.Seq && i.Level1 == indicator.Level1);
            if (match is null)
            {
                skipped.Add($"“{indicator.Name}”在目标表中没有");
                continue;
            }

            var (actualText, percent) = ActualOf(match, evaluation, settings);
            var errors = new List<string>();
            var actual = actualText is null ? null
                : ActualsReader.Indicator(match, actualText, percent, evaluation.Deviation, settings, $"“{match.Name}”", errors);
            if (actual is null)
            {
                skipped.Add(errors.Count > 0 ? errors[0] : $"“{match.Name}”的实际完成值“{evaluation.Actual}”无法计分");
                continue;
            }

            actuals[match.Seq] = actual;
            rows.Add(new ActualRecord
            {
                Seq = match.Seq, Actual = actualText!, Percent = percent, Note = evaluation.Deviation,
                DeclaredPoints = evaluation.Points, DeclaredScore = evaluation.Score,
            });
        }

        var execution = read.Execution;
        var score = Scorer.Score(project, new ProjectActuals(execution?.Executed, execution?.AdjustedBudget, actuals), settings);
        var record = existing ?? db.SelfEvaluations.Add(new SelfEvaluationRecord { ProjectId = target.Id, Grade = "" }).Entity;
        record.ExecutedFen = execution?.Executed?.Fen;
        record.AdjustedFen = execution?.AdjustedBudget?.Fen;
        record.UpdatedAt = time.GetUtcNow();
        record.Score = score.Score;
        record.Grade = score.Grade.Chinese();
        record.DeclaredScore = execution?.TotalScore;
        record.DeclaredGrade = execution is { Grade.Length: > 0 } ? execution.Grade : null;
        record.DeclaredExecutionScore = execution?.Score;
        record.SourceDocumentId = documentId;
        record.Actuals.Clear();
        record.Actuals.AddRange(rows);

        var note = $"「{read.Name}」：导入绩效自评，{rows.Count} 个指标的实际完成值，按评分规则得分 {score.Score.ToString("0.00", CultureInfo.InvariantCulture)}（{score.Grade.Chinese()}）";
        if (execution?.TotalScore is { } declared)
        {
            var difference = declared - score.Score;
            note += difference == 0 ? $"，与自评表申报的总分相同" : $"，自评表申报总分 {declared.ToString("0.##", CultureInfo.InvariantCulture)}，相差 {Math.Abs(difference).ToString("0.##", CultureInfo.InvariantCulture)} 分（各指标差异见绩效自评页）";
        }

        note += skipped.Count > 0 ? $"；未计入：{string.Join("；", skipped.Take(5))}{(skipped.Count > 5 ? $" 等 {skipped.Count} 项" : "")}。" : "。";
        audit.Change("self-evaluation.import", note, target.Document!.UnitId, target.DocumentId, target.Id);
        return note;
    }

    /// <summary>
    /// The actual as the scorer takes it: a quantitative indicator's value as written; for a qualitative one
    /// a band — written as 达成 / 部分达成 / 未达成, or, when the form writes words (有所改善), from the share of
    /// its points the form declared (all: 达成; none: 未达成; otherwise 部分达成 at that share when the band allows it).
    /// </summary>
    private static (string? Actual, string Percent) ActualOf(Indicator target, IndicatorEvaluation evaluation, ScoringSettings settings)
    {
        if (target.Target.Kind == TargetKind.Quantitative || ScoringNames.ParseBand(evaluation.Actual) is not null)
        {
            return (evaluation.Actual, "");
        }

        if (evaluation.Points is not > 0 || evaluation.Score is not { } declared)
        {
            return (null, "");
        }

        var share = Math.Round(declared / evaluation.Points.Value * 100, 2);
        if (share >= 100)
        {
            return (QualitativeBand.Achieved.Chinese(), "");
        }

        if (share <= 0)
        {
            return (QualitativeBand.NotAchieved.Chinese(), "");
        }

        var range = settings.Range(QualitativeBand.Partial);
        return (QualitativeBand.Partial.Chinese(), share >= range.Min && share <= range.Max ? share.ToString("0.##", CultureInfo.InvariantCulture) : "");
    }
}
