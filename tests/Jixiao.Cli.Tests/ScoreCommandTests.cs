using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Import.Tests;

namespace Jixiao.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("jixiao-score-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static string Actuals => Path.Combine(TestPaths.RepoRoot, "samples", "qingxi-community-college-2025-actuals.csv");

    [Fact]
    public void ScoreJson_Sample_HasTheDocumentedShapeAndScores()
    {
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", Actuals, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(["社区学习中心运行保障经费", "老年大学办学经费"], projects.Select(p => p.GetProperty("name").GetString()));

        var first = projects[0];
        Assert.Equal(0.9719m, first.GetProperty("executionRate").GetDecimal());
        Assert.Equal(9.72m, first.GetProperty("executionScore").GetDecimal());
        Assert.Equal(95.98m, first.GetProperty("score").GetDecimal());
        Assert.Equal("优", first.GetProperty("grade").GetString());
        var missed = first.GetProperty("indicators")[2];
        Assert.Equal(3, missed.GetProperty("seq").GetInt32());
        Assert.Equal(30m, missed.GetProperty("points").GetDecimal());
        Assert.Equal(26.25m, missed.GetProperty("score").GetDecimal());
        Assert.False(missed.GetProperty("met").GetBoolean());
        Assert.Contains("105000 / 120000", missed.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var second = projects[1];
        Assert.Equal("良", second.GetProperty("grade").GetString());
        var partial = second.GetProperty("indicators")[5];
        Assert.True(partial.GetProperty("noteRequired").GetBoolean());
        Assert.False(partial.GetProperty("noteMissing").GetBoolean());
        Assert.Equal(11.67m, partial.GetProperty("score").GetDecimal());
    }

    [Fact]
    public void ScoreXlsx_IsTheSelfEvaluationFormWithTheSameNumbers()
    {
        using var json = JsonDocument.Parse(CliRunner.Run("score", TestPaths.Sample, "--actuals", Actuals, "--format", "json").Stdout);
        var output = Path.Combine(_temp.FullName, "自评表.xlsx");
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", Actuals, "--format", "xlsx", "-o", output);
        Assert.Equal(0, outcome.ExitCode);

        using var workbook = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook, TestContext.Current.CancellationToken).Select(e => e.Description));
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().Select(c => (Ref: c.CellReference!.Value!, Text: c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "")).ToList();
        string Right(string text) // the cell after the first cell holding text
        {
            var index = cells.FindIndex(c => c.Text == text);
            Assert.True(index >= 0, text);
            return cells[index + 1].Text;
        }

        Assert.Contains(cells, c => c.Text == "项目支出绩效自评表（2025年度）");
        Assert.Contains(cells, c => c.Text == "产出指标(50分)");
        Assert.Contains(cells, c => c.Text == "效益指标(30分)");
        Assert.Contains(cells, c => c.Text == "偏差原因分析及改进措施");
        var first = json.RootElement.GetProperty("projects")[0];
        Assert.Equal(first.GetProperty("score").GetDecimal(), decimal.Parse(Right("总分"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, cells.Count(c => c.Text == "总分"));
        Assert.Contains(cells, c => c.Text == "312门");
        Assert.Contains(cells, c => c.Text == "部分达成");
        Assert.NotEmpty(sheet.Descendants<MergeCell>());
    }

    public static TheoryData<string, string> BadRows() => new()
    {
        { "不存在的项目,1,90%,,", "表中没有项目“不存在的项目”" },
        { "老年大学办学经费,9,90%,,", "没有第 9 个指标" },
        { "老年大学办学经费,4,很高,,", "应为数字" },
        { "老年大学办学经费,,一千万,,", "不是金额" },
        { "老年大学办学经费,5,部分达成,95,", "不在“部分达成”的区间" },
        { "老年大学办学经费,5,88,,", "应填写 达成、部分达成 或 未达成" },
        { "老年大学办学经费,1,6000人次,,", "单位“人次”与指标值的单位" },
        { "老年大学办学经费,x,90%,,", "不是指标序号" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Score_BadActualsRow_IsRejectedNamingTheRowAndNothingIsScored(string row, string message)
    {
        var file = Path.Combine(_temp.FullName, "actuals.csv");
        File.WriteAllText(file, "project,seq,actual,percent,note\n社区学习中心运行保障经费,1,312门,,\n" + row + "\n");
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", file, "--format", "json");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("第 3 行", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_MissedTargetWithoutANote_IsRejected()
    {
        var file = Path.Combine(_temp.FullName, "actuals.csv");
        File.WriteAllText(file, "project,seq,actual,percent,note\n社区学习中心运行保障经费,3,10.5万,,\n社区学习中心运行保障经费,1,390门,,\n");
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", file);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("第 3 个指标“居民参与学习人次”未达成目标，须填写偏差原因", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("第 1 个指标“开设居民课程数量”超出目标较多", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WrongHeader_SaysWhatTheHeaderMustBe()
    {
        var file = Path.Combine(_temp.FullName, "actuals.csv");
        File.WriteAllText(file, "项目,序号,实际\n老年大学办学经费,1,6000人\n");
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", file);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("project,seq,actual,percent,note", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ProvincialRules_ChangeTheWeights()
    {
        var rules = Path.Combine(_temp.FullName, "rules.json");
        File.WriteAllText(rules, """{ "scoring": { "level1Points": { "产出": 20, "效益": 40, "满意度": 30 } } }""");
        var outcome = CliRunner.Run("score", TestPaths.Sample, "--actuals", Actuals, "--rules", rules, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var indicators = json.RootElement.GetProperty("projects")[0].GetProperty("indicators");
        Assert.Equal(40m, indicators[2].GetProperty("points").GetDecimal());
        Assert.Equal(30m, indicators[3].GetProperty("points").GetDecimal());
    }
}
