using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Indicators;

/// <summary>
/// Whether more or less is better comes from what an indicator measures, not from a word anywhere in its
/// name: a table of names as real tables write them, each with the direction a reviewer would give it.
/// Each is checked twice: the name's meaning, and the direction a bare-number target of that name gets.
/// </summary>
public class DirectionPhraseTests
{
    public static TheoryData<string, Direction> Phrases() => new()
    {
        // Handling or meeting something bad is still more-is-better.
        { "故障及时处理率", Direction.Higher },
        { "设备故障修复率", Direction.Higher },
        { "故障报修响应率", Direction.Higher },
        { "投诉处理率", Direction.Higher },
        { "投诉办结率", Direction.Higher },
        { "投诉处理件数", Direction.Higher },
        { "群众投诉受理率", Direction.Higher },
        { "成本控制达标率", Direction.Higher },
        { "项目成本达标率", Direction.Higher },
        { "成本节约率", Direction.Higher },
        { "安全隐患整改率", Direction.Higher },
        { "事故隐患排查率", Direction.Higher },
        { "违规问题整改率", Direction.Higher },
        { "案件结案率", Direction.Higher },
        { "矛盾纠纷调处率", Direction.Higher },
        { "能耗降低率", Direction.Higher },
        { "降低人工成本", Direction.Higher },
        { "减少碳排放量", Direction.Higher },
        { "响应时间达标率", Direction.Higher },
        { "污染地块安全利用率", Direction.Higher },
        { "生活垃圾清运率", Direction.Higher },
        { "危重病人救治率", Direction.Higher },
        { "差错纠正及时率", Direction.Higher },
        { "工程验收合格率", Direction.Higher },
        { "培训合格率(%)", Direction.Higher },
        { "系统可用率", Direction.Higher },
        { "服务对象满意度", Direction.Higher },
        { "投诉处理满意度", Direction.Higher },
        { "适龄儿童入学率", Direction.Higher },
        { "培训人数", Direction.Higher },
        { "图书借阅人次", Direction.Higher },
        { "课程覆盖率", Direction.Higher },
        { "资金到位率", Direction.Higher },
        { "预算执行率", Direction.Higher },
        { "数据准确率", Direction.Higher },
        { "设备完好率", Direction.Higher },

        // A rate, a count or a cost of something bad, or a time spent waiting, is less-is-better.
        { "设备故障率", Direction.Lower },
        { "网络故障次数", Direction.Lower },
        { "安全事故发生率", Direction.Lower },
        { "安全事故起数", Direction.Lower },
        { "重大责任事故", Direction.Lower },
        { "有效投诉率", Direction.Lower },
        { "投诉件数", Direction.Lower },
        { "工程质量不合格率", Direction.Lower },
        { "数据差错率", Direction.Lower },
        { "学生辍学率", Direction.Lower },
        { "住房空置率", Direction.Lower },
        { "项目超支率", Direction.Lower },
        { "故障响应时间", Direction.Lower },
        { "平均等待时长", Direction.Lower },
        { "业务办理时限", Direction.Lower },
        { "故障修复时间(小时)", Direction.Lower },
        { "审批周期", Direction.Lower },
        { "生均培训成本", Direction.Lower },
        { "单位造价", Direction.Lower },
        { "人均接待费用", Direction.Lower },
        { "污染物排放量", Direction.Lower },
        { "PM2.5平均浓度", Direction.Lower },
        { "传染病发病率", Direction.Lower },
        { "孕产妇死亡率", Direction.Lower },
        { "信访案件数量", Direction.Lower },
        { "脱贫人口返贫率", Direction.Lower },
        { "未办结率", Direction.Lower },
        { "系统误报率", Direction.Lower },
        { "单位面积能耗", Direction.Lower },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void MeaningOf_Name_GivesTheDirectionAReviewerWould(string name, Direction expected) =>
        Assert.Equal(expected, IndicatorVocabulary.MeaningOf(name));

    [Theory]
    [MemberData(nameof(Phrases))]
    public void BareNumberTarget_TakesItsDirectionFromTheName(string name, Direction expected)
    {
        var target = TargetGrammar.Parse("5", name);
        Assert.Equal(TargetKind.Quantitative, target.Kind);
        Assert.Equal(expected, Assert.Single(target.Clauses).Direction);
    }

    [Fact]
    public void PhraseTable_HoldsAtLeastSixtyNames_BothWays()
    {
        var phrases = Phrases().Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        Assert.True(phrases.Count >= 60, $"{phrases.Count} phrases");
        Assert.Equal(phrases.Count, phrases.Select(p => p.Item1).Distinct().Count());
        Assert.Contains(phrases, p => p.Item2 == Direction.Higher);
        Assert.Contains(phrases, p => p.Item2 == Direction.Lower);
    }

    [Theory]
    [InlineData("学校建设情况")]
    [InlineData("项目实施进度")]
    public void MeaningOf_NeutralName_SaysNothing(string name) => Assert.Null(IndicatorVocabulary.MeaningOf(name));

    [Theory]
    [InlineData("教学质量", "0", "教学事故", Direction.Lower)]
    [InlineData("安全管理", "", "", Direction.Equal)]
    public void ClauseWords_DecideBeforeTheName(string name, string subject, string after, Direction expected) =>
        Assert.Equal(expected, IndicatorVocabulary.DirectionFromMeaning(name, subject.AsSpan(), after.AsSpan(), ""));
}
