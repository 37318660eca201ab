namespace Jixiao.Domain.Tests.Review;

/// <summary>Goal text against indicators: which pairs are contradictions and which are not.</summary>
public class ConsistencyTests
{
    public static TheoryData<string, string, string, bool> GoalCases() => new()
    {
        // goal sentence, indicator name, target, contradiction?
        { "培训人次不少于600人次", "培训人次", "400人次", true },
        { "培训人次不少于600人次", "培训人次", "≥600人次", false },
        { "培训人次不少于600人次", "培训人次", "≥800人次", false },
        { "培训人次不少于600人次", "参训教师人数", "400人", false },
        { "培训人次不少于600人次", "讲座听众", "400人次", false },
        { "需聘请约170人的编外工作人员", "编外合同工人数", "约170人", false },
        { "需聘请约170人的编外工作人员", "编外合同工人数", "约120人", true },
        { "满意度达到90%以上", "学员满意度", "≥95%", false },
        { "满意度达到90%以上", "学员满意度", "≥80%", true },
        { "故障修复时间不超过4小时", "故障修复时间", "≤8小时", true },
        { "故障修复时间不超过4小时", "故障修复时间", "≤2小时", false },
        { "系统可用率达到99%", "系统故障率", "<1%", false },
        { "每年建设课程30门", "课程建设数量", "每年30门", false },
    };

    [Theory]
    [MemberData(nameof(GoalCases))]
    public void GoalNumber_AgainstIndicator(string goal, string name, string target, bool contradiction)
    {
        var findings = RuleCatalogueTests.Review($"项目：示范项目；20.00/20.00/-/-\n目标：本年度{goal}，服务全校师生。\n产出：{name}：{target}\n效益：服务覆盖率：≥90%\n满意度：服务对象满意度：≥90%");
        Assert.Equal(contradiction, findings.Any(f => f.Code == "GOAL-CONTRADICTS" && f.IndicatorSeq == 1));
    }

    [Fact]
    public void PastedValue_CountsOnlyIdenticalValuesAndNamesTheIndicators()
    {
        var findings = RuleCatalogueTests.Review("项目：示范项目；20.00/20.00/-/-\n目标：完成示范。\n产出：甲：90%\n产出：乙：90％\n产出：丙：≥90%\n效益：丁：90%\n满意度：戊：90%");
        var pasted = Assert.Single(findings, f => f.Code == "IND-PASTED-VALUE");
        Assert.Contains("1、2、4、5", pasted.Message, StringComparison.Ordinal);
    }
}
