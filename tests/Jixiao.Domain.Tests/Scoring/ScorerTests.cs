using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Scoring;

/// <summary>Table-driven scoring: target, actual and points → score, with the boundary rows of every rule.</summary>
public class ScorerTests
{
    /// <summary>One indicator alone in 产出 with 10 points (the category's points set on it).</summary>
    public static TheoryData<string, string, string, decimal, bool> Quantitative() => new()
    {
        // name, target, actual, expected score of 10 points, met
        { "覆盖率", "≥95%", "95%", 10m, true },                  // met exactly
        { "覆盖率", "≥95%", "94.9%", 9.99m, false },             // just missed: 10 × 94.9 / 95 = 9.989…
        { "覆盖率", "≥95%", "120%", 10m, true },                 // above 100 %: no bonus
        { "覆盖率", ">95%", "95%", 10m, true },                  // '>' is met at the target
        { "论文发表数", "7篇", "6篇", 8.57m, false },             // '=' on a higher-is-better count: 6/7
        { "论文发表数", "7篇", "7", 10m, true },                  // a bare number takes the target's unit
        { "培训人数", "不少于110人", "0人", 0m, false },
        { "故障响应时间", "10分钟内", "10分钟", 10m, true },        // lower-is-better met exactly
        { "故障响应时间", "10分钟内", "12.5分钟", 8m, false },      // ratio rule: 10 × 10 / 12.5
        { "设备故障率", "<20%", "25%", 8m, false },
        { "系统稳定性", "事故为0", "0", 10m, true },                // target 0, lower: full at 0
        { "系统稳定性", "事故为0", "1", 0m, false },                // …and nothing above it
        { "安全事故率", "1%以下", "0.5%", 10m, true },
        { "课程推广", "开展不少于80场讲座，线上线下参与人次不少于36万", "80场；30万人次", 8.33m, false }, // weakest clause 300000/360000
        { "课程推广", "开展不少于80场讲座，线上线下参与人次不少于36万", "40场；36万人次", 5m, false },
        { "课程推广", "开展不少于80场讲座，线上线下参与人次不少于36万", "90场；40万人次", 10m, true },
    };

