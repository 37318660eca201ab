using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

public class QualityScoreTests
{
    [Fact]
    public void ProjectScore_Is100LessWeightsPerFinding()
    {
        // One error (IND-QUESTION, 15) and one warning (IND-DUPLICATE, 5).
        var report = Reviewer.Review(ExampleTables.Parse(
            "项目：讲座经费；5.00/5.00/-/-\n目标：举办讲座。\n产出：讲座场次：≥4场\n效益：影响力：是否有影响力\n效益：影响力：被市级媒体报道不少于2次\n满意度：听众满意度：≥90%"),
            ReviewSettings.National);
        var project = Assert.Single(Assert.Single(report.Documents).Projects);
        Assert.Equal(["IND-QUESTION", "IND-DUPLICATE"], project.Findings.Select(f => f.Code));
        Assert.Equal(80.0m, project.Score);
    }

    [Fact]
    public void ProjectScore_CountsOneRuleAtMostMaxPerRuleTimes()
    {
        string[] names = ["影响力", "推广性", "示范性", "带动性", "创新性", "持续性"];
        var lines = string.Join("\n", names.Select(n => $"效益：{n}：是否有{n}"));
        var report = Reviewer.Review(ExampleTables.Parse($"项目：讲座经费；5.00/5.00/-/-\n目标：举办讲座。\n产出：讲座场次：≥4场\n{lines}\n满意度：听众满意度：≥90%"),
            ReviewSettings.National);
        var project = Assert.Single(report.Documents[0].Projects);
        Assert.Equal(6, project.Findings.Count(f => f.Code == "IND-QUESTION"));
        Assert.DoesNotContain(project.Findings, f => f.Code != "IND-QUESTION");
        Assert.Equal(100m - (3 * 15m), project.Score);
    }

    [Fact]
    public void ProjectScore_NeverBelowZero()
    {
        var report = Reviewer.Review(ExampleTables.Parse("项目：空项目；-/-/-/-\n产出：a：\n产出：b：是否\n产出：c（%）：良好\n产出：d：平均每用户办理业务数量"), ReviewSettings.National);
        Assert.Equal(0m, report.Documents[0].Projects[0].Score);
    }

    [Fact]
    public void DocumentScore_IsMeanOfProjectsLessUnitFindings()
    {
        // Projects score 100 and 85 (one IND-QUESTION); the summary's 总计 and 财政拨款 columns are both off (FUND-SUMMARY-TOTAL twice, 15 each).
        const string Good = "目标：举办讲座。\n产出：讲座场次：≥4场\n效益：听众人次：≥300人次\n满意度：听众满意度：≥90%";
        var report = Reviewer.Review(ExampleTables.Parse(
            $"汇总：30.00/30.00/-/-\n项目：甲讲座；10.00/10.00/-/-\n{Good}\n项目：乙讲座；10.00/10.00/-/-\n{Good}\n效益：影响力：是否有影响力"),
            ReviewSettings.National);
        var document = Assert.Single(report.Documents);
        Assert.Equal([100m, 85m], document.Projects.Select(p => p.Score));
        Assert.Equal(2, document.UnitFindings.Count(f => f.Code == "FUND-SUMMARY-TOTAL"));
        Assert.Equal(92.5m - 30m, document.Score);
    }

    [Fact]
    public void Weights_ComeFromTheRulesFile()
    {
        var settings = ReviewSettings.Parse("""{ "score": { "error": 40 } }""", out _)!;
        var report = Reviewer.Review(ExampleTables.Parse("项目：讲座经费；5.00/5.00/-/-\n目标：举办讲座。\n产出：讲座场次：≥4场\n效益：影响力：是否有影响力\n满意度：听众满意度：≥90%"), settings);
        Assert.Equal(60m, report.Documents[0].Projects[0].Score);
    }
}
