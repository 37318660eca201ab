using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Review;

namespace Jixiao.Domain.Tests.Review;

public class ReviewSettingsTests
{
    private const string WithoutSatisfaction = "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。\n产出：调研报告数量：≥2份\n效益：成果采纳数：≥1项";

    [Fact]
    public void National_RequiresOutputBenefitAndSatisfaction()
    {
        var national = ReviewSettings.National;
        Assert.Equal([Level1.Output, Level1.Benefit, Level1.Satisfaction], national.RequiredLevel1);
        Assert.Equal("全国", national.Region);
        Assert.Equal(0.01m, national.RoundingTolerance);
        Assert.Contains("预算执行率", national.BudgetManagementKeywords);
    }

    [Fact]
    public void Basis_TheRegionsOwnDocument_IsCitedAfterTheNationalOne()
    {
        var rule = ReviewRules.All.Single(r => r.Code == "IND-QUESTION");
        Assert.Equal(rule.Basis, ReviewSettings.National.BasisOf(rule));
        var settings = ReviewSettings.Parse("""{ "region": "示例省", "basis": "《示例省预算绩效目标管理办法》（示财绩〔2024〕3号）" }""", out var errors);
        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Equal(rule.Basis + "；《示例省预算绩效目标管理办法》（示财绩〔2024〕3号）", settings.BasisOf(rule));
    }

    [Fact]
    public void Parse_PartialFile_KeepsTheDefaultsItDoesNotMention()
    {
        var settings = ReviewSettings.Parse("""{ "region": "示例省", "year": 2026, "copying": { "minSimilarity": 0.9 } }""", out var errors);
        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Equal("示例省", settings.Region);
        Assert.Equal(2026, settings.Year);
        Assert.Equal(0.9, settings.CopyMinSimilarity);
        Assert.Equal(ReviewSettings.National.CopyMinIndicators, settings.CopyMinIndicators);
        Assert.Equal(ReviewSettings.National.BudgetManagementKeywords, settings.BudgetManagementKeywords);
    }

    [Fact]
    public void Parse_RequiredLevel1WithCost_ReportsProjectsWithoutCost()
    {
        var settings = ReviewSettings.Parse("""{ "requiredLevel1": ["产出", "效益", "满意度", "成本"] }""", out _)!;
        var findings = RuleCatalogueTests.Review(WithoutSatisfaction + "\n满意度：委托部门满意度：≥90%", settings);
        var missing = Assert.Single(findings, f => f.Code == "IND-LEVEL1-MISSING");
        Assert.Contains("成本", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleCatalogueTests.Review(WithoutSatisfaction + "\n满意度：委托部门满意度：≥90%"), f => f.Code == "IND-LEVEL1-MISSING");
    }

    [Fact]
    public void Parse_SeverityOverride_ChangesSeverityOrSwitchesTheRuleOff()
    {
        var lowered = ReviewSettings.Parse("""{ "severities": { "IND-LEVEL1-MISSING": "warning" } }""", out _)!;
        Assert.Equal(Severity.Warning, Assert.Single(RuleCatalogueTests.Review(WithoutSatisfaction, lowered), f => f.Code == "IND-LEVEL1-MISSING").Severity);

        var off = ReviewSettings.Parse("""{ "severities": { "IND-LEVEL1-MISSING": "off" } }""", out _)!;
        Assert.DoesNotContain(RuleCatalogueTests.Review(WithoutSatisfaction, off), f => f.Code == "IND-LEVEL1-MISSING");
    }

    [Fact]
    public void Parse_BudgetKeywords_AreData()
    {
        const string Example = "项目：调研经费；5.00/5.00/-/-\n目标：完成调研。\n产出：调研报告数量：≥2份\n效益：经费报销及时率：100%\n满意度：委托部门满意度：≥90%";
        Assert.DoesNotContain(RuleCatalogueTests.Review(Example), f => f.Code == "IND-BUDGET-ROW");
        var settings = ReviewSettings.Parse("""{ "budgetManagementKeywords": ["报销及时率"] }""", out _)!;
        Assert.Contains(RuleCatalogueTests.Review(Example, settings), f => f.Code == "IND-BUDGET-ROW" && f.IndicatorSeq == 2);
    }

