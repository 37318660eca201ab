using System.Text;
using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

public class CopyTests
{
    [Fact]
    public void SimilarProjects_AmongThousands_FindsExactlyThePlantedCopies()
    {
        // 3,000 projects of five indicators each; every project shares two common names with all the
        // others and has three of its own. Project 2,500 copies project 700; project 2,900 copies four of
        // the five names of project 1,200 (similarity 4/6 is below 0.8) and so is not reported.
        var b = new StringBuilder();
        for (var p = 1; p <= 3000; p++)
        {
            var own = p switch { 2500 => 700, 2900 => 1200, _ => p };
            b.Append($"项目：第{p}号专项；1.00/1.00/-/-\n目标：完成专项。\n");
            b.Append($"产出：专项{own}甲数量：≥{p}个\n产出：专项{own}乙数量：≥5个\n");
            b.Append(p == 2900 ? "效益：另设效益：≥3项\n" : $"效益：专项{own}效益：≥3项\n");
            b.Append("满意度：服务对象满意度：≥90%\n产出：资料归档率：100%\n");
        }

        var findings = RuleCatalogueTests.Review(b.ToString());
        var copy = Assert.Single(findings, f => f.Code == "COPY-SIMILAR");
        Assert.Equal("第2500号专项", copy.Project!.Name);
        Assert.Contains("第700号专项", copy.Message, StringComparison.Ordinal);
        Assert.Contains("100%", copy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SimilarProjects_SameProjectInAnotherYear_IsLeftToTheYearRules()
    {
        const string Indicators = "产出：驻场人员数量：≥2人\n产出：故障响应时间：≤10分钟\n效益：维修成功率：100%\n满意度：用户满意度：≥95%\n";
        var findings = RuleCatalogueTests.Review(
            $"项目：青溪学院2024年信息化运维项目；10.00/10.00/-/-\n目标：运维。\n{Indicators}"
            + $"项目：青溪开放学院2025年-2026年信息化运维项目(2025)；10.00/10.00/-/-\n目标：运维。\n{Indicators.Replace("≥95%", "≥90%", StringComparison.Ordinal)}");
        Assert.DoesNotContain(findings, f => f.Code == "COPY-SIMILAR");
        var lowered = Assert.Single(findings, f => f.Code == "COPY-LOWERED");
        Assert.Equal(4, lowered.IndicatorSeq);
        Assert.Contains("2024", lowered.Message, StringComparison.Ordinal);
        Assert.Contains("2025", lowered.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≤10分钟", "≤15分钟", true)]
    [InlineData("≤10分钟", "≤5分钟", false)]
    [InlineData("≥100人", "≥80人", true)]
    [InlineData("≥100人", "≥100人次", false)]
    [InlineData("及时", "及时", false)]
    public void YearOnYear_LoweredMeansLessDemandingInTheIndicatorsDirection(string before, string after, bool lowered)
    {
        var findings = RuleCatalogueTests.Review(
            $"文件：2024年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务指标：{before}\n"
            + $"文件：2025年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务指标：{after}");
        Assert.Equal(lowered, findings.Any(f => f.Code == "COPY-LOWERED"));
    }

    [Fact]
    public void YearOnYear_OtherUnitsProjectOfTheSameName_IsNotCompared()
    {
        var findings = RuleCatalogueTests.Review(
            "文件：2024年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥100人\n满意度：满意度：≥95%\n"
            + "文件：2025年项目支出绩效目标表；白沙学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥80人\n满意度：满意度：≥95%");
        Assert.DoesNotContain(findings, f => f.Code is "COPY-LOWERED" or "COPY-UNCHANGED");
    }

    [Fact]
    public void YearOnYear_ComparesWithTheNearestEarlierYear()
    {
        var findings = RuleCatalogueTests.Review(
            "文件：2023年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥200人\n"
            + "文件：2025年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥150人\n"
            + "文件：2024年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥100人");
        var lowered = Assert.Single(findings, f => f.Code == "COPY-LOWERED");
        Assert.Contains("2023年为“≥200人”，2024年降为“≥100人”", lowered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneTable_WithEarlierYears_IsComparedWithThem_ButTheyAreNotReviewedAgain()
    {
        var tables = ExampleTables.Parse(
            "文件：2024年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥100人\n效益：服务效果：是否提升\n"
            + "文件：2025年项目支出绩效目标表；青溪学院\n项目：运维项目；10.00/10.00/-/-\n产出：服务人数：≥80人\n满意度：满意度：≥95%");
        var report = Reviewer.Review(tables[1], [tables[0]], ReviewSettings.National);
        var review = Assert.Single(report.Documents);
        Assert.Same(tables[1], review.Document);
        Assert.Contains(report.Findings, f => f.Code == "COPY-LOWERED");
        Assert.All(report.Findings, f => Assert.Same(tables[1], f.Document));

        // Reviewed alone, the earlier table's question-like target is found; as context it is not.
        Assert.Contains(Reviewer.Review([tables[0]], ReviewSettings.National).Findings, f => f.Code == "IND-QUESTION");
        Assert.DoesNotContain(report.Findings, f => f.Code == "IND-QUESTION");
    }
}
