using System.Text;
using System.Text.Json;
using Jixiao.Contracts;
using Jixiao.Import;
using Jixiao.Import.Tests;

namespace Jixiao.Cli.Tests;

public class ParseCommandTests
{
    [Fact]
    public void ParseJson_Sample_HasTheDocumentedShape()
    {
        var outcome = CliRunner.Run("parse", TestPaths.Sample, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.Equal("青溪市社区教育学院", root.GetProperty("unitName").GetString());
        Assert.Equal("万元", root.GetProperty("amountUnit").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("title").ValueKind);
        Assert.Equal(5425.01m, root.GetProperty("summary").GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("diagnostics").ValueKind);

        var projects = root.GetProperty("projects");
        Assert.Equal(10, projects.GetArrayLength());
        var first = projects[0];
        Assert.Equal(1286.4m, first.GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("specialAccount").ValueKind);
        foreach (var name in new[] { "name", "fiscalAppropriation", "otherFunds", "goal", "indicators" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        var indicator = first.GetProperty("indicators")[0];
        Assert.Equal(1, indicator.GetProperty("seq").GetInt32());
        Assert.Equal("output", indicator.GetProperty("level1").GetString());
        Assert.Equal("quantity", indicator.GetProperty("level2").GetString());
        Assert.Equal("quantitative", indicator.GetProperty("kind").GetString());
        Assert.Equal("higher", indicator.GetProperty("direction").GetString());
        var clause = indicator.GetProperty("clauses")[0];
        Assert.Equal(">=", clause.GetProperty("comparator").GetString());
        Assert.Equal(300m, clause.GetProperty("value").GetDecimal());
        Assert.Equal("门", clause.GetProperty("unit").GetString());
    }

    [Fact]
    public void ParseJson_PublishedSeedTable_ReadsAsAReaderWould()
    {
        var seed = TestPaths.SeedTable;
        if (seed is null)
        {
            Assert.Skip(TestPaths.SeedAbsent);
        }

        var outcome = CliRunner.Run("parse", seed, "--format", "json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        var projects = root.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(28, projects.Count);
        Assert.Equal(212, projects.Sum(p => p.GetProperty("indicators").GetArrayLength()));

        // Every amount exactly as printed: compare with the cells read straight from the file.
        var printed = File.ReadAllLines(seed, Encoding.UTF8).Select(l => l.Split('\t')).Where(c => c.Length == 7).ToList();
        var summaryCells = printed[1];
        var summary = root.GetProperty("summary");
        Assert.Equal(summaryCells[0], summary.GetProperty("name").GetString());
        AssertAmounts(summaryCells, summary);
        for (var p = 0; p < projects.Count; p++)
        {
            Assert.Equal(printed[p + 2][0], projects[p].GetProperty("name").GetString());
            AssertAmounts(printed[p + 2], projects[p]);
        }

        var byTarget = projects.SelectMany(p => p.GetProperty("indicators").EnumerateArray())
            .GroupBy(i => i.GetProperty("targetText").GetString()!)
            .ToDictionary(g => g.Key, g => g.First());
        AssertClauses(byTarget["90%以上"], ">= 90 %");
        AssertClauses(byTarget["不少于110人"], ">= 110 人");
        AssertClauses(byTarget["10分钟内"], "<= 10 分钟");
        AssertClauses(byTarget["约170人"], "~ 170 人");
        AssertClauses(byTarget[">1000万件"], "> 10000000 件");
        AssertClauses(byTarget["开展不少于80场讲座，线上线下参与人次不少于36万"], ">= 80 场", ">= 360000 人次");
        AssertClauses(byTarget["500用户同时在线操作，平均响应时间≤3秒"], "<= 3 秒");
        AssertClauses(byTarget["2次/天"], "= 2 次/天");
        Assert.Equal("qualitative", byTarget["及时"].GetProperty("kind").GetString());
        Assert.Equal("question", byTarget["是否有影响力"].GetProperty("form").GetString());
        Assert.Equal("definition", byTarget["平均每用户办理/查询业务数量"].GetProperty("form").GetString());
        Assert.Equal("件", byTarget["5000"].GetProperty("clauses")[0].GetProperty("unit").GetString());
    }

    private static void AssertAmounts(string[] cells, JsonElement row)
    {
        var names = new[] { "total", "fiscalAppropriation", "specialAccount", "otherFunds" };
        for (var k = 0; k < 4; k++)
        {
            var cell = cells[k + 1].Trim();
            var value = row.GetProperty(names[k]);
            if (cell.Length == 0)
            {
                Assert.Equal(JsonValueKind.Null, value.ValueKind);
            }
            else
            {
                Assert.Equal(decimal.Parse(cell.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), value.GetDecimal());
            }
        }
    }

    private static void AssertClauses(JsonElement indicator, params string[] expected)
    {
        var clauses = indicator.GetProperty("clauses").EnumerateArray()
            .Select(c => $"{c.GetProperty("comparator").GetString()} {c.GetProperty("value").GetDecimal()} {c.GetProperty("unit").GetString()}".TrimEnd())
            .ToArray();
        Assert.Equal(expected, clauses);
    }

    [Fact]
    public void ParseJson_LargeTable_IsReadTwiceNotHeld_AndPrintsWhatTheWholeReadGives()
    {
        // Over 10 MB: read once to check it, then again as the JSON is written.
        var table = new StringBuilder("南湖区体育中心项目支出绩效目标表\n单位名称：南湖区体育中心\n单位：万元\n项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n南湖区体育中心\t90000.00\t90000.00\t\t\t-\t-\n");
        var projects = 0;
        while (table.Length < 5_000_000)
        {
            projects++;
            table.Append($"全民健身赛事{projects}\t3.00\t2.50\t\t0.50\t举办第{projects}届全民健身赛事，带动群众参与体育锻炼。\t")
                .Append($"1、产出指标：参赛人数，年度指标值：不少于{projects % 900 + 100}人。2、效益指标：群众参与度，年度指标值：明显提高。3、满意度指标：参赛者满意率，年度指标值：≥95%。\n");
        }

        var folder = Directory.CreateTempSubdirectory("jixiao-large-");
        var path = Path.Combine(folder.FullName, "南湖区体育中心.txt");
        File.WriteAllText(path, table.ToString(), new UTF8Encoding(false));
        try
        {
            Assert.True(new FileInfo(path).Length > 10 * 1024 * 1024);
            var outcome = CliRunner.Run("parse", path, "--format", "json");
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains($"已读取 {projects} 个项目", outcome.Stderr, StringComparison.Ordinal);
            var whole = TableReader.ReadFile(path);
            Assert.Equal(projects, whole.Document!.Projects.Count);
            Assert.Equal(DocumentJson.Serialize(whole.ToJson()) + Environment.NewLine, outcome.Stdout);

            // A folder with it: its JSON line is the whole read's too, and a small file beside it reads as usual.
            File.Copy(TestPaths.Sample, Path.Combine(folder.FullName, "示例.txt"));
            var lines = CliRunner.Run("parse", folder.FullName, "--format", "json");
            Assert.Equal(0, lines.ExitCode);
            using var expected = new StringWriter();
            DocumentJson.WriteLine(expected, whole.ToJson());
            DocumentJson.WriteLine(expected, TableReader.ReadFile(Path.Combine(folder.FullName, "示例.txt")).ToJson());
            Assert.Equal(expected.ToString(), lines.Stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ParseText_Sample_ShowsUnitProjectsTargetsAndDiagnostics()
    {
        var outcome = CliRunner.Run("parse", TestPaths.Sample);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("单位名称：青溪市社区教育学院", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("总计 5,425.01", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("[3] 学院智慧校园平台升级项目", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("≤ 2 秒（反向），条件：1000用户同时在线操作", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("诊断 0 条", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileWithDiagnostics_StillExitsZeroAndListsThem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-cli-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "标题\n项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n项目甲\t十万\t\t\t\t目标\t1、产出指标：人数，年度指标值：5人。\n");
        try
        {
            var outcome = CliRunner.Run("parse", path);
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("[错误] 第3行第2列：", outcome.Stdout, StringComparison.Ordinal);
            Assert.Contains("十万", outcome.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("AMOUNT-INVALID", outcome.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("binary.txt", new byte[] { 0x50, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00 })]
    [InlineData("empty.csv", new byte[0])]
    [InlineData("fake.xlsx", new byte[] { 0x61, 0x62, 0x63, 0x64 })]
    public void Parse_UnreadableFile_ExitsTwoWithOneChineseLine(string name, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, content);
        try
        {
            var outcome = CliRunner.Run("parse", path, "--format", "json");
            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal("", outcome.Stdout);
            var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Matches(@"^无法读取 .+：\p{IsCJKUnifiedIdeographs}", lines[0]);
            Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_MissingFile_ExitsTwo()
    {
        var outcome = CliRunner.Run("parse", Path.Combine(Path.GetTempPath(), "jixiao-missing.txt"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("文件不存在", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFormat_IsAUsageError()
    {
        var outcome = CliRunner.Run("parse", TestPaths.Sample, "--format", "yaml");
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("yaml", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\"projects\"", outcome.Stdout, StringComparison.Ordinal);
    }
}
