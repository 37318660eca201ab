using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Jixiao.Tests.Hostile;

/// <summary>What a hostile file must come to.</summary>
internal enum HostileExpectation
{
    /// <summary>Refused with one of the given codes, never read.</summary>
    Refused,

    /// <summary>Read, keeping at least the given share of the table's projects.</summary>
    Read,

    /// <summary>Read or refused, as long as it is either with a Chinese reason (truncations, flips).</summary>
    Either,
}

/// <summary>One file of the corpus.</summary>
/// <param name="Name">What it is, for the test's name.</param>
/// <param name="FileName">The name it is uploaded or read under.</param>
/// <param name="Build">Makes the bytes (lazily: some are large).</param>
/// <param name="Expect">What it must come to under the web application's upload limits.</param>
/// <param name="Codes">For <see cref="HostileExpectation.Refused"/>: the codes any of which the refusal may carry.</param>
/// <param name="MinProjects">For <see cref="HostileExpectation.Read"/>: how many projects must be read.</param>
internal sealed record HostileCase(string Name, string FileName, Func<byte[]> Build, HostileExpectation Expect, string[] Codes, int MinProjects = 0)
{
    public override string ToString() => Name;
}

/// <summary>
/// Files built to hurt a reader: deep XML, zip and entity bombs, huge shared-string tables, cells of a
/// million characters, a million empty rows, NUL bytes, mixed encodings, wrong signatures, truncations and
/// flipped bytes. Shared by the reader's, the command line's and the web application's tests, so each of
/// them meets the same files. Everything is made here from a small invented table.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>Projects in <see cref="Table"/>.</summary>
    public const int TableProjects = 30;

    public const string Header = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标";

    private static readonly string[] Goals =
    [
        "组织街道社工开展入户走访，建立困难老人台账，按月跟踪服务情况。",
        "完成辖区内老旧管网巡检与维修，保障居民用水稳定。",
        "为基层医疗机构配备常用检验设备，提升就近诊疗能力。",
    ];

    private static readonly string[] Indicators =
    [
        "1、产出指标：走访老人人数，年度指标值：不少于1200人。2、产出指标：台账更新及时率，年度指标值：≥95%。3、满意度指标：服务对象满意度，年度指标值：90%以上。",
        "1、产出指标-数量指标：巡检管网长度，年度指标值：36公里。2、效益指标：停水投诉下降，年度指标值：较上年下降10%。3、满意度指标：居民满意度，年度指标值：≥90%。",
        "1、产出指标：配备设备台数，年度指标值：24台。2、产出指标-时效指标：设备到位时间，年度指标值：9月底前。3、效益指标：就诊人次增长，年度指标值：增长5%以上。4、满意度指标：患者满意度，年度指标值：≥85%。",
    ];

    /// <summary>An invented table in the published text layout, <paramref name="projects"/> projects.</summary>
    public static string Table(int projects = TableProjects, string separator = "\t")
    {
        var text = new StringBuilder();
        text.Append("云岭县民政服务中心2026年项目支出绩效目标表\n\n单位名称：云岭县民政服务中心\n\n单位：万元\n\n");
        text.Append(Header.Replace("\t", separator, StringComparison.Ordinal)).Append('\n');
        var total = 0m;
        var rows = new StringBuilder();
        for (var p = 0; p < projects; p++)
        {
            var amount = 10m + (p * 3.25m);
            total += amount;
            var cells = new[]
            {
                $"第{p + 1}号民生服务项目", Money(amount), Money(amount), "", "", Goals[p % Goals.Length], Indicators[p % Indicators.Length],
            };
            rows.Append(string.Join(separator, cells.Select(c => separator == "," ? Csv(c) : c))).Append('\n');
        }

        var summary = new[] { "云岭县民政服务中心", Money(total), Money(total), "", "", "", "" };
        text.Append(string.Join(separator, summary.Select(c => separator == "," ? Csv(c) : c))).Append('\n');
        text.Append(rows);
        return text.ToString();
    }

    /// <summary>Every case.</summary>
    public static IReadOnlyList<HostileCase> All { get; } = Build();

    /// <summary>The cases as theory data, by name.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var item in All)
        {
            data.Add(item.Name);
        }

        return data;
    }

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The table cut at every 1 % of its length, as text and as a workbook.</summary>
    public static IEnumerable<(string Name, string FileName, byte[] Bytes)> Truncations()
    {
        var text = Encoding.UTF8.GetBytes(Table());
        var workbook = Workbook(TableRows(), sharedStrings: true);
        foreach (var (kind, bytes) in new[] { (".txt", text), (".xlsx", workbook) })
        {
            for (var percent = 1; percent < 100; percent++)
            {
                var length = (int)((long)bytes.Length * percent / 100);
                yield return ($"truncated-{percent}%{kind}", "cut" + kind, bytes[..length]);
            }
        }
    }

    private static List<HostileCase> Build()
    {
        const HostileExpectation Refused = HostileExpectation.Refused;
        const HostileExpectation Read = HostileExpectation.Read;
        string[] limit = ["READ-LIMIT"];
        string[] corrupt = ["XLSX-CORRUPT"];
        return
        [
            new("deep-xml-sheet", "deep.xlsx", () => Workbook(sheetXml: DeepSheet(20_000)), Refused, limit),
            new("deep-xml-workbook", "deep-workbook.xlsx", () => Workbook(TableRows(), workbookXml: Nest("workbook", "sheets", 200_000)), Refused, limit),
            new("deep-xml-shared-strings", "deep-strings.xlsx", () => Workbook(TableRows(), sharedStrings: true, sharedXml: Nest("sst", "si", 100_000)), Refused, limit),
            new("zip-bomb", "bomb.xlsx", () => Workbook(sheetXml: Bomb(48 * 1024 * 1024)), Refused, limit),
            new("zip-bomb-unreferenced-part", "bomb-aside.xlsx", () => Workbook(TableRows(), extra: ("xl/media/big.bin", 128 * 1024 * 1024)), Read, [], TableProjects),
            new("huge-attribute", "attribute.xlsx", () => Workbook(sheetXml: HugeNode(attribute: true)), Refused, limit),
            new("huge-text-node", "text-node.xlsx", () => Workbook(sheetXml: HugeNode(attribute: false)), Refused, limit),
            new("deep-nested-word-tables", "deep.docx", () => Word(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", 20_000)) + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", 20_000))), Refused, limit),
            new("word-table-project-form", "form.docx", () => Word(WordForm()), Read, [], 1),
            new("deep-html", "deep.html", () => Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div><table><tr><td>", 100_000)) + "</body></html>"), Refused, limit),
            new("html-unclosed-comment-and-script", "broken.htm", () => Encoding.UTF8.GetBytes(HtmlForm() + "<script>" + new string('x', 3_000_000) + "<!--" + new string('y', 1_000_000)), Read, [], 1),
            new("html-project-form", "form.html", () => Encoding.UTF8.GetBytes(HtmlForm()), Read, [], 1),
            new("pdf-deep-arrays", "deep.pdf", () => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + new string('[', 300_000) + new string(']', 300_000) + " >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), Refused, ["FILE-READER-FAILED", "XLSX-CORRUPT", "FILE-UNSUPPORTED"]),
            new("pdf-without-text", "scan.pdf", BlankPdf, Refused, ["FILE-UNSUPPORTED"]),
            new("xls-noise", "old.xls", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Noise(64 * 1024, 5)], Refused, ["FILE-READER-FAILED", "XLSX-CORRUPT"]),
            new("xls-forms", "forms.xls", () => File.ReadAllBytes(Path.Combine(Jixiao.Import.Tests.TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Fixtures", "forms.xls")), Read, [], 2),
            new("pdf-forms", "forms.pdf", () => File.ReadAllBytes(Path.Combine(Jixiao.Import.Tests.TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Fixtures", "forms.pdf")), Read, [], 2),
            new("entity-bomb", "laughs.xlsx", () => Workbook(TableRows(), sharedStrings: true, sharedXml: BillionLaughs()), Refused, corrupt),
            new("external-entity", "xxe.xlsx", () => Workbook(sheetXml: ExternalEntity()), Refused, corrupt),
            new("huge-shared-strings", "strings.xlsx", () => Workbook(TableRows(), sharedStrings: true, padStrings: 3_000_000), Refused, limit),
            new("many-zip-entries", "entries.xlsx", () => Workbook(TableRows(), entries: 20_000), Refused, corrupt),
            new("wide-rows", "wide.xlsx", () => Workbook(sheetXml: WideRows(60_000)), Refused, limit),
            new("million-char-cell-text", "long.txt", () => Encoding.UTF8.GetBytes(WithLongGoal(Table(), 1_000_000)), Read, [], TableProjects - 1),
            new("million-char-cell-csv", "long.csv", () => Encoding.UTF8.GetBytes(WithLongGoal(Table(separator: ","), 1_000_000)), Read, [], TableProjects - 1),
            new("million-char-cell-xlsx", "long.xlsx", () => Workbook(LongGoalRows(1_000_000), sharedStrings: true), Read, [], TableProjects - 1),
            new("million-empty-lines", "empty-lines.txt", () => Encoding.UTF8.GetBytes(Table().Replace("单位：万元\n", "单位：万元\n" + new string('\n', 1_000_000), StringComparison.Ordinal)), Read, [], TableProjects),
            new("million-empty-rows", "empty-rows.xlsx", () => Workbook(TableRows(), sharedStrings: true, emptyRows: 1_000_000), Read, [], TableProjects),
            new("million-columns-csv", "columns.csv", () => Encoding.UTF8.GetBytes(Table(separator: ",") + "尾行" + new string(',', 2_000_000) + "\n"), Read, [], TableProjects),
            new("unclosed-quote-csv", "quote.csv", () => Encoding.UTF8.GetBytes(Table(separator: ",") + "\"" + new string('引', 2_000_000)), Read, [], TableProjects),
            new("nul-in-cells", "nul.txt", () => Encoding.UTF8.GetBytes(Table().Replace("年度指标值：24台", "年度指标值：24\0台", StringComparison.Ordinal)), Read, [], TableProjects),
            new("nul-file", "zeros.txt", () => new byte[64 * 1024], Refused, ["FILE-BINARY"]),
            new("mixed-encodings", "mixed.txt", MixedEncodings, Read, [], TableProjects),
            new("gb18030", "gbk.txt", () => Gb18030.GetBytes(Table()), Read, [], TableProjects),
            new("utf16-without-bom", "utf16.txt", () => Encoding.Unicode.GetBytes(Table()), Read, [], TableProjects),
            new("bad-byte-near-end", "bad-byte.txt", () => Patch(Encoding.UTF8.GetBytes(Table()), -40, 0xFF), Read, [], TableProjects),
            new("truncated-last-character", "cut-char.txt", () => Encoding.UTF8.GetBytes(Table().TrimEnd('\n'))[..^1], Read, [], TableProjects),
            new("deep-json", "deep.json", () => Encoding.UTF8.GetBytes("{\"title\":" + new string('[', 100_000) + new string(']', 100_000) + "}"), Refused, ["JSON-INVALID"]),
            new("json-not-a-table", "other.json", () => "{\"hello\": [1, 2, 3]}"u8.ToArray(), Refused, ["JSON-NOT-DOCUMENT"]),
            new("old-word-file", "table.doc", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]], Refused, ["FILE-UNSUPPORTED"]),
            new("pdf-named-csv", "table.csv", () => [.. "%PDF-1.7\n"u8, .. new byte[2048]], Refused, ["FILE-READER-FAILED", "XLSX-CORRUPT", "FILE-UNSUPPORTED"]),
            new("not-a-zip", "fake.xlsx", () => Encoding.UTF8.GetBytes("这不是工作簿"), Refused, ["XLSX-NOT-ZIP"]),
            new("zip-without-directory", "cut.xlsx", () => Workbook(TableRows())[..^30], Refused, corrupt),
            new("random-bytes", "noise.txt", () => Noise(256 * 1024, 11), Refused, ["FILE-BINARY"]),
            .. Enumerable.Range(0, 12).Select(k => new HostileCase($"flipped-byte-{k + 1}", "flipped.txt", () => Flipped(k, 12), Read, [], TableProjects * 9 / 10)),
        ];
    }

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Csv(string cell) => cell.Contains(',', StringComparison.Ordinal) ? "\"" + cell + "\"" : cell;

    private static string WithLongGoal(string table, int length)
    {
        var at = table.IndexOf(Goals[1], StringComparison.Ordinal);
        return table[..at] + new string('长', length) + table[(at + Goals[1].Length)..];
    }

    /// <summary>The table with one bit flipped, the <paramref name="k"/>th of <paramref name="of"/> spread over the file (the header among them).</summary>
    private static byte[] Flipped(int k, int of)
    {
        var bytes = Encoding.UTF8.GetBytes(Table());
        var header = Encoding.UTF8.GetByteCount(Table()[..Table().IndexOf(Header, StringComparison.Ordinal)]);
        var at = k == 0 ? header + 5 : k == 1 ? header + 101 : (int)((long)bytes.Length * k / of);
        bytes[at] ^= (byte)(1 << (k % 8));
        return bytes;
    }

    /// <summary>A valid one-page PDF with nothing on the page: what a scan without a text layer looks like to a reader.</summary>
    private static byte[] BlankPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static byte[] Patch(byte[] bytes, int at, byte value)
    {
        bytes[at < 0 ? bytes.Length + at : at] = value;
        return bytes;
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] MixedEncodings()
    {
        var lines = Table().Split('\n');
        using var stream = new MemoryStream();
        for (var i = 0; i < lines.Length; i++)
        {
            // Every third project line pasted from a file saved by a GBK tool.
            var encoding = i > 8 && i % 3 == 0 ? Gb18030 : Encoding.UTF8;
            stream.Write(encoding.GetBytes(lines[i]));
            if (i + 1 < lines.Length)
            {
                stream.WriteByte((byte)'\n');
            }
        }

        return stream.ToArray();
    }

    private static List<string[]> TableRows() =>
        [.. Table().Split('\n').Where(l => l.Length > 0).Select(l => l.Split('\t'))];

    private static List<string[]> LongGoalRows(int length)
    {
        var rows = TableRows();
        var row = rows.First(r => r.Length > 5 && r[5] == Goals[1]);
        row[5] = new string('长', length);
        return rows;
    }

    /// <summary>A worksheet whose first cell nests <paramref name="depth"/> elements.</summary>
    private static string DeepSheet(int depth) =>
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>"
        + string.Concat(Enumerable.Repeat("<r>", depth)) + string.Concat(Enumerable.Repeat("</r>", depth))
        + "</is></c></row></sheetData></worksheet>";

    private static string Nest(string root, string element, int depth) =>
        $"<{root} xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + string.Concat(Enumerable.Repeat($"<{element}>", depth)) + string.Concat(Enumerable.Repeat($"</{element}>", depth)) + $"</{root}>";

    /// <summary>A worksheet of <paramref name="bytes"/> of white space between two rows: tiny zipped (about 1,000 : 1), huge unzipped.</summary>
    private static Func<Stream, long> Bomb(long bytes) => stream =>
    {
        var head = Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        stream.Write(head);
        var filler = new byte[1024 * 1024];
        Array.Fill(filler, (byte)' ');
        for (var at = 0; at < filler.Length; at += 64 * 1024)
        {
            // An empty element now and then, so no run of text is long enough to be stopped for its length.
            "<x/>"u8.CopyTo(filler.AsSpan(at));
        }

        for (long written = 0; written < bytes; written += filler.Length)
        {
            stream.Write(filler);
        }

        stream.Write("</sheetData></worksheet>"u8);
        return bytes;
    };

    /// <summary>A worksheet whose one attribute (or one cell's text) is 40 MB long: what an XML reader would hold whole.</summary>
    private static Func<Stream, long> HugeNode(bool attribute) => stream =>
    {
        stream.Write(Encoding.UTF8.GetBytes(attribute
            ? "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\" spans=\""
            : "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"));
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var i = 0; i < 40; i++)
        {
            stream.Write(chunk);
        }

        stream.Write(attribute ? "\"/></sheetData></worksheet>"u8 : "</t></is></c></row></sheetData></worksheet>"u8);
        return 40L * chunk.Length;
    };

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY l0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        return dtd + "]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&l9;</t></si></sst>";
    }

    private static string ExternalEntity() =>
        "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";

    /// <summary>Rows with one cell in the last column a sheet has, so each is 16,384 cells wide once made dense.</summary>
    private static string WideRows(int rows)
    {
        var xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= rows; r++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"XFD{r}\"><v>1</v></c></row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    /// <summary>A workbook package written by hand, so that each part can be made as hostile as needed.</summary>
    private static byte[] Workbook(
        IReadOnlyList<string[]>? rows = null, bool sharedStrings = false, object? sheetXml = null, string? workbookXml = null,
        string? sharedXml = null, int padStrings = 0, int emptyRows = 0, int entries = 0, (string Name, long Bytes)? extra = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }

            Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", workbookXml ?? "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"绩效目标表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");

            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var r = 0;
            foreach (var row in rows ?? [])
            {
                r++;
                sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c].Length == 0)
                    {
                        continue;
                    }

                    var reference = ColumnName(c) + r.ToString(CultureInfo.InvariantCulture);
                    if (sharedStrings)
                    {
                        if (!strings.TryGetValue(row[c], out var index))
                        {
                            index = strings.Count;
                            strings[row[c]] = index;
                        }

                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{index + padStrings}</v></c>");
                    }
                    else
                    {
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{Escape(row[c])}</t></is></c>");
                    }
                }

                sheet.Append("</row>");
            }

            for (var e = 0; e < emptyRows; e++)
            {
                sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + e + 1}\"/>");
            }

            sheet.Append("</sheetData></worksheet>");
            switch (sheetXml)
            {
                case string xml:
                    Part("xl/worksheets/sheet1.xml", xml);
                    break;
                case Func<Stream, long> write:
                    using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open())
                    {
                        write(entry);
                    }

                    break;
                default:
                    Part("xl/worksheets/sheet1.xml", sheet.ToString());
                    break;
            }

            if (sharedXml is not null)
            {
                Part("xl/sharedStrings.xml", sharedXml);
            }
            else if (sharedStrings)
            {
                var shared = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                for (var p = 0; p < padStrings; p++)
                {
                    shared.Append("<si><t>填充</t></si>");
                }

                foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
                {
                    shared.Append("<si><t xml:space=\"preserve\">").Append(Escape(text)).Append("</t></si>");
                }

                Part("xl/sharedStrings.xml", shared.Append("</sst>").ToString());
            }

            for (var e = 0; e < entries; e++)
            {
                Part($"xl/padding/{e}.xml", "<x/>");
            }

            if (extra is { } part)
            {
                using var entry = zip.CreateEntry(part.Name, CompressionLevel.Optimal).Open();
                var zeros = new byte[1024 * 1024];
                for (long written = 0; written < part.Bytes; written += zeros.Length)
                {
                    entry.Write(zeros);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>A Word document (.docx) whose body is <paramref name="body"/> (WordprocessingML, prefix <c>w</c>).</summary>
    private static byte[] Word(string body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }

            Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>A per-project form as a Word table, vertical merges in the level columns.</summary>
    private static string WordForm()
    {
        static string Cell(string text, string? merge = null) =>
            "<w:tc><w:tcPr>" + (merge is null ? "" : merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>") + "</w:tcPr><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
        static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells) + "</w:tr>";
        return "<w:p><w:r><w:t>2025年项目支出绩效目标表</w:t></w:r></w:p><w:tbl>"
            + Row(Cell("项目名称"), Cell("乡村道路养护经费"))
            + Row(Cell("实施单位"), Cell("云岭县公路管理站"))
            + Row(Cell("年度目标"), Cell("养护乡村道路不少于40公里。"))
            + Row(Cell("一级指标"), Cell("二级指标"), Cell("三级指标"), Cell("指标值"))
            + Row(Cell("产出指标", "restart"), Cell("数量指标"), Cell("养护里程"), Cell("≥40公里"))
            + Row(Cell("", "continue"), Cell("质量指标"), Cell("路面完好率"), Cell("≥90%"))
            + Row(Cell("满意度指标"), Cell("服务对象满意度指标"), Cell("沿线群众满意度"), Cell("≥85%"))
            + "</w:tbl>";
    }

    /// <summary>A per-project form as a saved web page, rowspan in the level column.</summary>
    public static string HtmlForm() =>
        "<html><body><p>2025年项目支出绩效目标表</p><table>"
        + "<tr><td>项目名称</td><td colspan=\"3\">乡村道路养护经费</td></tr>"
        + "<tr><td>实施单位</td><td colspan=\"3\">云岭县公路管理站</td></tr>"
        + "<tr><td>年度目标</td><td colspan=\"3\">养护乡村道路不少于40公里。</td></tr>"
        + "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"
        + "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>养护里程</td><td>&ge;40公里</td></tr>"
        + "<tr><td>质量指标</td><td>路面完好率</td><td>≥90%</td></tr>"
        + "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥85%</td></tr></table></body></html>";

    /// <summary>The form as a Word document, for tests that flip or cut its bytes.</summary>
    public static byte[] WordFormDocument() => Word(WordForm());

    /// <summary>The table as a workbook with shared strings, for tests that flip or cut its bytes.</summary>
    public static byte[] TableWorkbook() => Workbook(TableRows(), sharedStrings: true);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string ColumnName(int index)
    {
        var name = "";
        index++;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return name;
    }
}
