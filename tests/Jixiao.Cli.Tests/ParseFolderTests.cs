using System.Text;
using System.Text.Json;
using Jixiao.Import.Tests;

namespace Jixiao.Cli.Tests;

/// <summary><c>jixiao parse DIR|FILE… --format json</c>: one JSON document per line, one line per file, in name order.</summary>
public sealed class ParseFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jixiao-parse-" + Guid.NewGuid().ToString("N"));

    public ParseFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "自评"));
        File.WriteAllText(Path.Combine(_folder, "a-部门整体.txt"), TestPaths.GoldenInput("department-wide.spec"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, "自评", "b-自评.txt"), TestPaths.GoldenInput("self-evaluation.spec"), Encoding.UTF8);
        File.WriteAllBytes(Path.Combine(_folder, "c-旧版.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(_folder, "说明.md"), "不是表格", Encoding.UTF8);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ParseFolder_Json_OneLinePerTableFile_AndSaysWhichCouldNotBeRead()
    {
        var outcome = CliRunner.Run("parse", _folder, "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("departmentWide", docs[0].GetProperty("form").GetString());
        Assert.Equal("c-旧版.doc", docs[1].GetProperty("source").GetProperty("fileName").GetString());
        Assert.Empty(docs[1].GetProperty("projects").EnumerateArray());
        Assert.Equal("error", docs[1].GetProperty("diagnostics")[0].GetProperty("severity").GetString());
        Assert.Equal("selfEvaluation", docs[2].GetProperty("form").GetString());
        Assert.Equal(5, docs[2].GetProperty("projects")[0].GetProperty("indicators").GetArrayLength());
        Assert.Contains("正在读取（3/3）", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 个无法读取", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSeveralFiles_Text_EachUnderItsName()
    {
        var outcome = CliRunner.Run("parse", Path.Combine(_folder, "a-部门整体.txt"), Path.Combine(_folder, "自评", "b-自评.txt"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("==== a-部门整体.txt ====", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("==== b-自评.txt ====", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("已读取 2 个文件。", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("年度主要任务：粮食生产｜稳定粮食播种面积｜耕地地力保护补贴｜520.00", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("实际完成值：85%　分值 15　得分 12　偏差原因：汛期垃圾量大，下年增加临时人员", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("总分 93.5　自评等级 优", outcome.Stdout, StringComparison.Ordinal);
    }
}
