using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Import.Tests;

/// <summary>One sheet for <see cref="XlsxBuilder"/>: its name, rows, merged ranges (<c>A1:G1</c>) and whether it is hidden.</summary>
internal sealed record TestSheet(string Name, IEnumerable<string[]> Rows, string[]? Merges = null, bool Hidden = false, int FirstRow = 1, int FirstColumn = 0);

/// <summary>
/// Writes small workbooks for tests: text as shared strings, <c>#</c>-prefixed cells as raw numbers,
/// <c>pct:</c>-prefixed cells as numbers in a percentage format (<c>pct:0.95</c> shows as 95%), <c>date:</c>-prefixed
/// cells as day counts in a date format (<c>date:46022</c> shows as 2025/12/31).
/// </summary>
internal static class XlsxBuilder
{
    public static byte[] Build(IEnumerable<string[]> rows, int firstRow = 1, int firstColumn = 0, string sheetName = "绩效目标表") =>
        Build([new TestSheet(sheetName, rows, FirstRow: firstRow, FirstColumn: firstColumn)]);

    public static byte[] Build(IReadOnlyList<TestSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 0;
            foreach (var spec in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var r = spec.FirstRow;
                foreach (var cells in spec.Rows)
                {
                    var row = new Row { RowIndex = (uint)r };
                    for (var c = 0; c < cells.Length; c++)
                    {
                        var text = cells[c];
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        var reference = Rows.RawRow.ColumnName(spec.FirstColumn + c) + r;
                        if (text.StartsWith("date:", StringComparison.Ordinal))
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(text[5..]), StyleIndex = 2 });
                            continue;
                        }

                        if (text.StartsWith("pct:", StringComparison.Ordinal))
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(text[4..]), StyleIndex = 1 });
                            continue;
                        }

                        if (text.StartsWith('#'))
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(text[1..]) });
                            continue;
                        }

                        if (!strings.TryGetValue(text, out var index))
                        {
                            index = strings.Count;
                            strings[text] = index;
                            shared.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                        }

                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                    }

                    data.Append(row);
                    r++;
                }

                var worksheet = new Worksheet(data);
                if (spec.Merges is { Length: > 0 } merges)
                {
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                sheetPart.Worksheet = worksheet;
                var sheet = new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = ++id, Name = spec.Name };
                if (spec.Hidden)
                {
                    sheet.State = SheetStateValues.Hidden;
                }

                sheetList.Append(sheet);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
