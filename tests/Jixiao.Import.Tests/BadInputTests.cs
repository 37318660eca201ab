using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Tests;

public class BadInputTests
{
    private const string Header = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标";

    private static ReadResult ReadText(string text, string name = "t.txt") => TableReader.Read(Encoding.UTF8.GetBytes(text), name);

    private static void AssertUnreadable(ReadResult result, string code)
    {
        Assert.False(result.IsReadable);
        var fatal = Assert.IsType<Diagnostic>(result.FatalError);
        Assert.Equal(code, fatal.Code);
        Assert.Equal(Severity.Error, fatal.Severity);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", fatal.Message);
    }

    [Theory]
    [InlineData("t.txt")]
    [InlineData("t.csv")]
    [InlineData("t.xlsx")]
    public void Read_EmptyFile_IsUnreadableWithAChineseReason(string name) =>
        AssertUnreadable(TableReader.Read([], name), "FILE-EMPTY");

    [Fact]
    public void Read_WhitespaceOnly_IsEmpty() => AssertUnreadable(ReadText("\n \u3000\n\t\n"), "FILE-EMPTY");

    [Fact]
    public void Read_BinaryFile_IsRefused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        AssertUnreadable(TableReader.Read(bytes, "scan.txt"), "FILE-BINARY");
    }

    [Fact]
    public void Read_XlsxThatIsNotAZip_IsRefused() =>
        AssertUnreadable(TableReader.Read(Encoding.UTF8.GetBytes("这其实是文本文件"), "table.xlsx"), "XLSX-NOT-ZIP");

    [Fact]
    public void Read_ZipWithoutWorkbook_IsCorruptOrHasNoSheet()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("hello.txt").Open();
            entry.Write("hi"u8);
        }

        var result = TableReader.Read(stream.ToArray(), "table.xlsx");
        Assert.False(result.IsReadable);
        Assert.Contains(result.FatalError!.Code, new[] { "XLSX-CORRUPT", "XLSX-NO-SHEET" });
    }

    [Fact]
    public void Read_TableWithMissingColumn_SaysWhichColumn()
    {
        var result = ReadText("标题\n项目名称\t总计\t绩效目标\n项目甲\t1.00\t目标\n");
        AssertUnreadable(result, "TABLE-COLUMN-MISSING");
        Assert.Contains("绩效指标", result.FatalError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextInAmountColumn_ReportsTheCellAndKeepsTheProject()
    {
        var result = ReadText($"{Header}\n单位\t10.00\t10.00\t\t\t\t\n项目甲\t十万元\t10.00\t\t\t目标\t1、产出指标：培训人数，年度指标值：10人。\n");
        Assert.True(result.IsReadable);
        var project = Assert.Single(result.Document!.Projects);
        Assert.Null(project.Funding.Total);
        Assert.Single(project.Indicators);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "AMOUNT-INVALID");
        Assert.Equal(new SourceLocation(3, 2), diagnostic.Location);
        Assert.Contains("十万元", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnsupportedExtension_IsRefused() =>
        AssertUnreadable(TableReader.Read(Encoding.UTF8.GetBytes("x"), "old.wps"), "FILE-UNSUPPORTED");

    [Fact]
    public void ReadFile_MissingFile_IsADiagnosticNotAnException() =>
        AssertUnreadable(TableReader.ReadFile(Path.Combine(Path.GetTempPath(), "jixiao-no-such-file.txt")), "FILE-UNREADABLE");

    [Fact]
    public void Read_OverSizeLimit_IsRefused() =>
        AssertUnreadable(TableReader.Read(new byte[2048], "big.txt", new ReadOptions { MaxFileBytes = 1024 }), "FILE-TOO-LARGE");

    [Fact]
    public void Read_OverRowLimit_IsRefusedWholeNamingTheLimit()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"项目{i}\t1.00\t1.00\t\t\t目标\t1、产出指标：人数，年度指标值：1人。"));
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n\n\n{rows}\n");
        Assert.Equal(20, TableReader.Read(bytes, "t.txt").Document!.Projects.Count);
        var limited = TableReader.Read(bytes, "t.txt", new ReadOptions { MaxRows = 6 });
        AssertUnreadable(limited, "READ-LIMIT");
        Assert.Contains("行数超过 6 行", limited.FatalError!.Message, StringComparison.Ordinal);

        // Blank lines are not rows with content: they do not count.
        Assert.True(TableReader.Read(bytes, "t.txt", new ReadOptions { MaxRows = 21 }).IsReadable);
    }

    [Theory]
    [InlineData(nameof(ReadOptions.MaxCells), "单元格数")]
    [InlineData(nameof(ReadOptions.MaxCharacters), "文字总量")]
    [InlineData(nameof(ReadOptions.MaxProjects), "项目数")]
    [InlineData(nameof(ReadOptions.MaxIndicators), "指标数")]
    public void Read_OverABudgetLimit_IsRefusedNamingIt(string limit, string named)
    {
        var rows = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"项目{i}\t1.00\t1.00\t\t\t目标\t1、产出指标：人数，年度指标值：1人。"));
        var options = limit switch
        {
            nameof(ReadOptions.MaxCells) => new ReadOptions { MaxCells = 50 },
            nameof(ReadOptions.MaxCharacters) => new ReadOptions { MaxCharacters = 500 },
            nameof(ReadOptions.MaxProjects) => new ReadOptions { MaxProjects = 10 },
            _ => new ReadOptions { MaxIndicators = 10 },
        };
        var result = TableReader.Read(Encoding.UTF8.GetBytes($"{Header}\n{rows}\n"), "t.txt", options);
        AssertUnreadable(result, "READ-LIMIT");
        Assert.Contains(named, result.FatalError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OutOfTime_IsRefusedNamingTheTimeLimit()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 2000).Select(i => $"项目{i}\t1.00\t1.00\t\t\t目标\t1、产出指标：人数，年度指标值：1人。"));
        var clock = new SteppingClock(TimeSpan.FromSeconds(1));
        var result = TableReader.Read(Encoding.UTF8.GetBytes($"{Header}\n{rows}\n"), "t.txt", new ReadOptions { MaxTime = TimeSpan.FromSeconds(2), Time = clock });
        AssertUnreadable(result, "READ-LIMIT");
        Assert.Contains("读取时间超过 2 秒", result.FatalError!.Message, StringComparison.Ordinal);
    }

    /// <summary>A clock that moves on by a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }

    [Fact]
    public void Read_OverlongCell_SkipsTheRow()
    {
        var result = TableReader.Read(
            Encoding.UTF8.GetBytes($"{Header}\n单位\t1.00\t\t\t\t\t\n项目甲\t1.00\t1.00\t\t\t{new string('长', 300)}\t\n项目乙\t1.00\t1.00\t\t\t目标\t\n"),
            "t.txt",
            new ReadOptions { MaxCellLength = 200 });
        Assert.Contains(result.Diagnostics, d => d.Code == "ROW-CELL-TOO-LONG" && d.Location.Line == 3);
        Assert.Equal("项目乙", Assert.Single(result.Document!.Projects).Name);
    }

    [Fact]
    public void Read_Gb18030Text_IsDecoded()
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var text = $"某单位项目支出绩效目标表\n单位名称：某单位\n{Header}\n项目甲\t1.00\t1.00\t\t\t目标\t1、产出指标：培训人数，年度指标值：不少于10人。\n";
        var result = TableReader.Read(gb.GetBytes(text), "gbk.txt");
        Assert.Equal("某单位", result.Document!.Unit.Name);
        Assert.Equal("培训人数", result.Document.Projects[0].Indicators[0].Name);
        Assert.Contains(result.Diagnostics, d => d.Code == "FILE-ENCODING");
    }

    [Fact]
    public void Read_Utf16WithBomAndCrLf_IsDecoded()
    {
        var text = $"标题\r\n{Header}\r\n项目甲\t1.00\t1.00\t\t\t目标\t1、产出指标：培训人数，年度指标值：10人。\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var result = TableReader.Read(bytes, "u16.txt");
        var project = Assert.Single(result.Document!.Projects);
        Assert.Equal(3, project.Location.Line);
        Assert.Equal("10人", project.Indicators[0].TargetText);
    }

    [Fact]
    public void Read_XlsxWithoutExtensionHint_IsSniffed()
    {
        var bytes = XlsxBuilder.Build([Header.Split('\t'), ["项目甲", "#1", "#1", "", "", "目标", "1、产出指标：培训人数，年度指标值：10人。"]]);
        var result = TableReader.Read(bytes, "upload");
        Assert.Equal(Jixiao.Domain.Documents.SourceFormat.Xlsx, result.Document!.Source.Format);
        Assert.Single(result.Document.Projects);
    }
}
