namespace Jixiao.Import.Tests;

/// <summary>Word documents: tables in order with spans and vertical merges, paragraphs around them, nested tables.</summary>
public class DocxTests
{
    [Fact]
    public void Read_ProjectFormAsAWordTable_ReadsTheFormWithMergedLevels()
    {
        var bytes = DocxBuilder.Build([
            "2025年项目支出绩效目标申报表",
            "填报单位：云岭县第二中学\t单位：万元",
            new DocxTable(
                ["项目名称", "乡村学校少年宫运行经费|span=4"],
                ["主管部门及代码", "[206001]云岭县教育局", "实施单位", "云岭县第二中学|span=2"],
                ["项目资金（万元）|restart", "年度资金总额", "36.50|span=3"],
                ["|continue", "其中：财政拨款", "30.00|span=3"],
                ["年度目标", "组织兴趣课程不少于120课时。|span=4"],
                ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
                ["产出指标|restart", "数量指标|restart", "开设兴趣课程课时数", "≥120课时", "全年累计"],
                ["|continue", "|continue", "参与学生人次", "≥600人次", ""],
                ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "问卷调查"]),
            "填报单位（盖章）：云岭县第二中学",
        ]);
        var result = TableReader.Read(bytes, "申报表.docx");
        var project = Assert.Single(result.Document!.Projects);
        Assert.Equal(Domain.Documents.SourceFormat.Docx, result.Document.Source.Format);
        Assert.Equal("乡村学校少年宫运行经费", project.Name);
        Assert.Equal("云岭县第二中学", project.Attributes.ImplementingUnit);
        Assert.Equal(36_500_000L, project.Funding.Total!.Value.Fen);
        Assert.Equal(["开设兴趣课程课时数", "参与学生人次", "学生及家长满意度"], project.Indicators.Select(i => i.Name));
        Assert.All(project.Indicators.Take(2), i => Assert.Equal(Domain.Indicators.Level2.Quantity, i.Level2));
        Assert.Equal("全年累计", project.Indicators[0].Explanation);
    }

    [Fact]
    public void Read_SummaryTableInWord_WithATableNestedInACell_ReadsEveryProject()
    {
        var bytes = DocxBuilder.Build([
            "云岭县图书馆2026年项目支出绩效目标表",
            "单位名称：云岭县图书馆",
            "单位：万元",
            new DocxTable(
                ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"],
                ["云岭县图书馆", "120.50", "120.50", "", "", "", ""],
                ["古籍修复经费", "120.50", "120.50", "", "", "修复馆藏古籍。", "1、产出指标：修复册数，年度指标值：不少于300册。"],
                ["附：说明", new DocxTable(["本表金额单位为万元"]), "", "", "", "", ""]),
        ]);
        var result = TableReader.Read(bytes, "目标表.docx");
        Assert.Equal("云岭县图书馆2026年项目支出绩效目标表", result.Document!.Title);
        Assert.Contains(result.Document.Projects, p => p.Name == "古籍修复经费" && p.Indicators.Count == 1);
        Assert.Equal(120_500_000L, result.Document.Summary!.Funding.Total!.Value.Fen);
    }

    [Fact]
    public void Read_DocxNamedXlsxOrWithoutExtension_IsRecognisedByContent()
    {
        var bytes = DocxBuilder.Build([new DocxTable(
            ["项目名称", "档案数字化"], ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "数字化卷数", "2000卷"])]);
        foreach (var name in new[] { "form.xlsx", "form" })
        {
            var result = TableReader.Read(bytes, name);
            Assert.Equal("档案数字化", Assert.Single(result.Document!.Projects).Name);
        }
    }
}
