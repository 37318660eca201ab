using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>A read keeps one parse per short value and name, and what it gives is what parsing gives.</summary>
public class TargetParsesTests
{
    private static readonly (string Text, string Name)[] Pairs =
    [
        ("≥95%", "服务对象满意度"), ("及时", "完成及时性"), ("1", "设备完好率"), ("1", "培训期数"), ("100%", "验收合格率"),
        ("不少于110人", "培训人数"), ("", "资金到位率"), ("≤10分钟", "平均响应时间"), ("5000", "年度业务量(件)"),
        ("2025年12月31日前", "完成时间"), ("约170人", "参与人数"), ("明显提高", "社会效益"), ("无", "投诉次数"),
        ("90%以上", "读者满意度（%）"), ("≥1.2万册", "新增藏书量"),
    ];

    [Fact]
    public void EachPair_ParsesAsTheGrammarDoes_AndRepeatsShareOneParse()
    {
        var parses = new TargetParses();
        foreach (var (text, name) in Pairs)
        {
            var (target, unit) = parses.Parse(text, name);
            Assert.Equal(TargetDescription.Describe(TargetGrammar.Parse(text, name)), TargetDescription.Describe(target));
            Assert.Equal(TargetGrammar.Parse(text, name).Text, target.Text);
            Assert.Equal(TargetGrammar.UnitInName(name), unit);
        }

        Assert.Equal(0, parses.Reused);
        foreach (var (text, name) in Pairs)
        {
            // Equal strings that are not the same string find the same parse.
            Assert.Same(parses.Parse(text, name).Target, parses.Parse(new string(text.AsSpan()), new string(name.AsSpan())).Target);
        }

        Assert.Equal(2 * Pairs.Length, parses.Reused);

        // The name takes part: the same value under another name is parsed for that name.
        Assert.NotSame(parses.Parse("1", "设备完好率").Target, parses.Parse("1", "培训期数").Target);
    }

    [Fact]
    public void LongValues_AndPairsPastTheBound_AreParsedEachTime()
    {
        var parses = new TargetParses();
        var longText = "开展不少于80场讲座，线上线下参与人次不少于36万";
        Assert.True(longText.Length > TargetParses.MaxLength);
        Assert.NotSame(parses.Parse(longText, "讲座").Target, parses.Parse(longText, "讲座").Target);

        for (var i = 0; i < TargetParses.MaxEntries; i++)
        {
            parses.Parse("不少于" + i + "场", "活动场次");
        }

        var past = parses.Parse("≥99%", "回访满意率");
        Assert.NotSame(past.Target, parses.Parse("≥99%", "回访满意率").Target);
        Assert.Equal(TargetDescription.Describe(TargetGrammar.Parse("≥99%", "回访满意率")), TargetDescription.Describe(past.Target));
    }

    [Fact]
    public void AnIndicatorMadeThroughTheParses_IsTheIndicatorMadeWithout()
    {
        var parses = new TargetParses();
        foreach (var (text, name) in Pairs)
        {
            var plain = Indicator.Create(1, Level1.Output, null, name, text, default);
            var shared = Indicator.Create(1, Level1.Output, null, name, text, default, parses);
            Assert.Equal(TargetDescription.Describe(plain.Target), TargetDescription.Describe(shared.Target));
            Assert.Equal(plain.NameUnit, shared.NameUnit);
            Assert.Equal(plain.Level2, shared.Level2);
        }
    }
}
