using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Scoring;

/// <summary>A measured value with its unit (<c>""</c> when none was written).</summary>
/// <param name="Value">The value, 万/亿 applied.</param>
/// <param name="Unit">The unit as the grammar reads it.</param>
public readonly record struct Quantity(decimal Value, string Unit);

/// <summary>
/// What an indicator achieved: one value per clause of a quantitative target (matched by unit, else in
/// order), or a band for a qualitative one with an optional percentage inside it; a note on any deviation;
/// and points, when they are set for this indicator rather than shared within its category.
/// </summary>
public sealed record IndicatorActual(IReadOnlyList<Quantity> Values, QualitativeBand? Band = null, decimal? Percent = null, string? Note = null, decimal? Points = null);

/// <summary>A project's year-end figures: 全年执行数, 全年预算数 (null = the 年初预算数, the table's 总计), and each indicator's actual by seq.</summary>
public sealed record ProjectActuals(Money? Executed, Money? AdjustedBudget, IReadOnlyDictionary<int, IndicatorActual> Indicators);

/// <summary>How one indicator scored, and why.</summary>
/// <param name="Seq">The indicator's sequence number.</param>
/// <param name="Level1">Its category.</param>
/// <param name="Name">Its name.</param>
/// <param name="Points">Its points (分值).</param>
/// <param name="Score">Its score (得分), two decimals.</param>
/// <param name="Met">Whether the target was met (qualitative: band 达成).</param>
/// <param name="NoteRequired">Missed, or beaten by the configured share or more: a deviation note is due.</param>
/// <param name="NoteMissing">A note is due and none was given.</param>
/// <param name="Explanation">The rule and the numbers, in Chinese.</param>
public sealed record IndicatorScore(int Seq, Level1 Level1, string Name, decimal Points, decimal Score, bool Met, bool NoteRequired, bool NoteMissing, string Explanation);

/// <summary>A project's self-evaluation score.</summary>
/// <param name="Name">The project.</param>
/// <param name="InitialBudget">年初预算数 (the table's 总计).</param>
/// <param name="AdjustedBudget">全年预算数.</param>
/// <param name="Executed">全年执行数.</param>
/// <param name="ExecutionRate">执行数 / 全年预算数, null when it cannot be computed.</param>
/// <param name="ExecutionPoints">The points of the execution rate (分值).</param>
/// <param name="ExecutionScore">min(rate, 1) × the execution points, two decimals.</param>
/// <param name="ExecutionExplanation">How the execution score was computed.</param>
/// <param name="Indicators">Each indicator in table order.</param>
/// <param name="Level1Points">The points of each level-1 category present, after redistribution (exact).</param>
/// <param name="Score">Execution score plus the indicator scores, two decimals.</param>
/// <param name="Grade">优, 良, 中 or 差.</param>
public sealed record ProjectScore(string Name, Money? InitialBudget, Money? AdjustedBudget, Money? Executed, decimal? ExecutionRate,
    decimal ExecutionPoints, decimal ExecutionScore, string ExecutionExplanation, IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyDictionary<Level1, decimal> Level1Points, decimal Score, Grade Grade);

/// <summary>
/// Scores a project against its targets (绩效自评, domain.md §6). Level-1 points are shared equally among a
/// category's indicators unless points are set per indicator; a category without indicators hands its
/// points to the others in proportion to theirs. Quantitative targets: higher-is-better met at actual ≥
/// target, else points × actual / target; lower-is-better met at actual ≤ target, else the ratio or the
/// linear rule; a target of 0 lower-is-better gives full points only at actual ≤ 0. Several clauses score
/// by the weakest. Qualitative: the band's percentage of the points. Scores never exceed the points and
/// are rounded to two decimals, half away from zero; the total never exceeds the points there are.
/// </summary>
public static class Scorer
{
    /// <summary>Scores <paramref name="project"/> with its year-end <paramref name="actuals"/> under <paramref name="settings"/>.</summary>
    public static ProjectScore Score(Project project, ProjectActuals actuals, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(settings);

        var points = Allocate(project, actuals, settings);
        var indicators = new List<IndicatorScore>(project.Indicators.Count);
        foreach (var indicator in project.Indicators)
        {
            var actual = actuals.Indicators.GetValueOrDefault(indicator.Seq);
            indicators.Add(ScoreIndicator(indicator, actual, points[indicator], settings));
        }

        var initial = project.Funding.Total;
        var adjusted = actuals.AdjustedBudget ?? initial;
        var (rate, executionScore, executionExplanation) = Execution(actuals.Executed, adjusted, settings);
        // Indicator scores are rounded one by one, so equal shares (3 × 16.67) can add up to a hundredth
        // more than the points there are; the total is capped at that.
        var available = settings.ExecutionPoints + settings.Level1Points.Values.Sum();
        var total = Math.Min(Round(executionScore + indicators.Sum(i => i.Score)), available);
        var level1Points = project.Indicators.GroupBy(i => i.Level1).ToDictionary(g => g.Key, g => g.Sum(i => points[i]));
        return new ProjectScore(project.Name, initial, adjusted, actuals.Executed, rate, settings.ExecutionPoints, executionScore, executionExplanation, indicators,
            level1Points, total, settings.GradeOf(total));
    }

