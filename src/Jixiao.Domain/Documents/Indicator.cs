using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Documents;

/// <summary>
/// A 三级指标 with its 年度指标值. The level 2 is either written in the source or inferred from the name
/// (<see cref="Level2Inferred"/>); the target is parsed from <see cref="TargetText"/> and kept in step with it.
/// </summary>
public sealed class Indicator
{
    private Indicator(int seq, Level1 level1, Level2? writtenLevel2, string name, string targetText, SourceLocation location, TargetParses? parses)
    {
        Seq = seq;
        Level1 = level1;
        WrittenLevel2 = writtenLevel2;
        Name = name;
        Location = location;
        TargetText = targetText;
        (Target, NameUnit) = parses is not null
            ? parses.Parse(targetText, name)
            : (TargetGrammar.Parse(targetText, name), TargetGrammar.UnitInName(name));
    }

    /// <summary>The sequence number as printed (1-based).</summary>
    public int Seq { get; }

    /// <summary>The id under which the indicator is stored; null for one read from a file and not stored.</summary>
    public int? StoredId { get; set; }

    /// <summary>一级指标.</summary>
    public Level1 Level1 { get; }

    /// <summary>二级指标: as written, or inferred; null when neither.</summary>
    public Level2? Level2 => WrittenLevel2 ?? IndicatorVocabulary.InferLevel2(Level1, Name, Target.Clauses.Count > 0 ? Target.Clauses[0].Unit : NameUnit);

    /// <summary>True when <see cref="Level2"/> was inferred rather than written in the source.</summary>
    public bool Level2Inferred => WrittenLevel2 is null && Level2 is not null;

    /// <summary>The level 2 written in the source, null when it was not.</summary>
    public Level2? WrittenLevel2 { get; }

    /// <summary>三级指标 name as written.</summary>
    public string Name { get; }

    /// <summary>The unit carried in the brackets ending the name (<c>(件)</c>), null when none.</summary>
    public string? NameUnit { get; }

    /// <summary>年度指标值 as written.</summary>
    public string TargetText { get; private set; }

    /// <summary>The parsed <see cref="TargetText"/>.</summary>
    public Target Target { get; private set; }

    /// <summary>Where the indicator was read from.</summary>
    public SourceLocation Location { get; }

    /// <summary>指标解释: what the indicator means, as a form explains it; <c>""</c> when it does not.</summary>
    public string Explanation { get; private set; } = "";

    /// <summary>指标标准或依据 / 评（扣）分标准, as a form gives it; <c>""</c> when it does not.</summary>
    public string Standard { get; private set; } = "";

    /// <summary>What a self-evaluation form reports for the indicator; null for a target form.</summary>
    public IndicatorEvaluation? Evaluation { get; private set; }

    /// <summary>A transfer form's value per region (区域目标值 and one per county), in column order; empty otherwise.</summary>
    public IReadOnlyList<RegionTarget> RegionTargets { get; private set; } = [];

    /// <summary>Sets what a self-evaluation form reports for the indicator.</summary>
    public Indicator Evaluate(IndicatorEvaluation? evaluation)
    {
        Evaluation = evaluation;
        return this;
    }

    /// <summary>Sets the per-region values of a transfer form.</summary>
    public Indicator ForRegions(IReadOnlyList<RegionTarget> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        RegionTargets = regions;
        return this;
    }

    /// <summary>Sets the explanation and the standard a form gives beside the target.</summary>
    public Indicator Explain(string explanation, string standard)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(standard);
        Explanation = explanation;
        Standard = standard;
        return this;
    }

    /// <summary>Creates an indicator; the target is parsed here.</summary>
    public static Indicator Create(int seq, Level1 level1, Level2? writtenLevel2, string name, string targetText, SourceLocation location) =>
        Create(seq, level1, writtenLevel2, name, targetText, location, null);

    /// <summary>Creates an indicator whose target is parsed through <paramref name="parses"/>, which shares the parse of a value met before.</summary>
    public static Indicator Create(int seq, Level1 level1, Level2? writtenLevel2, string name, string targetText, SourceLocation location, TargetParses? parses)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(targetText);
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        return new Indicator(seq, level1, writtenLevel2, name, targetText, location, parses);
    }

    /// <summary>Replaces the target text and re-parses it.</summary>
    public void ChangeTarget(string targetText)
    {
        ArgumentNullException.ThrowIfNull(targetText);
        TargetText = targetText;
        Target = TargetGrammar.Parse(targetText, Name);
    }
}

/// <summary>What a self-evaluation form reports for one indicator.</summary>
/// <param name="Actual">实际完成值 as written, <c>""</c> when blank.</param>
/// <param name="Points">分值, null when not given.</param>
/// <param name="Score">得分 as declared, null when not given.</param>
/// <param name="Deviation">偏差原因分析及改进措施, <c>""</c> when blank.</param>
public sealed record IndicatorEvaluation(string Actual, decimal? Points, decimal? Score, string Deviation);

/// <summary>A transfer form's target value for one region.</summary>
/// <param name="Region">The region (or 区域 for the overall value) as the column heads it.</param>
/// <param name="TargetText">The value as written.</param>
public sealed record RegionTarget(string Region, string TargetText);
