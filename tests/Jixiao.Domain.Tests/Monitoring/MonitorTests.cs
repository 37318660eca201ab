using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Monitoring;

public class MonitorTests
{
    public static TheoryData<int, string, Light> Execution() => new()
    {
        // month, executed so far of a 120.00 budget, light (time share month/12)
        { 6, "60", Light.Green },     // 50 % at 50 %
        { 6, "48", Light.Green },     // 10 points behind: not more than 10
        { 6, "47.99", Light.Yellow }, // just over 10 points behind
        { 6, "36", Light.Yellow },    // 20 points behind: not more than 20
        { 6, "35.99", Light.Red },
        { 12, "120", Light.Green },
        { 1, "0", Light.Green },      // 8.3 points behind in January
    };

    [Theory]
    [MemberData(nameof(Execution))]
    public void ExecutionLaggingTheYear_TurnsYellowThenRed(int month, string executed, Light light)
    {
        var result = MonitoringCheck.Check(Project(), new MonitoringInput(month, Money.FromWanYuan(decimal.Parse(executed, System.Globalization.CultureInfo.InvariantCulture)), null,
            new Dictionary<int, IndicatorProgress>()), MonitoringSettings.National);
        Assert.Equal(light, result.Light);
        if (light != Light.Green)
        {
            Assert.Contains("落后于时间进度", Assert.Single(result.Warnings).Reason, StringComparison.Ordinal);
        }
    }

    public static TheoryData<int, string, Likelihood?, Light> Indicators() => new()
    {
        // seq (1: ≥100人, 2: ≤10分钟), projected, likelihood, light
        { 1, "100人", Likelihood.Certain, Light.Green },
        { 1, "95人", null, Light.Yellow },        // 5 % short
        { 1, "90人", null, Light.Yellow },        // 10 % short: not more than 10 %
        { 1, "89人", null, Light.Red },
        { 2, "10分钟", null, Light.Green },
        { 2, "12分钟", null, Light.Red },          // 20 % over a lower-is-better target
        { 1, "120人", Likelihood.Possible, Light.Yellow },
        { 1, "120人", Likelihood.Impossible, Light.Red },
    };

    [Theory]
    [MemberData(nameof(Indicators))]
    public void ProjectedShortfallAndLikelihood_Light(int seq, string projected, Likelihood? likelihood, Light light)
    {
        var clause = Jixiao.Domain.Targets.TargetGrammar.Parse(projected).Clauses.Single();
        var progress = new IndicatorProgress("", [new Quantity(clause.Value, clause.Unit)], null, "", likelihood);
        var result = MonitoringCheck.Check(Project(), new MonitoringInput(6, null, null, new Dictionary<int, IndicatorProgress> { [seq] = progress }), MonitoringSettings.National);
        Assert.Equal(light, result.Light);
        Assert.All(result.Warnings, w => Assert.Equal(seq, w.IndicatorSeq));
    }

    [Fact]
    public void Thresholds_ComeFromTheRulesFile()
    {
        var settings = ReviewSettings.Parse("""{ "monitoring": { "executionLagYellow": 5, "executionLagRed": 8 } }""", out var errors)!;
        Assert.Empty(errors);
        var result = MonitoringCheck.Check(Project(), new MonitoringInput(6, Money.FromWanYuan(50m), null, new Dictionary<int, IndicatorProgress>()), settings.Monitoring);
        Assert.Equal(Light.Red, result.Light);   // 8.3 points behind
        Assert.Null(ReviewSettings.Parse("""{ "monitoring": { "executionLagYellow": 20, "executionLagRed": 10 } }""", out _));
    }

    private static Project Project()
    {
        var project = new Project("示范项目", new Funding(Money.FromWanYuan(120m), Money.FromWanYuan(120m), null, null), "目标", default);
        project.AddIndicator(Indicator.Create(1, Level1.Output, null, "培训人数", "≥100人", default));
        project.AddIndicator(Indicator.Create(2, Level1.Output, null, "故障响应时间", "≤10分钟", default));
        return project;
    }
}
