using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Xlsx;

/// <summary>
/// Reads the first worksheet of an .xlsx into rows made dense from column A. Checks the ZIP container
/// first (signature, total unzipped size, compression ratio) so a zip bomb is refused before parsing.
/// </summary>
internal static class XlsxRows
{
    private const long LargePart = 1024 * 1024;

    public static List<RawRow>? Read(byte[] bytes, ReadOptions options, List<Diagnostic> diagnostics)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            diagnostics.Add(Messages.XlsxNotZip.At(SourceLocation.File));
            return null;
        }

        if (!CheckContainer(bytes, options, diagnostics))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var settings = new OpenSettings
            {
                MaxCharactersInPart = options.MaxXlsxUncompressedBytes,
                AutoSave = false,
            };
            using var document = SpreadsheetDocument.Open(stream, false, settings);
            var workbookPart = document.WorkbookPart;
            var sheet = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbookPart is null || sheet?.Id?.Value is null || workbookPart.GetPartById(sheet.Id.Value) is not WorksheetPart worksheet)
            {
                diagnostics.Add(Messages.XlsxNoSheet.At(SourceLocation.File));
                return null;
            }

            var shared = SharedStrings(workbookPart);
            return ReadRows(worksheet, shared, options, diagnostics);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                      or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, e.GetType().Name));
            return null;
        }
    }

    private static bool CheckContainer(byte[] bytes, ReadOptions options, List<Diagnostic> diagnostics)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (total > options.MaxXlsxUncompressedBytes || (entry.Length > LargePart && ratio > options.MaxXlsxCompressionRatio))
                {
                    diagnostics.Add(Messages.XlsxBomb.At(SourceLocation.File,
                        string.Create(CultureInfo.InvariantCulture, $"{entry.FullName} {entry.Length} 字节，压缩比 {ratio}:1")));
                    return false;
                }
            }

            return true;
        }
        catch (InvalidDataException)
        {
            diagnostics.Add(Messages.XlsxNotZip.At(SourceLocation.File));
            return false;
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var result = new List<string>();
        var part = workbookPart.SharedStringTablePart;
        if (part is null)
        {
            return result;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                result.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return result;
    }

    /// <summary>The visible text of a string item: plain text or rich-text runs, without phonetic hints.</summary>
    private static string ItemText(OpenXmlCompositeElement item)
    {
        var text = item.GetFirstChild<Text>();
        if (text is not null)
        {
            return text.Text;
        }

        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static List<RawRow> ReadRows(WorksheetPart worksheet, List<string> shared, ReadOptions options, List<Diagnostic> diagnostics)
    {
        var rows = new List<RawRow>();
        using var reader = OpenXmlReader.Create(worksheet);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var rowIndex = row.RowIndex?.Value is uint r and > 0 and < int.MaxValue ? (int)r : nextRow;
            nextRow = rowIndex + 1;
            if (rows.Count >= options.MaxRows)
            {
                diagnostics.Add(Messages.RowLimit.At(new SourceLocation(rowIndex), options.MaxRows));
                break;
            }

            var values = new SortedDictionary<int, string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? nextColumn;
                nextColumn = column + 1;
                if (column > 16_383)
                {
                    continue;
                }

                values[column] = CellText(cell, shared);
            }

            var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
            var cells = new string[width];
            var refs = new string[width];
            for (var c = 0; c < width; c++)
            {
                cells[c] = values.GetValueOrDefault(c, "");
                refs[c] = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
            }

            rows.Add(new RawRow(rowIndex, cells, refs));
        }

        return rows;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count
                ? shared[index]
                : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is null ? "" : ItemText(cell.InlineString);
        }

        var raw = cell.CellValue?.Text ?? "";
        if (type is null || type == CellValues.Number)
        {
            // Excel stores 152.49 as 152.49000000000001; money is exact to the fen, so round to 6 decimals of 万元.
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return (Math.Round(number, 6) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
            }
        }

        return raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    internal static string ColumnName(int index)
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
