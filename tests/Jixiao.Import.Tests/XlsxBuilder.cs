using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Import.Tests;

/// <summary>Writes small workbooks for tests: text as shared strings, <c>#</c>-prefixed cells as raw numbers.</summary>
internal static class XlsxBuilder
{
    public static byte[] Build(IEnumerable<string[]> rows, int firstRow = 1, int firstColumn = 0, string sheetName = "绩效目标表")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>();
            var data = new SheetData();
            var r = firstRow;
            foreach (var cells in rows)
            {
                var row = new Row { RowIndex = (uint)r };
                for (var c = 0; c < cells.Length; c++)
                {
                    var text = cells[c];
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var reference = Rows.RawRow.ColumnName(firstColumn + c) + r;
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

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
