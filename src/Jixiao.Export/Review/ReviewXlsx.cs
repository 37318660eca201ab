using System.Globalization;
using System.Text;
using System.Xml;
using System.IO.Compression;
using Jixiao.Domain.Review;

namespace Jixiao.Export.Review;

/// <summary>
/// The review as a workbook with one sheet, 审核发现, one row per finding under a header row (frozen, with
/// a filter), so a reviewer can sort and filter in Excel.
/// </summary>
public static class ReviewXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string HeaderStyle = "1";
    private const string WrapStyle = "2";

    private static readonly (string Header, double Width)[] Columns =
    [
        ("文件", 24), ("单位名称", 22), ("项目序号", 8), ("项目名称", 36), ("项目质量分", 10), ("指标序号", 8),
        ("级别", 8), ("代码", 22), ("类别", 10), ("问题", 24), ("说明", 60), ("修改建议", 40), ("依据", 40),
    ];

    /// <summary>Writes the workbook to <paramref name="stream"/> (writable; it need not be seekable).</summary>
    public static void Write(Stream stream, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);

        // The package is written part by part into a ZIP archive in create mode, which compresses as it
        // goes: a review with hundreds of thousands of findings is never held in memory as a sheet.
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes);
        Part(zip, "_rels/.rels", PackageRelationships);
        Part(zip, "xl/workbook.xml", Workbook);
        Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        Part(zip, "xl/styles.xml", Styles);
        var scores = report.Documents.SelectMany(d => d.Projects).ToDictionary(p => p.Project);
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("worksheet", Main);
            xml.WriteStartElement("sheetViews", Main);
            xml.WriteStartElement("sheetView", Main);
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane", Main);
            xml.WriteAttributeString("ySplit", "1");
            xml.WriteAttributeString("topLeftCell", "A2");
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("cols", Main);
            for (var c = 0; c < Columns.Length; c++)
            {
                var index = (c + 1).ToString(CultureInfo.InvariantCulture);
                xml.WriteStartElement("col", Main);
                xml.WriteAttributeString("min", index);
                xml.WriteAttributeString("max", index);
                xml.WriteAttributeString("width", Columns[c].Width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("sheetData", Main);
            WriteRow(xml, 1, Columns.Select(c => (object?)c.Header), HeaderStyle);
            var row = 1;
            foreach (var f in report.Findings)
            {
                row++;
                var project = f.Project is null ? null : scores[f.Project];
                WriteRow(xml, row,
                [
                    f.Document.Source.FileName, f.Document.Unit.Name, project is null ? null : project.Index + 1, f.Project?.Name ?? "（单位汇总）",
                    project?.Score, f.IndicatorSeq, f.Severity.Chinese(), f.Code, f.Rule.Family.Chinese(), f.Rule.Title, f.Message,
                    f.Rule.Suggestion, f.Rule.Basis,
                ], WrapStyle);
            }

            xml.WriteEndElement();
            xml.WriteStartElement("autoFilter", Main);
            xml.WriteAttributeString("ref", $"A1:{ColumnName(Columns.Length)}{row.ToString(CultureInfo.InvariantCulture)}");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void WriteRow(XmlWriter xml, int row, IEnumerable<object?> values, string style)
    {
        var number = row.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", number);
        var column = 0;
        foreach (var value in values)
        {
            column++;
            if (value is null)
            {
                continue;
            }

            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", ColumnName(column) + number);
            xml.WriteAttributeString("s", style);
            switch (value)
            {
                case int integer:
                    xml.WriteElementString("v", Main, integer.ToString(CultureInfo.InvariantCulture));
                    break;
                case decimal amount:
                    xml.WriteElementString("v", Main, amount.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Clean(value.ToString() ?? ""));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Keeps only characters XML can carry (a table may hold control characters or a broken surrogate; Excel would refuse the file).</summary>
    private static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!XmlConvert.IsXmlChar(text[i]) && !(i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])))
            {
                return Strip(text);
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
        }

        return builder.ToString();
    }

    private static string ColumnName(int column)
    {
        var name = "";
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        </Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """;

    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="审核发现" sheetId="1" r:id="rId1"/></sheets>
        </workbook>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """;

    /// <summary>Style 0 default, 1 bold header on a grey fill, 2 wrapped text aligned to the top.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill></fills>
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>
        </styleSheet>
        """;
}
