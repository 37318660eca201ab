using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

public class NameKeysTests
{
    [Theory]
    [InlineData("服务对象满意度（%）", "服务对象满意度")]
    [InlineData("服务对象满意度(%)", "服务对象满意度")]
    [InlineData("ＡＢＣ 系统　可用性", "abc系统可用性")]
    public void Key_IgnoresWidthPunctuationAndSpace(string name, string key) => Assert.Equal(key, NameKeys.Key(name));

    [Theory]
    [InlineData("青溪市社区学院2024年信息化运维项目", "信息化运维项目")]
    [InlineData("青溪开放学院2025年-2026年信息化运维项目(2025)", "信息化运维项目")]
    [InlineData("青溪市开放学院2026-2027年信息化运维项目(2026)", "信息化运维项目")]
    [InlineData("2023年度教育信息化项目", "教育信息化项目")]
    [InlineData("教育信息化项目2023年", "教育信息化项目")]
    [InlineData("老年教育专项工作经费", "老年教育专项工作经费")]
    [InlineData("5000人次培训项目", "5000人次培训项目")]
    public void SeriesKey_DropsYearsAndWhatPrecedesThem(string name, string key) => Assert.Equal(key, NameKeys.SeriesKey(name));

    [Theory]
    [InlineData("2024年项目支出绩效目标表", 2024)]
    [InlineData("青溪开放学院2025年-2026年信息化运维项目", 2025)]
    [InlineData("部门预算2023.xlsx", 2023)]
    [InlineData("培训12024人次", null)]
    [InlineData("项目支出绩效目标表", null)]
    public void FirstYear_FindsAFourDigitYearNotInsideALongerNumber(string text, int? year) => Assert.Equal(year, NameKeys.FirstYear(text));

    [Fact]
    public void Words_LeaveOutFillerWords()
    {
        var words = NameKeys.Words("全年开展教师培训");
        Assert.Contains("教师", words);
        Assert.Contains("培训", words);
        Assert.DoesNotContain("全年", words);
        Assert.DoesNotContain("开展", words);
    }
}
