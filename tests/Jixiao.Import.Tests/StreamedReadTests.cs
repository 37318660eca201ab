using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tests;

/// <summary>
/// A large table is read one project at a time (and, for the command line, twice) rather than held whole;
/// its text is split into rows as it is decoded. Each must give what the whole read gives.
/// </summary>
public class StreamedReadTests
{
    private const string Header = "西湖区图书馆项目支出绩效目标表\n单位名称：西湖区图书馆\n单位：万元\n项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n";

    private static string Table(int projects, string? last = null)
    {
        var table = new StringBuilder(Header).Append("西湖区图书馆\t").Append(projects * 3).Append(".00\t").Append(projects * 3).Append(".00\t\t\t-\t-\n");
        for (var i = 1; i <= projects; i++)
        {
            table.Append($"阅读推广活动{i}\t3.00\t3.00\t\t\t开展阅读推广活动{i}期。\t1、产出指标：举办讲座场次，年度指标值：不少于{i}场。2、满意度指标：读者满意率，年度指标值：≥90%。\n");
        }

        return table.Append(last ?? "").ToString();
    }

    private static string TempFile(string text, string extension = ".txt")
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-streamed-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void ProjectsHandedOn_AreTheDocumentsProjects_AndTheDocumentKeepsNone()
    {
        var bytes = Encoding.UTF8.GetBytes(Table(30));
        var whole = TableReader.Read(bytes, "西湖区图书馆.txt");
        var handed = new List<Domain.Documents.Project>();
        var streamed = TableReader.Read(bytes, "西湖区图书馆.txt", null, handed.Add);

        Assert.Equal(30, whole.Document!.Projects.Count);
        Assert.Empty(streamed.Document!.Projects);
        Assert.Equal(whole.Document.Projects.Select(p => (p.Name, p.Goal, p.Indicators.Count, p.Location.Line)),
            handed.Select(p => (p.Name, p.Goal, p.Indicators.Count, p.Location.Line)));
        Assert.Equal(whole.Document.Summary, streamed.Document.Summary);
        Assert.Equal(whole.Diagnostics.Select(d => (d.Code, d.Location, d.Message)), streamed.Diagnostics.Select(d => (d.Code, d.Location, d.Message)));
    }

