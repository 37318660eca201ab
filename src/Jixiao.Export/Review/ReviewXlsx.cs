using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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

    /// <summary>Writes the workbook to <paramref name="stream"/> (which must be writable and seekable).</summary>
    public static void Write(Stream stream, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var scores = report.Documents.SelectMany(d => d.Projects).ToDictionary(p => p.Project);

        // The sheet is written as XML directly: hundreds of thousands of findings would otherwise mean
        // millions of cell objects.
        using (var part = sheetPart.GetStream(FileMode.Create, FileAccess.Write))
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

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "审核发现" }));
        workbook.Workbook.Save();
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

    /// <summary>Style 0 default, 1 bold header with fill, 2 wrapped text aligned to the top.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 3 });
}
