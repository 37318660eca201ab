using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Import.Tests;

namespace Jixiao.Cli.Tests;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("jixiao-review-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static string Quirks => Path.Combine(TestPaths.RepoRoot, "tests", "Jixiao.Cli.Tests", "Review", "baisha-review-quirks.txt");

    [Fact]
    public void ReviewJson_PublishedSeedTable_ReportsWhatAReviewerWould()
    {
        var seed = TestPaths.SeedTable;
        if (seed is null)
        {
            Assert.Skip(TestPaths.SeedAbsent);
        }

        var outcome = CliRunner.Run("review", seed, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(Finding.From).ToList();

        // The summary row's 总计 (11,469.28) against the 28 projects (11,469.29): one cent, rounding.
        Assert.Contains(findings, f => f.Project is null && f.Code == "FUND-ROUNDING" && f.Message.Contains("总计与各项目合计", StringComparison.Ordinal)
            && f.Message.Contains("11,469.28", StringComparison.Ordinal) && f.Message.Contains("11,469.29", StringComparison.Ordinal));

        // The source columns disagree by thousands: errors.
        Assert.Equal(["财政拨款", "财政专户拨款", "其他资金"],
            findings.Where(f => f.Code == "FUND-SUMMARY-TOTAL").Select(f => Regex.Match(f.Message, "汇总行(\\S+?) ").Groups[1].Value));
        Assert.All(findings.Where(f => f.Code == "FUND-SUMMARY-TOTAL"), f => Assert.Equal("error", f.Severity));

        Assert.Contains(findings, f => f.Code == "IND-LEVEL1-MISSING" && f.Project == "机构运行辅助经费" && f.Message.Contains("满意度", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count(f => f.Code == "IND-QUESTION" && f.Message.Contains("是否有影响力", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Code == "IND-QUESTION" && f.Message.Contains("有否推广产生社会效益", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-PERCENT-TEXT" && f.Message.Contains("项目预算执行率（%）", StringComparison.Ordinal)
            && f.Message.Contains("按计划进行", StringComparison.Ordinal));

        // Further defects a reviewer finds in the same table.
        Assert.Contains(findings, f => f.Code == "IND-DEFINITION" && f.Message.Contains("年度人均业务量", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-DUPLICATE" && f.Project == "市电大“海交会”工作经费" && f.Seq == 7);
        Assert.Contains(findings, f => f.Code == "COPY-LOWERED" && f.Project!.StartsWith("广州开放大学2023年-2024年信息化运维项目", StringComparison.Ordinal)
            && f.Message.Contains("用户满意度", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "COPY-SIMILAR" && f.Project!.Contains("2020年中小学教师继续教育信息化项目", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-ACCIDENT-OUTPUT" && f.Message.Contains("交通事故发生率", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-VAGUE" && f.Message.Contains("物业管理面积", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-UNIT-MISSING" && f.Message.Contains("年度新增数据量", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "IND-PASTED-VALUE" && f.Project == "市教育局市广播电视大学师资队伍建设工作经费");
        Assert.True(findings.Count(f => f.Code == "IND-BUDGET-ROW") >= 20);

        // Sound indicators in the same table draw nothing: 用户满意度 ≥95% and 故障响应时间 10分钟内 (project 4), 论文发表数 7篇 (project 13).
        Assert.DoesNotContain(findings, f => f.ProjectIndex == 4 && f.Seq is 4 or 6);
        Assert.DoesNotContain(findings, f => f.ProjectIndex == 13 && f.Seq == 5);
        Assert.Equal(28, json.RootElement.GetProperty("documents")[0].GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public void Review_QuirksFixture_MatchesItsGoldenFindings()
    {
        var outcome = CliRunner.Run("review", Quirks, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var actual = string.Join('\n', json.RootElement.GetProperty("findings").EnumerateArray().Select(Finding.From).Select(f => f.Dump())) + "\n";
        var expectedPath = Path.ChangeExtension(Quirks, ".expected");
        if (Environment.GetEnvironmentVariable("JIXIAO_BLESS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    [Fact]
    public void ReviewJson_HasTheDocumentedShape()
    {
        var outcome = CliRunner.Run("review", TestPaths.Sample, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var document = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("qingxi-community-college-2025.txt", document.GetProperty("file").GetString());
        Assert.Equal("青溪市社区教育学院", document.GetProperty("unitName").GetString());
        Assert.InRange(document.GetProperty("score").GetDecimal(), 0m, 100m);
        var project = document.GetProperty("projects")[0];
        Assert.Equal("社区学习中心运行保障经费", project.GetProperty("name").GetString());
        Assert.Equal(100m, project.GetProperty("score").GetDecimal());

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            foreach (var name in new[] { "code", "severity", "file", "title", "message", "suggestion" })
            {
                Assert.Equal(JsonValueKind.String, finding.GetProperty(name).ValueKind);
            }

            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.Contains(finding.GetProperty("project").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Contains(finding.GetProperty("indicatorSeq").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
        }

        Assert.Contains(findings, f => f.GetProperty("project").ValueKind == JsonValueKind.Null && f.GetProperty("code").GetString() == "FUND-SUMMARY-SUM");
        Assert.Contains(findings, f => f.GetProperty("indicatorSeq").ValueKind == JsonValueKind.Number && f.GetProperty("code").GetString() == "IND-QUESTION");
    }

    [Fact]
    public void ReviewText_ListsProjectsWorstFirst()
    {
        var outcome = CliRunner.Run("review", Quirks);
        Assert.Equal(0, outcome.ExitCode);
        var scores = Regex.Matches(outcome.Stdout, @"^\s+(\d+\.\d)\s+\[\d+\]", RegexOptions.Multiline).Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(scores.Count >= 5);
        Assert.Equal(scores.Order(), scores);
        Assert.Contains("建议：", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("未发现问题的项目", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewHtml_IsSelfContainedAndEscapesDocumentText()
    {
        var file = Write("escape.txt", Table("白沙开放学院", "<script>alert(1)</script>", "影响力", "是否有影响力"));
        var outcome = CliRunner.Run("review", file, "--format", "html");
        Assert.Equal(0, outcome.ExitCode);
        var html = outcome.Stdout;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@page", html, StringComparison.Ordinal);
        Assert.Contains(Jixiao.Domain.Review.ReviewRules.Find("IND-QUESTION")!.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain("IND-QUESTION", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewXlsx_HasOneRowPerFinding()
    {
        var json = CliRunner.Run("review", Quirks, "--format", "json");
        using var parsed = JsonDocument.Parse(json.Stdout);
        var codes = parsed.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        var titles = codes.Select(c => Jixiao.Domain.Review.ReviewRules.Find(c!)!.Title).ToList();

        var output = Path.Combine(_temp.FullName, "审核结果.xlsx");
        var outcome = CliRunner.Run("review", Quirks, "--format", "xlsx", "-o", output);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("审核结果已写入", outcome.Stderr, StringComparison.Ordinal);

        using var workbook = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal("审核发现", workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name?.Value);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(codes.Count + 1, rows.Count);
        string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "";
        Assert.Equal("文件", Text(rows[0].Elements<Cell>().First()));
        var titleColumn = rows[0].Elements<Cell>().Select(Text).ToList().IndexOf("问题");
        Assert.Equal(titles, rows.Skip(1).Select(r => Text(r.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith((char)('A' + titleColumn))))));
        Assert.DoesNotContain(rows.SelectMany(r => r.Elements<Cell>()), c => codes.Contains(Text(c)));
        Assert.Empty(Directory.GetFiles(_temp.FullName, "*.tmp"));
    }

    [Fact]
    public void Review_TwoYearsOfOneUnit_FindsTheLoweredTarget()
    {
        var earlier = Write("2024.txt", Table("白沙开放学院", "网络运维项目", "用户满意度", "≥95%", title: "白沙开放学院2024年项目支出绩效目标表"));
        var later = Write("2025.txt", Table("白沙开放学院", "网络运维项目", "用户满意度", "≥90%", title: "白沙开放学院2025年项目支出绩效目标表"));
        var outcome = CliRunner.Run("review", later, earlier, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("正在读取（2/2）", outcome.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var lowered = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().Select(Finding.From), f => f.Code == "COPY-LOWERED");
        Assert.Equal("2025.txt", lowered.File);
        Assert.Equal(2, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Review_OneUnreadableFile_ReviewsNothingAndSaysWhich()
    {
        var empty = Write("empty.txt", "");
        var outcome = CliRunner.Run("review", TestPaths.Sample, empty);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("无法读取 empty.txt", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("未进行审核", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_InvalidRulesFile_StopsWithAChineseMessage()
    {
        var rules = Write("rules.json", """{ "severities": { "IND-QUESTON": "off" } }""");
        var outcome = CliRunner.Run("review", TestPaths.Sample, "--rules", rules);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("IND-QUESTON", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("不存在", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_RulesFile_SwitchesARuleOff()
    {
        var rules = Write("rules.json", """{ "region": "示例省", "severities": { "IND-QUESTION": "off" } }""");
        var outcome = CliRunner.Run("review", TestPaths.Sample, "--rules", rules, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("\"IND-QUESTION\"", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"示例省\"", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"IND-QUESTION\"", CliRunner.Run("review", TestPaths.Sample, "--format", "json").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_BundledProvinceRules_RequireCostAndDowngradeBudgetRows()
    {
        var rules = Path.Combine(TestPaths.RepoRoot, "samples", "rules", "example-province-2026.json");
        var outcome = CliRunner.Run("review", TestPaths.Sample, "--rules", rules, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("示例省", json.RootElement.GetProperty("rules").GetProperty("region").GetString());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(Finding.From).ToList();
        Assert.Equal(10, findings.Count(f => f.Code == "IND-LEVEL1-MISSING" && f.Message.Contains("成本", StringComparison.Ordinal)));
        Assert.All(findings.Where(f => f.Code == "IND-BUDGET-ROW"), f => Assert.Equal("info", f.Severity));
        Assert.Contains(findings, f => f.Code == "IND-BUDGET-ROW");
    }

    [Fact]
    public void ReviewXlsx_WithoutOutputFile_IsRefused()
    {
        var outcome = CliRunner.Run("review", TestPaths.Sample, "--format", "xlsx");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("-o", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Table(string unit, string project, string indicator, string target, string title = "项目支出绩效目标表") =>
        $"{title}\n单位名称：{unit}\n单位：万元\n项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        + $"{unit}\t10.00\t10.00\t\t\t\t\n"
        + $"{project}\t10.00\t10.00\t\t\t保障系统稳定运行。\t1、产出指标：驻场人员数量，年度指标值：≥2人。2、效益指标：系统可用性，年度指标值：≥99%。3、满意度指标：{indicator}，年度指标值：{target}。\n";

    private sealed record Finding(string Code, string Severity, string File, string? Project, int? ProjectIndex, int? Seq, string Message)
    {
        public static Finding From(JsonElement e) => new(
            e.GetProperty("code").GetString()!,
            e.GetProperty("severity").GetString()!,
            e.GetProperty("file").GetString()!,
            e.GetProperty("project").GetString(),
            e.GetProperty("projectIndex").ValueKind == JsonValueKind.Number ? e.GetProperty("projectIndex").GetInt32() : null,
            e.GetProperty("indicatorSeq").ValueKind == JsonValueKind.Number ? e.GetProperty("indicatorSeq").GetInt32() : null,
            e.GetProperty("message").GetString()!);

        public string Dump() => $"{Code} {Severity} " + (ProjectIndex is null ? "unit" : $"[{ProjectIndex}]") + (Seq is null ? "" : $" #{Seq}") + $" {Message}";
    }
}
