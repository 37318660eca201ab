namespace Jixiao.Import.Tests;

/// <summary>Workbooks as finance systems export them: several sheets, hidden lookup sheets, merged cells.</summary>
public class XlsxSheetsTests
{
    private static readonly string[] Header = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"];

    [Fact]
    public void Read_TableOnTheSecondSheet_AfterACoverAndAHiddenList_IsFound()
    {
        var bytes = XlsxBuilder.Build([
            new TestSheet("填报说明", [["本表由单位财务填报，金额单位为万元。"]]),
            new TestSheet("下拉选项", [["产出指标"], ["效益指标"]], Hidden: true),
            new TestSheet("目标表", [
                ["云岭县文化馆项目支出绩效目标表"], ["单位名称：云岭县文化馆"], Header,
                ["云岭县文化馆", "#40", "#40", "", "", "", ""],
                ["群众文化活动经费", "#40", "#40", "", "", "组织群众文化活动。", "1、产出指标：活动场次，年度指标值：不少于24场。"],
            ]),
        ]);
        var result = TableReader.Read(bytes, "t.xlsx");
        Assert.Equal("群众文化活动经费", Assert.Single(result.Document!.Projects).Name);
        Assert.Equal("云岭县文化馆项目支出绩效目标表", result.Document.Title);
    }

    [Fact]
    public void Read_MergedTitleAndAProjectOverTwoRows_ReadsOneTitleAndOneProject()
    {
        var bytes = XlsxBuilder.Build([
            new TestSheet("目标表", [
                ["云岭县文化馆项目支出绩效目标表", "", "", "", "", "", ""], ["单位名称：云岭县文化馆"], Header,
                ["云岭县文化馆", "#40", "#40", "", "", "", ""],
                ["群众文化活动经费", "#40", "#40", "", "", "组织群众文化活动。", "1、产出指标：活动场次，年度指标值：不少于24场。"],
                ["", "", "", "", "", "", "2、满意度指标：群众满意度，年度指标值：≥90%。"],
                ["非遗保护经费", "#0", "#0", "", "", "记录非遗项目。", "1、产出指标：记录项目数，年度指标值：5项。"],
            ], Merges: ["A1:G1", "A5:A6", "B5:B6", "C5:C6", "F5:F6"]),
        ]);
        var result = TableReader.Read(bytes, "t.xlsx");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "TABLE-TEXT-IGNORED");
        Assert.Equal(["群众文化活动经费", "非遗保护经费"], result.Document!.Projects.Select(p => p.Name));
        var first = result.Document.Projects[0];
        Assert.Equal(["活动场次", "群众满意度"], first.Indicators.Select(i => i.Name));
        Assert.Equal("组织群众文化活动。", first.Goal);
        Assert.Equal(40 * Domain.Amounts.Money.FenPerWanYuan, first.Funding.Total!.Value.Fen);
    }
}