    private static (decimal? Rate, decimal Score, string Explanation) Execution(Money? executed, Money? budget, ScoringSettings settings)
    {
        if (executed is null)
        {
            return (null, 0m, "未填写全年执行数，预算执行率得 0 分。");
        }

        if (budget is not { } b || b.Fen <= 0)
        {
            return (null, 0m, "全年预算数为空或为 0，无法计算执行率，得 0 分。");
        }

        var rate = (decimal)executed.Value.Fen / b.Fen;
        var score = Round(Math.Min(rate, 1m) * settings.ExecutionPoints);
        return (rate, score, string.Create(CultureInfo.InvariantCulture,
            $"执行率 = 全年执行数 {executed.Value.ToWanYuan()} / 全年预算数 {b.ToWanYuan()} 万元 = {Percent(rate)}；得分 = 执行率（超过 100% 按 100% 计）× {N(settings.ExecutionPoints)} = {N(score)}"));
    }

    /// <summary>Each indicator's points: category points, redistributed from empty categories, shared or as set.</summary>
    private static Dictionary<Indicator, decimal> Allocate(Project project, ProjectActuals actuals, ScoringSettings settings)
    {
        var present = project.Indicators.Select(i => i.Level1).Distinct().ToList();
        var basePoints = present.ToDictionary(l => l, l => settings.Level1Points.GetValueOrDefault(l));
        var orphaned = settings.Level1Points.Where(p => !present.Contains(p.Key)).Sum(p => p.Value);
        var presentTotal = basePoints.Values.Sum();
        var result = new Dictionary<Indicator, decimal>();
        foreach (var level in present)
        {
            var category = basePoints[level] + (presentTotal > 0 ? orphaned * basePoints[level] / presentTotal : 0m);
            var members = project.Indicators.Where(i => i.Level1 == level).ToList();
            var set = members.Where(i => actuals.Indicators.GetValueOrDefault(i.Seq)?.Points is not null).ToList();
            var remaining = Math.Max(0m, category - set.Sum(i => actuals.Indicators[i.Seq].Points!.Value));
            var shared = members.Count - set.Count;
            foreach (var indicator in members)
            {
                result[indicator] = actuals.Indicators.GetValueOrDefault(indicator.Seq)?.Points ?? (shared > 0 ? remaining / shared : 0m);
            }
        }

        return result;
    }

    private static IndicatorScore ScoreIndicator(Indicator indicator, IndicatorActual? actual, decimal points, ScoringSettings settings)
    {
        var head = $"分值 {N(Round(points))}；";
        var target = indicator.Target;
        IndicatorScore Make(decimal fraction, bool met, bool noteRequired, string explanation)
        {
            var score = Round(Math.Clamp(fraction, 0m, 1m) * points);
            var noteMissing = noteRequired && string.IsNullOrWhiteSpace(actual?.Note);
            return new IndicatorScore(indicator.Seq, indicator.Level1, indicator.Name, Round(points), score, met, noteRequired, noteMissing,
                head + explanation + $"；得分 {N(score)}");
        }

        if (actual is null)
        {
            return Make(0m, false, true, "未填写实际完成值，得 0 分");
        }

        if (actual.Band is { } band)
        {
            var range = settings.Range(band);
            var percent = actual.Percent ?? range.Default;
            return Make(percent / 100m, band == QualitativeBand.Achieved, band != QualitativeBand.Achieved,
                $"定性指标{band.Chinese()}（{N(range.Min)}%–{N(range.Max)}%），按 {N(percent)}% 计：{N(Round(points))} × {N(percent)}%");
        }

        if (target.Kind != TargetKind.Quantitative)
        {
            return Make(0m, false, true, "定性指标应填写 达成、部分达成 或 未达成，得 0 分");
        }

        if (actual.Values.Count == 0)
        {
            return Make(0m, false, true, "未填写实际完成值，得 0 分");
        }

        var weakest = 1m;
        var allMet = true;
        var noteNeeded = false;
        var parts = new List<string>();
        for (var i = 0; i < target.Clauses.Count; i++)
        {
            var clause = target.Clauses[i];
            var value = Match(clause, i, actual.Values);
            if (value is null)
            {
                return Make(0m, false, true, $"没有与条件“{clause.Describe()}”对应的实际完成值，得 0 分");
            }

            var (fraction, met, beaten, text) = Clause(clause, value.Value, settings);
            weakest = Math.Min(weakest, fraction);
            allMet &= met;
            noteNeeded |= !met || beaten;
            parts.Add(text);
        }

        var explanation = string.Join("；", parts) + (parts.Count > 1 ? "；多个条件按最弱的一项计分" : "");
        return Make(weakest, allMet, noteNeeded, explanation);
    }

