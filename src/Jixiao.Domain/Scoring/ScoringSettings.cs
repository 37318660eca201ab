using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Scoring;

/// <summary>How a lower-is-better quantitative target that was missed is scored.</summary>
public enum LowerIsBetterRule
{
    /// <summary>points × target / actual (the national default).</summary>
    Ratio,

    /// <summary>Full points at the target, 0 at twice the target, straight in between.</summary>
    Linear,
}

/// <summary>A qualitative band: the share of the points it gives (percent), and its default without a percentage.</summary>
/// <param name="Min">Lowest percentage allowed in the band.</param>
/// <param name="Max">Highest percentage allowed in the band.</param>
/// <param name="Default">The percentage used when none is given.</param>
public sealed record BandRange(decimal Min, decimal Max, decimal Default);

/// <summary>
/// The numbers of self-evaluation scoring (绩效自评), national defaults per domain.md §6; a rules file may
/// change each one for its region and year.
/// </summary>
public sealed record ScoringSettings
{
    /// <summary>The national defaults.</summary>
    public static ScoringSettings National { get; } = new();

    /// <summary>Points of the budget execution rate (预算执行率): score = min(rate, 1) × these points.</summary>
    public decimal ExecutionPoints { get; init; } = 10m;

    /// <summary>Points per level-1 category, shared among its indicators.</summary>
    public IReadOnlyDictionary<Level1, decimal> Level1Points { get; init; } = new Dictionary<Level1, decimal>
    {
        [Level1.Output] = 50m,
        [Level1.Benefit] = 30m,
        [Level1.Satisfaction] = 10m,
        [Level1.Cost] = 0m,
    };

    /// <summary>How a missed lower-is-better target is scored.</summary>
    public LowerIsBetterRule LowerIsBetter { get; init; } = LowerIsBetterRule.Ratio;

    /// <summary>达成 (80–100 %, 100 % when no percentage is given).</summary>
    public BandRange Achieved { get; init; } = new(80m, 100m, 100m);

    /// <summary>部分达成 (60–80 %, 70 % when none is given).</summary>
    public BandRange Partial { get; init; } = new(60m, 80m, 70m);

    /// <summary>未达成 (0–60 %, 0 % when none is given).</summary>
    public BandRange NotAchieved { get; init; } = new(0m, 60m, 0m);

    /// <summary>Lowest score of 优.</summary>
    public decimal Excellent { get; init; } = 90m;

    /// <summary>Lowest score of 良.</summary>
    public decimal Good { get; init; } = 80m;

    /// <summary>Lowest score of 中; below it 差.</summary>
    public decimal Fair { get; init; } = 60m;

    /// <summary>Missing a target, or beating it by this share or more (0.3 = 30 %), needs a deviation note.</summary>
    public decimal DeviationNoteShare { get; init; } = 0.3m;

    /// <summary>The range of <paramref name="band"/>.</summary>
    public BandRange Range(QualitativeBand band) => band switch
    {
        QualitativeBand.Achieved => Achieved,
        QualitativeBand.Partial => Partial,
        QualitativeBand.NotAchieved => NotAchieved,
    };

    /// <summary>优, 良, 中 or 差 for a total score.</summary>
    public Grade GradeOf(decimal score) =>
        score >= Excellent ? Grade.Excellent : score >= Good ? Grade.Good : score >= Fair ? Grade.Fair : Grade.Poor;
}

/// <summary>The grade of a self-evaluation.</summary>
public enum Grade
{
    /// <summary>优.</summary>
    Excellent,

    /// <summary>良.</summary>
    Good,

    /// <summary>中.</summary>
    Fair,

    /// <summary>差.</summary>
    Poor,
}

/// <summary>How far a qualitative target was reached.</summary>
public enum QualitativeBand
{
    /// <summary>达成年度指标.</summary>
    Achieved,

    /// <summary>部分达成年度指标并具有一定效果.</summary>
    Partial,

    /// <summary>未达成年度指标且效果较差.</summary>
    NotAchieved,
}

/// <summary>Chinese names of grades and bands.</summary>
public static class ScoringNames
{
    /// <summary>优, 良, 中, 差.</summary>
    public static string Chinese(this Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        Grade.Poor => "差",
    };

    /// <summary>达成, 部分达成, 未达成.</summary>
    public static string Chinese(this QualitativeBand band) => band switch
    {
        QualitativeBand.Achieved => "达成",
        QualitativeBand.Partial => "部分达成",
        QualitativeBand.NotAchieved => "未达成",
    };

    /// <summary>The band written as 达成 / 部分达成 / 未达成, null for anything else.</summary>
    public static QualitativeBand? ParseBand(string text) => text.Trim() switch
    {
        "达成" => QualitativeBand.Achieved,
        "部分达成" => QualitativeBand.Partial,
        "未达成" => QualitativeBand.NotAchieved,
        _ => null,
    };
}
