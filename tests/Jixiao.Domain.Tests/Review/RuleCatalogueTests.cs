using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

/// <summary>Every rule's documented examples, run: the trigger must fire the rule, the near miss must not.</summary>
public class RuleCatalogueTests
{
    public static TheoryData<string> Codes() => [.. ReviewRules.All.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Trigger_ReportsTheRule(string code)
    {
        var rule = ReviewRules.Find(code)!;
        var findings = Review(rule.Trigger);
        Assert.Contains(findings, f => f.Code == code);
        Assert.All(findings.Where(f => f.Code == code), f => Assert.Equal(rule.Severity, f.Severity));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void NearMiss_DoesNotReportTheRule(string code)
    {
        var rule = ReviewRules.Find(code)!;
        var findings = Review(rule.NearMiss);
        Assert.DoesNotContain(findings, f => f.Code == code);
    }

    [Fact]
    public void Catalogue_CodesAreUniqueAndEveryTextIsChinese()
    {
        Assert.Equal(ReviewRules.All.Count, ReviewRules.All.Select(r => r.Code).Distinct().Count());
        Assert.All(ReviewRules.All, r =>
        {
            Assert.Matches(@"^[A-Z0-9]+(-[A-Z0-9]+)+$", r.Code);
            foreach (var text in new[] { r.Title, r.Explanation, r.Basis, r.Suggestion, r.MessageTemplate })
            {
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
            }

            Assert.NotEqual(r.Trigger, r.NearMiss);
        });
    }

    [Fact]
    public void Catalogue_CoversEveryFamily()
    {
        foreach (var family in Enum.GetValues<RuleFamily>())
        {
            Assert.Contains(ReviewRules.All, r => r.Family == family);
        }
    }

    [Fact]
    public void Finding_PointsAtTheIndicatorBySequenceNumber()
    {
        var findings = Review("项目：讲座经费；5.00/5.00/-/-\n目标：举办讲座。\n产出：讲座场次：≥4场\n效益：影响力：是否有影响力\n满意度：听众满意度：≥90%");
        var question = Assert.Single(findings, f => f.Code == "IND-QUESTION");
        Assert.Equal(2, question.IndicatorSeq);
        Assert.Equal("讲座经费", question.Project!.Name);
        Assert.Contains("是否有影响力", question.Message, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<Finding> Review(string example, ReviewSettings? settings = null) =>
        Reviewer.Review(ExampleTables.Parse(example), settings ?? ReviewSettings.National).Findings;
}
