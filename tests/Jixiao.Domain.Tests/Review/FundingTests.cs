namespace Jixiao.Domain.Tests.Review;

public class FundingTests
{
    [Fact]
    public void RowOffByOneCent_IsRoundingNotError()
    {
        var findings = RuleCatalogueTests.Review("项目：物业管理费；100.00/60.00/40.01/-");
        Assert.Contains(findings, f => f.Code == "FUND-ROUNDING" && f.Project is not null);
        Assert.DoesNotContain(findings, f => f.Code == "FUND-ROW-SUM");
    }

    [Fact]
    public void TableWithoutSourceAmounts_DoesNotCheckSourcesAgainstTotals()
    {
        var findings = RuleCatalogueTests.Review("汇总：150.00/-/-/-\n项目：物业管理费；100.00/-/-/-\n项目：设备购置；50.00/-/-/-");
        Assert.DoesNotContain(findings, f => f.Code.StartsWith("FUND-", StringComparison.Ordinal));
    }

    [Fact]
    public void SummaryColumnBlank_WhileProjectsHaveMoney_IsAMismatch()
    {
        var findings = RuleCatalogueTests.Review("汇总：150.00/100.00/-/-\n项目：物业管理费；100.00/100.00/-/-\n项目：设备购置；50.00/-/50.00/-");
        var mismatch = Assert.Single(findings, f => f.Code == "FUND-SUMMARY-TOTAL");
        Assert.Contains("财政专户拨款", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("50.00 万元", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectWithZeroTotal_IsMissingFunding()
    {
        Assert.Contains(RuleCatalogueTests.Review("项目：调研经费；0.00/-/-/-"), f => f.Code == "FUND-MISSING");
    }
}
