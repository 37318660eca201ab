using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Scoring;

/// <summary>Actuals of targets with several clauses: written one value per clause, however separated, and scored clause by clause.</summary>
public class ActualValuesTests
{
    private const string TwoClauses = "开设教学班不少于60个，线上课程访问量达到50万次";

    [Theory]
    [InlineData("62个；55万次")]
    [InlineData("62个;550000次")]
    [InlineData("62个，55万次")]
    [InlineData("62个、55万次")]
    [InlineData("62 个 ； 55 万次")]
    public void SeveralClauses_ReadOneValueEach_HoweverSeparated(string written)
    {
        var values = ActualValues.Read(written, TargetGrammar.Parse(TwoClauses), out var problem);
        Assert.Null(problem);
        Assert.Equal([new Quantity(62m, "个"), new Quantity(550_000m, "次")], values);
    }

    [Theory]
    [InlineData("很多", "应为数字")]
    [InlineData("62个；很多", "“很多”应为数字")]
    [InlineData("62门", "单位“门”与指标值的单位（个、次）不符")]
    public void ValuesThatDoNotFit_SayWhy(string written, string expected)
    {
        Assert.Null(ActualValues.Read(written, TargetGrammar.Parse(TwoClauses), out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoClauseTarget_ReportedWithBothValues_ScoresByTheWeakerClause_NotZero()
    {
        var project = new Project("开放教育项目", new Funding(Money.FromWanYuan(100m), Money.FromWanYuan(100m), null, null), "目标", default);
        Assert.True(IndicatorVocabulary.TryFindLabel("产出", out var level1, out _));
        project.AddIndicator(Indicator.Create(1, level1, null, "教学班与访问量", TwoClauses, default));
        var values = ActualValues.Read("62个，40万次", project.Indicators[0].Target, out _)!;
        var actuals = new ProjectActuals(Money.FromWanYuan(100m), null, new Dictionary<int, IndicatorActual> { [1] = new(values, Points: 10m) });
        var score = Scorer.Score(project, actuals, ScoringSettings.National).Indicators[0];
        Assert.Equal(8m, score.Score);   // 40万 of 50万 is the weaker clause: 10 × 0.8
        Assert.False(score.Met);
    }

    [Fact]
    public void Hint_NamesEachClause_WhenThereAreSeveral()
    {
        Assert.Equal("每个条件一个值，用；分隔（≥ 60 个；≥ 50万 次）", ActualValues.Hint(TargetGrammar.Parse(TwoClauses)));
        Assert.Equal("数值，如 92%", ActualValues.Hint(TargetGrammar.Parse("≥95%")));
    }
}
