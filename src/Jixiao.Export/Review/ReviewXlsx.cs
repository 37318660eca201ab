using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Review;

namespace Jixiao.Export.Review;

/// <summary>
/// The review as a workbook with one sheet, 审核发现, one row per finding under a header row (frozen, with
/// a filter), so a reviewer can sort and filter in Excel. Written row by row, so a large review does not
/// build the sheet in memory.
/// </summary>
public static class ReviewXlsx
{
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

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Columns());
            for (var c = 0; c < Columns.Length; c++)
            {
                writer.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Columns[c].Width, CustomWidth = true });
            }

            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, Columns.Select(c => (object?)c.Header), 1);
            uint row = 1;
            foreach (var f in report.Findings)
            {
                row++;
                var project = f.Project is null ? null : scores[f.Project];
                WriteRow(writer, row,
                [
                    f.Document.Source.FileName, f.Document.Unit.Name, project is null ? null : project.Index + 1, f.Project?.Name ?? "（单位汇总）",
                    project?.Score, f.IndicatorSeq, f.Severity.Chinese(), f.Code, f.Rule.Family.Chinese(), f.Rule.Title, f.Message,
                    f.Rule.Suggestion, f.Rule.Basis,
                ], 2);
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(Columns.Length)}{row}" });
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "审核发现" }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, uint row, IEnumerable<object?> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = row });
        var column = 0;
        foreach (var value in values)
        {
            column++;
            var reference = ColumnName(column) + row;
            switch (value)
            {
                case null:
                    break;
                case int number:
                    writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = style });
                    break;
                case decimal number:
                    writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = style });
                    break;
                default:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(Clean(value.ToString() ?? ""))),
                        StyleIndex = style,
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Drops control characters XML cannot carry (a table may contain them; Excel would refuse the file).</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()) : text;

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
