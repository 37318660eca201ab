namespace Jixiao.Domain.Review;

/// <summary>
/// The quality score reviewers sort by. A project starts at 100 and loses, for each rule, the weight of
/// the rule's severity times the number of its findings on that project, counting at most
/// <see cref="ScoreWeights.MaxPerRule"/> of them (so one habit repeated on ten indicators does not sink a
/// project on its own); the score does not go below 0. A document's score is the mean of its projects'
/// scores less the same penalty for the findings about the unit as a whole (its summary row), again not
/// below 0. Scores have one decimal, rounded half away from zero.
/// </summary>
public static class QualityScore
{
    /// <summary>100 less the penalty of <paramref name="findings"/>, at least 0.</summary>
    public static decimal Of(IEnumerable<Finding> findings, ScoreWeights weights) =>
        Round(Math.Max(0m, 100m - Penalty(findings, weights)));

    /// <summary>The mean project score less the penalty of the unit findings, at least 0; 100 less the penalty when there are no projects.</summary>
    public static decimal OfDocument(IReadOnlyList<ProjectReview> projects, IEnumerable<Finding> unitFindings, ScoreWeights weights)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var mean = projects.Count == 0 ? 100m : projects.Sum(p => p.Score) / projects.Count;
        return Round(Math.Max(0m, mean - Penalty(unitFindings, weights)));
    }

    /// <summary>The points the findings take off: per rule, weight × min(count, MaxPerRule).</summary>
    public static decimal Penalty(IEnumerable<Finding> findings, ScoreWeights weights)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(weights);
        return findings
            .GroupBy(f => (f.Code, f.Severity))
            .Sum(g => weights.Of(g.Key.Severity) * Math.Min(g.Count(), weights.MaxPerRule));
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