    [Theory]
    [InlineData("""{ "regoin": "x" }""", "regoin")]
    [InlineData("""{ "severities": { "NO-SUCH-RULE": "off" } }""", "NO-SUCH-RULE")]
    [InlineData("""{ "severities": { "FUND-ROW-SUM": "fatal" } }""", "FUND-ROW-SUM")]
    [InlineData("""{ "requiredLevel1": ["产出", "效果"] }""", "效果")]
    [InlineData("""{ "copying": { "minSimilarity": 3 } }""", "copying.minSimilarity")]
    [InlineData("""{ "score": { "error": "十五" } }""", "score.error")]
    [InlineData("""{ "pastedValue": { "minCount": 4, "extra": 1 } }""", "pastedValue.extra")]
    [InlineData("""[1, 2]""", "对象")]
    [InlineData("""{ "region": """, "JSON")]
    public void Parse_InvalidFile_ReturnsNullWithAChineseMessageNamingTheProblem(string json, string named)
    {
        var settings = ReviewSettings.Parse(json, out var errors);
        Assert.Null(settings);
        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e));
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var settings = ReviewSettings.Parse("{\n // 本省口径\n \"region\": \"示例省\",\n}", out var errors);
        Assert.Empty(errors);
        Assert.Equal("示例省", settings!.Region);
    }
}

public class ScoringSettingsTests
{
    [Fact]
    public void National_ScoringMatchesTheDefaults()
    {
        var scoring = ReviewSettings.National.Scoring;
        Assert.Equal(10m, scoring.ExecutionPoints);
        Assert.Equal(50m, scoring.Level1Points[Level1.Output]);
        Assert.Equal(30m, scoring.Level1Points[Level1.Benefit]);
        Assert.Equal(10m, scoring.Level1Points[Level1.Satisfaction]);
        Assert.Equal(Jixiao.Domain.Scoring.LowerIsBetterRule.Ratio, scoring.LowerIsBetter);
        Assert.Equal(new Jixiao.Domain.Scoring.BandRange(60m, 80m, 70m), scoring.Partial);
        Assert.Equal(90m, scoring.Excellent);
    }

    [Fact]
    public void Parse_ProvincialScoring_ChangesOnlyWhatItNames()
    {
        // A province weighting 20/40/40 with a linear rule and 优 from 80.
        var settings = ReviewSettings.Parse("""
            { "scoring": { "executionPoints": 0, "level1Points": { "产出": 20, "效益": 40, "满意度": 40 },
                           "lowerIsBetter": "linear", "grades": { "优": 80, "良": 70 } } }
            """, out var errors);
        Assert.Empty(errors);
        var scoring = settings!.Scoring;
        Assert.Equal(0m, scoring.ExecutionPoints);
        Assert.Equal(40m, scoring.Level1Points[Level1.Satisfaction]);
        Assert.Equal(Jixiao.Domain.Scoring.LowerIsBetterRule.Linear, scoring.LowerIsBetter);
        Assert.Equal(80m, scoring.Excellent);
        Assert.Equal(60m, scoring.Fair);
        Assert.Equal(Jixiao.Domain.Scoring.Grade.Excellent, scoring.GradeOf(85m));
    }

    [Theory]
    [InlineData("""{ "scoring": { "lowerIsBetter": "steep" } }""", "linear")]
    [InlineData("""{ "scoring": { "partial": { "min": 60, "max": 80, "default": 90 } } }""", "scoring.partial")]
    [InlineData("""{ "scoring": { "grades": { "优": 50, "良": 80 } } }""", "优 ≥ 良")]
    [InlineData("""{ "scoring": { "level1Points": { "投入": 10 } } }""", "投入")]
    [InlineData("""{ "scoring": { "bonus": 5 } }""", "scoring.bonus")]
    public void Parse_InvalidScoring_IsRefusedInChinese(string json, string named)
    {
        Assert.Null(ReviewSettings.Parse(json, out var errors));
        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
    }
}