    [Fact]
    public void WholeTableChecks_SeeEveryProject_WhenTheyAreHandedOn()
    {
        // An amount in 元 among amounts in 万元, a rate whose target is a bare 1, and a last row cut short.
        var text = Table(5, "少儿阅读空间改造\t3000000000.00\t3000000000.00\t\t\t改造少儿阅读空间。\t1、产出指标：设备完好率，年度指标值：1\n"
            + "古籍修复\t2.00\t2.00\t\t\t修复馆藏古籍。\t1、产出指标：修复册数，年度指标值：");
        var handed = 0;
        var streamed = TableReader.Read(Encoding.UTF8.GetBytes(text), "西湖区图书馆.txt", null, _ => handed++);

        Assert.Equal(7, handed);
        var codes = streamed.Diagnostics.Select(d => d.Code).ToList();
        Assert.Contains(Messages.AmountLooksLikeYuan.Code, codes);
        Assert.Contains(Messages.RateBareOne.Code, codes);
        Assert.Contains(Messages.TableTruncated.Code, codes);
        Assert.Equal(codes, TableReader.Read(Encoding.UTF8.GetBytes(text), "西湖区图书馆.txt").Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void ReadTwice_WritesNothing_WhenTheTableGoesPastALimit()
    {
        var path = TempFile(Table(40));
        try
        {
            var table = StreamedTable.ReadFile(path, new ReadOptions { MaxProjects = 10 });
            Assert.False(table.Result.IsReadable);
            Assert.Equal(0, table.ProjectCount);
            Assert.Empty(table.Projects());
            Assert.Contains(table.Result.Diagnostics, d => d.Severity == Severity.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadTwice_GivesEachProjectOnce_InOrder_AndStopsWhenLeftEarly()
    {
        var path = TempFile(Table(500));
        try
        {
            var table = StreamedTable.ReadFile(path);
            Assert.Equal(500, table.ProjectCount);
            Assert.Empty(table.Result.Document!.Projects);
            Assert.Equal(Enumerable.Range(1, 500).Select(i => "阅读推广活动" + i), table.Projects().Select(p => p.Name));

            // Taking three and leaving: the second read is told to stop and is waited for, not left blocked.
            Assert.Equal(["阅读推广活动1", "阅读推广活动2", "阅读推广活动3"], table.Projects().Take(3).Select(p => p.Name));

            // Each walk reads again.
            Assert.Equal(500, table.Projects().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadTwice_OfAMissingFile_SaysSo()
    {
        var table = StreamedTable.ReadFile(Path.Combine(Path.GetTempPath(), $"jixiao-missing-{Guid.NewGuid():N}.txt"));
        Assert.False(table.Result.IsReadable);
        Assert.Contains("文件不存在", table.Result.FatalError!.Message, StringComparison.Ordinal);
        Assert.Empty(table.Projects());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Lines_SplitTheSame_WhateverTheBreak_AndAcrossTheReadBuffer(string lineBreak)
    {
        // Lines longer than the reader's buffer, and breaks that fall on its edges.
        var lines = new List<string>();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var length = i % 50 == 0 ? 40_000 + random.Next(1000) : random.Next(0, 400);
            lines.Add(string.Concat(Enumerable.Range(0, length).Select(k => k % 97 == 96 ? '\t' : (char)('一' + ((i + k) % 500)))));
        }

        var text = string.Join(lineBreak, lines) + lineBreak;
        var rows = DelimitedRows.TabSeparated(new DecodedText(Encoding.UTF8.GetBytes(text)).Open(), int.MaxValue / 4).ToList();

        Assert.Equal(lines.Count, rows.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(i + 1, rows[i].Line);
            Assert.Equal(lines[i].Split('\t'), rows[i].Cells);
        }
    }

    [Fact]
    public void Csv_QuotedCellsWithBreaksAndQuotes_ReadTheSame_AcrossTheReadBuffer()
    {
        var records = new List<string[]>();
        var csv = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            var long1 = new string('书', 50 + (i * 37 % 900));
            string[] cells = [$"项目{i}", $"第一行\r\n第二行 \"引号\" {long1}", $"{i}.50", ""];
            records.Add(cells);
            csv.Append(string.Join(',', cells.Select(c => c.Length == 0 ? "" : "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }

        var rows = DelimitedRows.Csv(new DecodedText(Encoding.UTF8.GetBytes(csv.ToString())).Open(), ',', int.MaxValue / 4).ToList();
        Assert.Equal(records.Count, rows.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i], rows[i].Cells);
        }

        // Each record's line is the line it starts on: two lines a record.
        Assert.Equal(Enumerable.Range(0, records.Count).Select(i => 1 + (2 * i)), rows.Select(r => r.Line));
    }

    [Fact]
    public void LineBreaks_OnTheEdgeOfTheReadBuffer_EndOneLine()
    {
        // A CR LF whose CR is the last character the reader has, for every place near its buffer's edge.
        for (var length = (1 << 14) - 4; length <= (1 << 14) + 4; length++)
        {
            var first = new string('馆', length);
            var text = first + "\r\n第二行\r\n\"第三\r\n行\",末\r\n";
            var csv = DelimitedRows.Csv(new DecodedText(Encoding.UTF8.GetBytes(text)).Open(), ',', int.MaxValue / 4).ToList();
            Assert.Equal([[first], ["第二行"], ["第三\r\n行", "末"]], csv.Select(r => r.Cells));
            Assert.Equal([1, 2, 3], csv.Select(r => r.Line));

            var tabbed = DelimitedRows.TabSeparated(new DecodedText(Encoding.UTF8.GetBytes(first + "\r\n第二行\r\n\r\n")).Open(), int.MaxValue / 4).ToList();
            Assert.Equal([[first], ["第二行"], [""]], tabbed.Select(r => r.Cells));
        }
    }

    [Fact]
    public void DecodedUtf8_ReadAsItsBytes_SaysWhatTheWholeStringSays()
    {
        foreach (var text in new[] { "标题\n甲\t乙\n", "标题\r\n甲\t乙", "\u3000\u3000\n", "  \t\n", "　标题" })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var asBytes = new DecodedText(bytes);
            var asString = new DecodedText(text);
            Assert.Equal(asString.IsBlank(), asBytes.IsBlank());
            Assert.Equal(asString.EndsWithBreak, asBytes.EndsWithBreak);
            Assert.Equal(asString.LineFeeds, asBytes.LineFeeds);
            Assert.Equal(text, asBytes.ToString());
            Assert.Equal(text[..Math.Min(3, text.Length)], asBytes.Start(3));
            Assert.Equal(text, asBytes.Open().ReadToEnd());
        }
    }
}
