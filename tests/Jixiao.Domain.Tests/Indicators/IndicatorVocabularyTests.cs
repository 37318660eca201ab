using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Tests.Indicators;

public class IndicatorVocabularyTests
{
    [Theory]
    [InlineData("产出指标", Level1.Output, null)]
    [InlineData("满意度指标", Level1.Satisfaction, null)]
    [InlineData("数量指标", Level1.Output, Level2.Quantity)]
    [InlineData("产出指标-时效指标", Level1.Output, Level2.Timeliness)]
    [InlineData("效益指标（社会效益指标）", Level1.Benefit, Level2.Social)]
    [InlineData("生态环境成本指标", Level1.Cost, Level2.EcoCost)]
    [InlineData("效益", Level1.Benefit, null)]
    public void TryFindLabel_KnownLabel_GivesItsLevels(string label, Level1 level1, Level2? level2)
    {
        Assert.True(IndicatorVocabulary.TryFindLabel(label, out var l1, out var l2));
        Assert.Equal(level1, l1);
        Assert.Equal(level2, l2);
    }

    [Theory]
    [InlineData("其他指标")]
    [InlineData("")]
    public void TryFindLabel_UnknownLabel_Fails(string label) =>
        Assert.False(IndicatorVocabulary.TryFindLabel(label, out _, out _));

    [Theory]
    [InlineData(Level1.Output, "系统上线及时率", null, Level2.Timeliness)]
    [InlineData(Level1.Output, "故障响应时间", "分钟", Level2.Timeliness)]
    [InlineData(Level1.Output, "工程验收合格率", "%", Level2.Quality)]
    [InlineData(Level1.Output, "设备故障率", "%", Level2.Quality)]
    [InlineData(Level1.Output, "培训人数", "人", Level2.Quantity)]
    [InlineData(Level1.Output, "预算控制", null, Level2.Cost)]
    [InlineData(Level1.Output, "建设“康养系列”特色课程", "门", Level2.Quantity)]
    [InlineData(Level1.Output, "日常维护", null, null)]
    [InlineData(Level1.Benefit, "校园绿化保持率", "%", Level2.Ecological)]
    [InlineData(Level1.Benefit, "可持续影响指标", "年", Level2.Sustainability)]
    [InlineData(Level1.Benefit, "降低人工成本", null, Level2.Economic)]
    [InlineData(Level1.Benefit, "影响力", null, Level2.Social)]
    [InlineData(Level1.Satisfaction, "用户满意度", "%", Level2.Satisfaction)]
    [InlineData(Level1.Cost, "社会成本", null, Level2.SocialCost)]
    public void InferLevel2_FromNameAndUnit(Level1 level1, string name, string? unit, Level2? expected) =>
        Assert.Equal(expected, IndicatorVocabulary.InferLevel2(level1, name, unit));

    [Fact]
    public void Indicator_Level2_IsMarkedInferredOnlyWhenNotWritten()
    {
        var inferred = Indicator.Create(1, Level1.Output, null, "培训人数", "不少于110人", default);
        var written = Indicator.Create(2, Level1.Output, Level2.Quality, "培训人数", "不少于110人", default);
        Assert.Equal(Level2.Quantity, inferred.Level2);
        Assert.True(inferred.Level2Inferred);
        Assert.Equal(Level2.Quality, written.Level2);
        Assert.False(written.Level2Inferred);
    }

    [Fact]
    public void Indicator_ChangeTarget_ReparsesTheValue()
    {
        var indicator = Indicator.Create(1, Level1.Benefit, null, "影响力", "是否有影响力", default);
        indicator.ChangeTarget("媒体报道不少于3篇");
        Assert.Equal(Jixiao.Domain.Targets.TargetKind.Quantitative, indicator.Target.Kind);
        Assert.Equal("媒体报道不少于3篇", indicator.TargetText);
    }
}
