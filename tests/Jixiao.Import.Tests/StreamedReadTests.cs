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
        var rows = DelimitedRows.TabSeparated(DecodedText.Utf8(Encoding.UTF8.GetBytes(text), 0).Open(), int.MaxValue / 4).ToList();

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

        var rows = DelimitedRows.Csv(DecodedText.Utf8(Encoding.UTF8.GetBytes(csv.ToString()), 0).Open(), ',', int.MaxValue / 4).ToList();
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
            var csv = DelimitedRows.Csv(DecodedText.Utf8(Encoding.UTF8.GetBytes(text), 0).Open(), ',', int.MaxValue / 4).ToList();
            Assert.Equal([[first], ["第二行"], ["第三\r\n行", "末"]], csv.Select(r => r.Cells));
            Assert.Equal([1, 2, 3], csv.Select(r => r.Line));

            var tabbed = DelimitedRows.TabSeparated(DecodedText.Utf8(Encoding.UTF8.GetBytes(first + "\r\n第二行\r\n\r\n"), 0).Open(), int.MaxValue / 4).ToList();
            Assert.Equal([[first], ["第二行"], [""]], tabbed.Select(r => r.Cells));
        }
    }

    public static TheoryData<string> Encodings() => ["utf-8 bom", "utf-16le", "utf-16be", "utf-16 cut", "gb18030", "gb18030 with a utf-8 line", "gb18030 cut", "utf-8 bad byte"];

    /// <summary>Every encoding is decoded as it is read: the text, what is said of it, and how it reads in small pieces.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryEncoding_DecodedAsItIsRead_GivesItsText(string kind)
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var lines = Enumerable.Range(1, 400).Select(i => $"阅读推广活动{i}\t{i}.00\t开展读书会、讲座和展览，服务社区居民{i}人次。").ToList();
        var text = string.Join("\r\n", lines) + "\r\n";
        (byte[] Bytes, string Expected, string[] Codes) input = kind switch
        {
            "utf-8 bom" => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], text, []),
            "utf-16le" => ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], text, []),
            "utf-16be" => ([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], text, []),
            "utf-16 cut" => ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text), 0x31], text, [Messages.FileTruncated.Code]),
            "gb18030" => (gb.GetBytes(text), text, [Messages.FileEncoding.Code]),
            "gb18030 with a utf-8 line" => ([.. gb.GetBytes(string.Join("\r\n", lines[..200]) + "\r\n"), .. Encoding.UTF8.GetBytes(lines[200] + "\r\n"), .. gb.GetBytes(string.Join("\r\n", lines[201..]) + "\r\n")],
                text, [Messages.FileEncoding.Code, Messages.TextLineEncoding.Code]),
            "gb18030 cut" => ([.. gb.GetBytes(text), .. gb.GetBytes("馆")[..1]], text, [Messages.FileEncoding.Code, Messages.FileTruncated.Code]),
            _ => (Bad(Encoding.UTF8.GetBytes(text)), text.Replace("阅读推广活动3\t", "\uFFFD\uFFFD\uFFFD读推广活动3\t", StringComparison.Ordinal), [Messages.TextBadBytes.Code]),
        };
        var (bytes, expected, codes) = input;

        var diagnostics = new List<Diagnostic>();
        var decoded = TextDecoder.Decode(bytes, diagnostics)!;
        Assert.Equal(codes, diagnostics.Select(d => d.Code));
        if (kind == "gb18030 with a utf-8 line")
        {
            Assert.Equal(201, diagnostics[1].Location.Line);
        }

        if (kind == "utf-8 bad byte")
        {
            Assert.Equal(3, diagnostics[0].Location.Line);
        }

        Assert.Equal(expected, decoded.ToString());
        Assert.Equal(expected[..5], decoded.Start(5));
        Assert.Equal(expected.EndsWith('\n'), decoded.EndsWithBreak);
        Assert.Equal(expected.AsSpan().Count('\n'), decoded.LineFeeds);
        Assert.False(decoded.IsBlank());

        // Read seven characters at a time, and one by one.
        var pieces = new StringBuilder();
        using (var reader = decoded.Open())
        {
            var piece = new char[7];
            int read;
            while ((read = reader.Read(piece, 0, piece.Length)) > 0)
            {
                pieces.Append(piece, 0, read);
            }
        }

        Assert.Equal(expected, pieces.ToString());
        using (var reader = decoded.Open())
        {
            var one = new StringBuilder();
            while (reader.Peek() >= 0)
            {
                one.Append((char)reader.Read());
            }

            Assert.Equal(expected, one.ToString());
        }

        static byte[] Bad(byte[] utf8)
        {
            // The first byte of line 3 (阅, three bytes in UTF-8) replaced by one that starts no character: three bad bytes.
            var line3 = Encoding.UTF8.GetByteCount(string.Join("\r\n", Enumerable.Range(1, 2).Select(i => $"阅读推广活动{i}\t{i}.00\t开展读书会、讲座和展览，服务社区居民{i}人次。")) + "\r\n");
            utf8[line3] = 0xFF;
            return utf8;
        }
    }

    [Fact]
    public void DecodedUtf8_ReadAsItsBytes_SaysWhatTheWholeStringSays()
    {
        foreach (var text in new[] { "标题\n甲\t乙\n", "标题\r\n甲\t乙", "\u3000\u3000\n", "  \t\n", "　标题" })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var asBytes = DecodedText.Utf8(bytes, 0);
            Assert.Equal(Domain.Text.ChineseText.IsBlank(text), asBytes.IsBlank());
            Assert.Equal(text[^1] is '\n' or '\r', asBytes.EndsWithBreak);
            Assert.Equal(text.AsSpan().Count('\n'), asBytes.LineFeeds);
            Assert.Equal(text, asBytes.ToString());
            Assert.Equal(text[..Math.Min(3, text.Length)], asBytes.Start(3));
            Assert.Equal(text, asBytes.Open().ReadToEnd());
        }
    }
}