    [Theory]
    [MemberData(nameof(Quantitative))]
    public void QuantitativeTarget_ScoresAsTheRulesSay(string name, string target, string actual, decimal expected, bool met)
    {
        var score = ScoreOne(name, target, Actual(actual));
        Assert.Equal(expected, score.Score);
        Assert.Equal(met, score.Met);
        Assert.Equal(10m, score.Points);
        Assert.Contains(expected.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), score.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, decimal> LinearRule() => new()
    {
        { "10分钟内", "10分钟", 10m },
        { "10分钟内", "15分钟", 5m },       // halfway to twice the target
        { "10分钟内", "20分钟", 0m },       // twice the target
        { "10分钟内", "30分钟", 0m },       // beyond: still 0
    };

    [Theory]
    [MemberData(nameof(LinearRule))]
    public void LowerIsBetter_LinearRule_FullAtTargetZeroAtTwice(string target, string actual, decimal expected)
    {
        var settings = ScoringSettings.National with { LowerIsBetter = LowerIsBetterRule.Linear };
        Assert.Equal(expected, ScoreOne("故障响应时间", target, Actual(actual), settings).Score);
    }

    public static TheoryData<QualitativeBand, decimal?, decimal> Qualitative() => new()
    {
        { QualitativeBand.Achieved, null, 10m },      // 100 % when no percentage is given
        { QualitativeBand.Achieved, 100m, 10m },
        { QualitativeBand.Achieved, 80m, 8m },         // lower bound of the band
        { QualitativeBand.Partial, null, 7m },         // 70 %
        { QualitativeBand.Partial, 80m, 8m },
        { QualitativeBand.Partial, 60m, 6m },
        { QualitativeBand.NotAchieved, null, 0m },
        { QualitativeBand.NotAchieved, 60m, 6m },
        { QualitativeBand.NotAchieved, 59.5m, 5.95m },
    };

    [Theory]
    [MemberData(nameof(Qualitative))]
    public void QualitativeTarget_TheBandsShareOfThePoints(QualitativeBand band, decimal? percent, decimal expected)
    {
        var score = ScoreOne("教学管理正常开展", "有效", new IndicatorActual([], band, percent, Note: "说明"));
        Assert.Equal(expected, score.Score);
        Assert.Equal(band == QualitativeBand.Achieved, score.Met);
        Assert.Equal(band != QualitativeBand.Achieved, score.NoteRequired);
    }

    public static TheoryData<string, string, decimal> Execution() => new()
    {
        // executed, adjusted budget ("" = the table's 总计 of 100), execution score
        { "100", "", 10m },
        { "90", "", 9m },
        { "99.995", "", 10m },      // 9.9995 rounds half away from zero
        { "120", "", 10m },          // above 100 %: capped
        { "60", "80", 7.5m },        // against the adjusted budget
        { "0", "", 0m },
    };

    [Theory]
    [MemberData(nameof(Execution))]
    public void ExecutionRate_IsExecutedOverAdjustedBudgetCappedAtOne(string executed, string adjusted, decimal expected)
    {
        var project = Project(("产出", "培训人数", "≥100人"));
        var actuals = new ProjectActuals(Money.FromWanYuan(decimal.Parse(executed, System.Globalization.CultureInfo.InvariantCulture)),
            adjusted.Length == 0 ? null : Money.FromWanYuan(decimal.Parse(adjusted, System.Globalization.CultureInfo.InvariantCulture)),
            new Dictionary<int, IndicatorActual> { [1] = Actual("100人") });
        var score = Scorer.Score(project, actuals, ScoringSettings.National);
        Assert.Equal(expected, score.ExecutionScore);
        Assert.Contains("执行率", score.ExecutionExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_AreSharedEquallyWithinACategory()
    {
        var project = Project(("产出", "甲", "≥1个"), ("产出", "乙", "≥1个"), ("产出", "丙", "≥1个"), ("效益", "丁", "≥1个"), ("满意度", "戊", "≥90%"));
        var score = Scorer.Score(project, AllMet(project), ScoringSettings.National);
        Assert.Equal([16.67m, 16.67m, 16.67m, 30m, 10m], score.Indicators.Select(i => i.Points));

        // Three rounded shares add up to 50.01; the total never exceeds the points there are.
        Assert.Equal(100m, score.Score);
        Assert.Equal(Grade.Excellent, score.Grade);
    }

    [Fact]
    public void MissingCategory_HandsItsPointsToTheOthersInProportion()
    {
        // No 满意度: its 10 points go 50:30 to 产出 and 效益 → 56.25 and 33.75.
        var project = Project(("产出", "甲", "≥1个"), ("效益", "乙", "≥1个"));
        var score = Scorer.Score(project, AllMet(project), ScoringSettings.National);
        Assert.Equal([56.25m, 33.75m], score.Indicators.Select(i => i.Points));
        Assert.Equal(100m, score.Score);
    }

    [Fact]
    public void PointsSetPerIndicator_TheRestShareWhatIsLeft()
    {
        var project = Project(("产出", "甲", "≥1个"), ("产出", "乙", "≥1个"), ("产出", "丙", "≥1个"), ("效益", "丁", "≥1个"), ("满意度", "戊", "≥90%"));
        var actuals = AllMet(project);
        var indicators = actuals.Indicators.ToDictionary();
        indicators[1] = indicators[1] with { Points = 30m };
        var score = Scorer.Score(project, actuals with { Indicators = indicators }, ScoringSettings.National);
        Assert.Equal([30m, 10m, 10m, 30m, 10m], score.Indicators.Select(i => i.Points));
    }

    [Theory]
    [InlineData("≥100人", "129人", false)]
    [InlineData("≥100人", "130人", true)]    // beaten by 30 %: explain
    [InlineData("≥100人", "99人", true)]     // missed: explain
    [InlineData("≤10分钟", "7分钟", true)]    // 30 % under a lower-is-better target
    [InlineData("≤10分钟", "7.5分钟", false)]
    public void DeviationNote_IsDueWhenMissedOrBeatenByThirtyPercent(string target, string actual, bool due)
    {
        var score = ScoreOne("服务", target, Actual(actual));
        Assert.Equal(due, score.NoteRequired);
        Assert.Equal(due, score.NoteMissing);
    }

    [Theory]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(79.99, Grade.Fair)]
    [InlineData(60, Grade.Fair)]
    [InlineData(59.99, Grade.Poor)]
    public void Grade_ByThresholds(double score, Grade grade) =>
        Assert.Equal(grade, ScoringSettings.National.GradeOf((decimal)score));

    [Fact]
    public void MissingActual_ScoresZeroAndSaysSo()
    {
        var project = Project(("产出", "培训人数", "≥100人"));
        var score = Scorer.Score(project, new ProjectActuals(null, null, new Dictionary<int, IndicatorActual>()), ScoringSettings.National);
        Assert.Equal(0m, score.Score);
        Assert.Contains("未填写", score.Indicators[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("未填写全年执行数", score.ExecutionExplanation, StringComparison.Ordinal);
        Assert.Equal(Grade.Poor, score.Grade);
    }

    private static IndicatorScore ScoreOne(string name, string target, IndicatorActual actual, ScoringSettings? settings = null)
    {
        var project = Project(("产出", name, target));
        var actuals = new ProjectActuals(null, null, new Dictionary<int, IndicatorActual> { [1] = actual with { Points = 10m } });
        return Scorer.Score(project, actuals, settings ?? ScoringSettings.National).Indicators[0];
    }

    /// <summary>An actual as written: values separated by ；, each a number with an optional unit.</summary>
    private static IndicatorActual Actual(string text) =>
        new([.. text.Split('；').Select(part =>
        {
            var parsed = Jixiao.Domain.Targets.TargetGrammar.Parse(part);
            var clause = Assert.Single(parsed.Clauses);
            return new Quantity(clause.Value, clause.Unit);
        })]);

    private static ProjectActuals AllMet(Project project) =>
        new(Money.FromWanYuan(100m), null, project.Indicators.ToDictionary(i => i.Seq, i => new IndicatorActual([new Quantity(i.Target.Clauses[0].Value, i.Target.Clauses[0].Unit)])));

    private static Project Project(params (string Level, string Name, string Target)[] indicators)
    {
        var project = new Project("示范项目", new Funding(Money.FromWanYuan(100m), Money.FromWanYuan(100m), null, null), "目标", default);
        var seq = 0;
        foreach (var (level, name, target) in indicators)
        {
            Assert.True(IndicatorVocabulary.TryFindLabel(level, out var level1, out _));
            project.AddIndicator(Indicator.Create(++seq, level1, null, name, target, default));
        }

        return project;
    }
}