    private static decimal? Match(TargetClause clause, int index, IReadOnlyList<Quantity> values)
    {
        foreach (var value in values)
        {
            if (value.Unit.Length > 0 && value.Unit == clause.Unit)
            {
                return value.Value;
            }
        }

        if (index < values.Count && (values[index].Unit.Length == 0 || clause.Unit.Length == 0))
        {
            return values[index].Value;
        }

        return values.Count == 1 && values[0].Unit.Length == 0 ? values[0].Value : null;
    }

    /// <summary>The fraction of the points one clause earns, whether it is met, whether it was beaten by the note share, and the explanation.</summary>
    private static (decimal Fraction, bool Met, bool Beaten, string Text) Clause(TargetClause clause, decimal actual, ScoringSettings settings)
    {
        var target = clause.Value;
        var lower = clause.IsLowerIsBetter();
        var stated = $"目标 {clause.Describe()}，实际 {N(actual)}{Unit(clause)}";
        if (lower)
        {
            if (target == 0m)
            {
                return actual <= 0m
                    ? (1m, true, false, $"反向指标，{stated}，目标为 0 且实际不大于 0，满分")
                    : (0m, false, false, $"反向指标，{stated}，目标为 0 而实际大于 0，得 0 分");
            }

            if (actual <= target)
            {
                return (1m, true, actual <= target * (1m - settings.DeviationNoteShare), $"反向指标，{stated}，达成，满分");
            }

            return settings.LowerIsBetter == LowerIsBetterRule.Ratio
                ? (target / actual, false, false, $"反向指标，{stated}，未达成，比例法：{N(target)} / {N(actual)} = {Percent(target / actual)}")
                : (Math.Max(0m, (2m * target - actual) / target), false, false,
                    $"反向指标，{stated}，未达成，线性法（目标处满分、两倍目标处 0 分）：(2 × {N(target)} − {N(actual)}) / {N(target)} = {Percent(Math.Max(0m, (2m * target - actual) / target))}");
        }

        if (actual >= target)
        {
            return (1m, true, target > 0m && actual >= target * (1m + settings.DeviationNoteShare), $"正向指标，{stated}，达成，满分");
        }

        return (target <= 0m ? 0m : Math.Max(0m, actual / target), false, false,
            $"正向指标，{stated}，未达成：{N(actual)} / {N(target)} = {Percent(target <= 0m ? 0m : Math.Max(0m, actual / target))}");
    }

    private static string Unit(TargetClause clause) => clause.Unit.Length > 0 ? " " + clause.Unit : "";

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The rule that a deviation must be explained.</summary>
public static class DeviationNotes
{
    /// <summary>
    /// A Chinese message for each indicator whose actual was entered and which missed its target, beat it
    /// by the configured share or more, or fell short of 达成, but has no note (偏差原因分析及改进措施).
    /// </summary>
    public static IEnumerable<string> Missing(Project project, ProjectActuals actuals, ProjectScore score)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(score);
        foreach (var indicator in score.Indicators)
        {
            if (indicator.NoteMissing && actuals.Indicators.ContainsKey(indicator.Seq))
            {
                yield return $"项目“{project.Name}”第 {indicator.Seq} 个指标“{indicator.Name}”{(indicator.Met ? "超出目标较多" : "未达成目标")}，须填写偏差原因分析及改进措施（note）。";
            }
        }
    }
}
