using System.Text;

namespace Jixiao.Import.Tests;

/// <summary>A header row damaged or broken the ways copying and publishing break it still finds the columns.</summary>
public class HeaderRepairTests
{
    private const string Rows = "\n云岭县档案馆\t30.00\t30.00\t\t\t\t\n档案数字化经费\t30.00\t30.00\t\t\t完成馆藏档案数字化。\t1、产出指标：数字化卷数，年度指标值：不少于2000卷。\n";

    private static ReadResult Read(string header) => TableReader.Read(Encoding.UTF8.GetBytes("单位名称：云岭县档案馆\n" + header + Rows), "t.txt");

    private static void AssertReadWhole(ReadResult result, string code)
    {
        var project = Assert.Single(result.Document!.Projects);
        Assert.Equal("档案数字化经费", project.Name);
        Assert.Equal("完成馆藏档案数字化。", project.Goal);
        Assert.Equal(3_000_000_000L / 100, project.Funding.Total!.Value.Fen);
        Assert.Equal("不少于2000卷", Assert.Single(project.Indicators).TargetText);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("项目名\uFFFD（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标")]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩\uFFFD指标")]
    [InlineData("项目及资金使用单位\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t指标内容")]
    public void Header_OneCellUnrecognised_IsTakenByPosition(string header) => AssertReadWhole(Read(header), "TABLE-HEADER-INFERRED");

    [Theory]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标A绩效指标")]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款财政专户拨款\t其他资金\t绩效目标\t绩效指标")]
    public void Header_TwoNamesInOneCell_AreSplit(string header)
    {
        var result = Read(header);
        var project = Assert.Single(result.Document!.Projects);
        Assert.Equal("不少于2000卷", Assert.Single(project.Indicators).TargetText);
        Assert.Equal(project.Funding.Total, project.Funding.FiscalAppropriation);
    }

    [Theory]
    [InlineData("项\t\uFFFD名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标")]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩\uFFFD\t\uFFFD标")]
    public void Header_OneCellSplitByAStrayTab_IsJoined(string header) => AssertReadWhole(Read(header), "TABLE-HEADER-INFERRED");

    [Theory]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款\t财政专户\n拨款\t其他资金\t绩效目标\t绩效指标")]
    [InlineData("项目名称（资金使用单位）\t总计\t财政拨款\n财政专户拨款\t其他资金\t绩效目标\t绩效指标")]
    [InlineData("项目名称（资金使用\n单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标")]
    public void Header_BrokenOverTwoLines_IsJoined(string header)
    {
        var result = Read(header);
        Assert.Single(result.Document!.Projects);
        Assert.Equal("不少于2000卷", result.Document.Projects[0].Indicators[0].TargetText);
        Assert.Equal(result.Document.Projects[0].Funding.Total, result.Document.Projects[0].Funding.FiscalAppropriation);
    }

    [Fact]
    public void Header_WithAnExtraColumnOfItsOwn_KeepsIt()
    {
        // A real extra column is not a fragment: nothing is missing, so nothing is joined or inferred.
        var result = TableReader.Read(Encoding.UTF8.GetBytes(
            "项目名称\t项目类型\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n档案数字化经费\t专项\t30.00\t30.00\t\t\t完成。\t1、产出指标：卷数，年度指标值：2000卷。\n"), "t.txt");
        Assert.Equal(3_000_000_000L / 100, result.Document!.Projects[0].Funding.Total!.Value.Fen);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "TABLE-HEADER-INFERRED" or "TABLE-HEADER-JOINED");
    }
}
