using System.Text;

namespace Jixiao.Import.Tests;

/// <summary>Saved web pages of a disclosure: tables with rowspan and colspan, text around them, page furniture.</summary>
public class HtmlTests
{
    private static ReadResult Read(string html, string name = "page.html") => TableReader.Read(Encoding.UTF8.GetBytes(html), name);

    [Fact]
    public void Read_SummaryTableOnAPage_SkipsScriptsAndNavigationAndReadsTheProjects()
    {
        var result = Read("""
            <!DOCTYPE html><html><head><title>预算公开</title><style>td{border:1px}</style><script>var x = "<table>";</script></head>
            <body><div class="nav">首页 &gt; 信息公开 &gt; 预算</div>
            <h2>云岭县图书馆2026年项目支出绩效目标表</h2>
            <p>单位名称：云岭县图书馆</p><p>单位：万元</p>
            <table>
              <tr><th>项目名称（资金使用单位）</th><th>总计</th><th>财政拨款</th><th>财政专户拨款</th><th>其他资金</th><th>绩效目标</th><th>绩效指标</th></tr>
              <tr><td>云岭县图书馆</td><td>1,120.50</td><td>1,120.50</td><td></td><td></td><td></td><td></td></tr>
              <tr><td>古籍修复经费</td><td>120.50</td><td>120.50</td><td>&nbsp;</td><td></td><td>修复馆藏古籍，<br>保障修复质量。</td>
                  <td>1、产出指标：修复册数，年度指标值：不少于300册。2、满意度指标：读者满意度，年度指标值：&ge;90%。</td></tr>
            </table>
            <div class="footer">扫一扫在手机打开当前页</div></body></html>
            """);
        var document = result.Document!;
        Assert.Equal(Domain.Documents.SourceFormat.Html, document.Source.Format);
        Assert.Equal("云岭县图书馆2026年项目支出绩效目标表", document.Title);
        var project = Assert.Single(document.Projects);
        Assert.Equal("修复馆藏古籍，\n保障修复质量。", project.Goal);
        Assert.Equal(["不少于300册", "≥90%"], project.Indicators.Select(i => i.TargetText));
        Assert.Equal(1_120_500_000L, document.Summary!.Funding.Total!.Value.Fen);
    }

    [Fact]
    public void Read_ProjectFormWithRowspanAndColspan_CarriesLevelsDown()
    {
        var result = Read("""
            <html><body><p>2025年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="3">乡村道路养护经费</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td>年度资金总额</td><td colspan="2">80</td></tr>
            <tr><td>其中：财政拨款</td><td colspan=2>80</td></tr>
            <tr><td>年度目标</td><td colspan="3">养护乡村道路不少于40公里。</td></tr>
            <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>养护里程</td><td>≥40公里</td></tr>
            <tr><td>质量指标</td><td>路面完好率</td><td>≥90%</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥85%</td></tr>
            </table></body></html>
            """, "form.htm");
        var project = Assert.Single(result.Document!.Projects);
        Assert.Equal(80_000_000L, project.Funding.Total!.Value.Fen);
        Assert.Equal(80_000_000L, project.Funding.FiscalAppropriation!.Value.Fen);
        Assert.Equal([Domain.Indicators.Level1.Output, Domain.Indicators.Level1.Output, Domain.Indicators.Level1.Satisfaction], project.Indicators.Select(i => i.Level1));
        Assert.Equal(Domain.Indicators.Level2.Quality, project.Indicators[1].Level2);
    }

    [Fact]
    public void Read_PageNamedTxt_IsRecognisedByContent_AndDeepNestingCostsNothing()
    {
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "文字" + string.Concat(Enumerable.Repeat("</div>", 200_000)) + "</body></html>";
        var result = Read(deep, "page.txt");
        Assert.Equal("TABLE-HEADER-NOT-FOUND", result.FatalError!.Code);
    }
}
