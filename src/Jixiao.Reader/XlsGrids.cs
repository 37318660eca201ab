using System.Globalization;
using System.Text;
using ExcelDataReader;
using Jixiao.Import.Rows;

namespace Jixiao.Reader;

/// <summary>
/// Excel 97–2003 workbooks (.xls, BIFF) through ExcelDataReader: every visible sheet, rows as the sheet
/// has them, merged ranges expanded as for .xlsx, numbers rounded to six decimals (万元 exact to the fen),
/// text in GB18030 where the file names no code page.
/// </summary>
internal static class XlsGrids
{
    public static List<Grid> Read(byte[] bytes, int maxCell)
    {
        var grids = new List<Grid>();
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration
        {
            FallbackEncoding = Encoding.GetEncoding(54936),
            LeaveOpen = true,
        });
        do
        {
            var rows = new List<string[]>();
            while (reader.Read())
            {
                var cells = new string[Math.Min(reader.FieldCount, RawRow.MaxCells)];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = Text(reader.GetValue(c), maxCell, IsPercent(reader, c));
                }

                rows.Add(Trim(cells));
            }

            if (reader.VisibleState is null or "visible")
            {
                grids.Add(new Grid(reader.Name ?? "", Expand(rows, reader.MergeCells)));
            }
        }
        while (reader.NextResult());

        return grids;
    }

    /// <summary>The rows with merged ranges filled: the first cell's text copied into the others, marked as copies.</summary>
    private static List<RawRow> Expand(List<string[]> rows, CellRange[]? merges)
    {
        var origins = new CellOrigin[rows.Count][];
        foreach (var merge in merges ?? [])
        {
            if (merge.FromRow < 0 || merge.FromRow >= rows.Count || merge.FromColumn < 0 || merge.FromColumn >= rows[merge.FromRow].Length)
            {
                continue;
            }

            var text = rows[merge.FromRow][merge.FromColumn];
            if (text.Length == 0)
            {
                continue;
            }

            for (var r = merge.FromRow; r <= Math.Min(merge.ToRow, rows.Count - 1); r++)
            {
                for (var c = merge.FromColumn; c <= Math.Min(merge.ToColumn, RawRow.MaxCells - 1); c++)
                {
                    if (r == merge.FromRow && c == merge.FromColumn)
                    {
                        continue;
                    }

                    if (c >= rows[r].Length)
                    {
                        var widened = rows[r];
                        Array.Resize(ref widened, c + 1);
                        Array.Fill(widened, "", rows[r].Length, c + 1 - rows[r].Length);
                        rows[r] = widened;
                    }

                    if (origins[r] is null || origins[r].Length < rows[r].Length)
                    {
                        var grown = origins[r] ?? [];
                        Array.Resize(ref grown, rows[r].Length);
                        origins[r] = grown;
                    }

                    rows[r][c] = text;
                    origins[r][c] = r == merge.FromRow ? CellOrigin.Left : CellOrigin.Above;
                }
            }
        }

        var result = new List<RawRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var kinds = origins[r];
            if (kinds is not null && kinds.Length < rows[r].Length)
            {
                Array.Resize(ref kinds, rows[r].Length);
            }

            result.Add(new RawRow(r + 1, rows[r], IsSheetRow: true, Origins: kinds));
        }

        return result;
    }

    /// <summary>True when the cell's number format shows a percentage (a rate typed as 95% is stored as 0.95).</summary>
    private static bool IsPercent(ExcelDataReader.IExcelDataReader reader, int column)
    {
        try
        {
            return reader.GetNumberFormatString(column) is { } format && format.Replace("\\%", "", StringComparison.Ordinal).Contains('%', StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static string Text(object? value, int maxCell, bool percent)
    {
        var text = value switch
        {
            null => "",
            double number when percent => (Math.Round((decimal)Math.Clamp(number * 100, -7.9e27, 7.9e27), 4) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) + "%",
            double number => (Math.Round((decimal)Math.Clamp(number, -7.9e27, 7.9e27), 6) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool flag => flag ? "TRUE" : "FALSE",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.Length > maxCell + 1 ? text[..(maxCell + 1)] : text;
    }

    /// <summary>The row without its trailing blank cells.</summary>
    private static string[] Trim(string[] cells)
    {
        var width = cells.Length;
        while (width > 0 && cells[width - 1].Length == 0)
        {
            width--;
        }

        return width == cells.Length ? cells : cells[..width];
    }
}
