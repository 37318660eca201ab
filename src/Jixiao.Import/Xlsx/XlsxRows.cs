using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Packages;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Xlsx;

/// <summary>
/// Reads the first worksheet of an .xlsx into rows made dense from column A, streaming: the ZIP
/// container is read with <see cref="ZipArchive"/> and each XML part with an <see cref="XmlReader"/>, one
/// node at a time, so nothing recurses on the depth of the input. Every part charges the read's budget as
/// it is unzipped (bytes actually produced, not the sizes the package claims), nesting is checked on every
/// element, DTDs are refused (no entity can expand), and the shared-string table is charged by its
/// characters. A package that breaks mid-way yields no document, never part of one.
/// </summary>
internal sealed class XlsxRows : IDisposable
{
    private readonly OfficePackage _package;
    private readonly ReadBudget _budget;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<string> _shared = [];

    /// <summary>For each cell style (<c>cellXfs</c> index), how its number format shows a number: as is, a percentage or a date.</summary>
    private readonly List<NumberShape> _styles = [];

    private enum NumberShape : byte
    {
        Plain,
        Percent,
        Date,
    }
    private readonly List<(string Name, string Path)> _sheets = [];
    private int _nextRow = 1;

    private XlsxRows(OfficePackage package, List<Diagnostic> diagnostics)
    {
        _package = package;
        _budget = package.Budget;
        _diagnostics = diagnostics;
    }

    /// <summary>True when the package broke while it was read (a diagnostic says how); the rows read are then not to be used.</summary>
    public bool Failed => _package.Failed;

    /// <summary>Opens the package and reads what comes before the rows (workbook, relationships, shared strings); null with a diagnostic when it cannot be read.</summary>
    public static XlsxRows? Open(byte[] bytes, ReadBudget budget, List<Diagnostic> diagnostics) => Open(OfficePackage.Open(bytes, budget, diagnostics), diagnostics);

    /// <summary>Reads a package already opened (and known to be a workbook); null with a diagnostic when it has no sheet.</summary>
    public static XlsxRows? Open(OfficePackage? package, List<Diagnostic> diagnostics)
    {
        if (package is null)
        {
            return null;
        }

        var reader = new XlsxRows(package, diagnostics);
        if (!reader.Prepare())
        {
            reader.Dispose();
            return null;
        }

        return reader;
    }

    public void Dispose() => _package.Dispose();

    /// <summary>Every visible worksheet in the workbook's order, each with its merged ranges expanded; stops at the first problem (see <see cref="Failed"/>).</summary>
    public IEnumerable<Grid> Sheets()
    {
        foreach (var (name, path) in _sheets)
        {
            if (Failed)
            {
                yield break;
            }

            yield return new Grid(name, Rows(path));
        }
    }

    /// <summary>The rows of one worksheet, in order, with merged ranges expanded (the first cell's text copied into the others).</summary>
    private IEnumerable<RawRow> Rows(string path)
    {
        var merges = _package.Guard(() => Merges(path)) ?? [];
        using var xml = _package.Guard(() => _package.OpenPart(path));
        if (xml is null)
        {
            yield break;
        }

        _nextRow = 1;
        var expander = new MergeExpander(merges);
        while (_package.Guard(() => NextRow(xml)) is { } row)
        {
            yield return expander.Expand(row);
        }
    }

    /// <summary>The merged ranges of a worksheet (a first pass over the part, which lists them after the rows).</summary>
    private List<(int Top, int Left, int Bottom, int Right)> Merges(string path)
    {
        var merges = new List<(int, int, int, int)>();
        using var xml = _package.OpenPart(path);
        while (xml is not null && _package.Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCell" && Range(xml.GetAttribute("ref")) is { } range)
            {
                // Each merge is charged as the cells it will fill, so a sheet of millions of merges runs out of budget.
                if (!_budget.Cells(Math.Min(10_000L, (long)(range.Bottom - range.Top + 1) * (range.Right - range.Left + 1)), 0, SourceLocation.File))
                {
                    break;
                }

                merges.Add(range);
            }
        }

        return merges;
    }

    /// <summary>A range such as <c>A3:C7</c> as 1-based top and bottom rows and 0-based left and right columns; null when malformed.</summary>
    private static (int Top, int Left, int Bottom, int Right)? Range(string? reference)
    {
        var colon = reference?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (reference is null || colon < 0)
        {
            return null;
        }

        var start = Cell(reference[..colon]);
        var end = Cell(reference[(colon + 1)..]);
        if (start is null || end is null || end.Value.Row < start.Value.Row || end.Value.Column < start.Value.Column)
        {
            return null;
        }

        return (start.Value.Row, start.Value.Column, end.Value.Row, Math.Min(end.Value.Column, RawRow.MaxCells - 1));
    }

    private static (int Row, int Column)? Cell(string reference)
    {
        var column = ColumnIndex(reference.Replace("$", "", StringComparison.Ordinal));
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ$");
        return column is not null && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? (row, column.Value)
            : null;
    }

    private bool Prepare() => _package.Guard(() =>
    {
        var workbookPath = _package.MainPart() ?? "xl/workbook.xml";
        var relationships = _package.Relationships(workbookPath);
        foreach (var (name, id) in SheetRelationships(workbookPath))
        {
            if (relationships.TryGetValue(id, out var sheet) && _package.Has(sheet.Target))
            {
                _sheets.Add((name, sheet.Target));
            }
        }

        if (_sheets.Count == 0)
        {
            if (!_package.Failed && _budget.Exhausted is null)
            {
                _diagnostics.Add(Messages.XlsxNoSheet.At(SourceLocation.File));
            }

            return false;
        }

        var sharedPath = relationships.Values.Where(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
            ?? "xl/sharedStrings.xml";
        var stylesPath = relationships.Values.Where(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
            ?? "xl/styles.xml";
        return ReadSharedStrings(sharedPath) && ReadStyles(stylesPath) && !_package.Failed;
    });

    /// <summary>
    /// How each cell style shows numbers: built-in formats 9 and 10 and custom formats with a <c>%</c> as
    /// percentages (a rate typed as <c>95%</c> is stored as 0.95), the built-in date formats and custom
    /// formats made of year, month and day as dates (a date is stored as a day count).
    /// </summary>
    private bool ReadStyles(string path)
    {
        using var xml = _package.OpenPart(path);
        if (xml is null)
        {
            return !_package.Failed;
        }

        var custom = new Dictionary<int, NumberShape>();
        var inCellXfs = false;
        while (_package.Read(xml))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && custom.Count < 10_000)
            {
                custom[id] = ShapeOf(xml.GetAttribute("formatCode") ?? "");
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellXfs = !xml.IsEmptyElement;
            }
            else if (inCellXfs && xml.LocalName == "xf" && _styles.Count < 100_000)
            {
                var format = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                _styles.Add(format switch
                {
                    9 or 10 => NumberShape.Percent,
                    >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 => NumberShape.Date,
                    _ => custom.GetValueOrDefault(format, NumberShape.Plain),
                });
            }
        }

        return true;
    }

    /// <summary>The workbook's visible sheets in order: name and relationship id (hidden sheets hold lists and lookups, not tables).</summary>
    private List<(string Name, string Id)> SheetRelationships(string workbookPath)
    {
        var sheets = new List<(string, string)>();
        using var xml = _package.OpenPart(workbookPath);
        while (xml is not null && _package.Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("id", OfficePackage.RelationshipsNs) is { } id
                && xml.GetAttribute("state") is null or "visible" && sheets.Count < 1000)
            {
                sheets.Add((xml.GetAttribute("name") ?? "", id));
            }
        }

        return sheets;
    }

    private bool ReadSharedStrings(string path)
    {
        using var xml = _package.OpenPart(path);
        if (xml is null)
        {
            return !_package.Failed;
        }

        while (_package.Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                var text = ItemText(xml);
                // Each item costs a little beyond its text, so a table of millions of empty items runs out too.
                if (!_budget.Characters(text.Length + 8, SourceLocation.File))
                {
                    return false;
                }

                _shared.Add(text);
            }
        }

        return true;
    }

    /// <summary>
    /// The visible text of a string item (<c>si</c> or <c>is</c>) at the reader: its <c>t</c> and the
    /// <c>t</c> of its runs, without phonetic hints (<c>rPh</c>). Leaves the reader on the item's end.
    /// </summary>
    private string ItemText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        var skipDepth = -1;
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && skipDepth < 0 && xml.LocalName == "rPh" && !xml.IsEmptyElement)
            {
                skipDepth = xml.Depth;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == skipDepth)
            {
                skipDepth = -1;
            }
            else if (skipDepth < 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                _package.AppendText(xml, text);
            }
        }

        return text.ToString();
    }

    /// <summary>The next row of the sheet, null at its end.</summary>
    private RawRow? NextRow(XmlReader xml)
    {
        while (_package.Read(xml))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            var rowIndex = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and < 10_000_000
                ? r
                : _nextRow;
            _nextRow = rowIndex + 1;
            var values = new SortedDictionary<int, string>();
            if (!xml.IsEmptyElement)
            {
                ReadCells(xml, values);
            }

            var width = 0;
            foreach (var (column, value) in values)
            {
                if (value.Length > 0)
                {
                    width = column + 1;
                }
            }

            var cells = new string[width];
            for (var c = 0; c < width; c++)
            {
                cells[c] = values.GetValueOrDefault(c, "");
            }

            return new RawRow(rowIndex, cells, IsSheetRow: true);
        }

        return null;
    }

    private void ReadCells(XmlReader xml, SortedDictionary<int, string> values)
    {
        var rowDepth = xml.Depth;
        var nextColumn = 0;
        while (_package.Read(xml) && xml.Depth > rowDepth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            var column = ColumnIndex(xml.GetAttribute("r")) ?? nextColumn;
            nextColumn = column + 1;
            var type = xml.GetAttribute("t");
            var shape = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style) && style < _styles.Count
                ? _styles[style] : NumberShape.Plain;
            var text = xml.IsEmptyElement ? "" : CellText(xml, type, shape);
            if (column < RawRow.MaxCells && values.Count < RawRow.MaxCells)
            {
                values[column] = text;
            }

            if (!_budget.Tick())
            {
                return;
            }
        }
    }

    /// <summary>How a custom number format shows a number: <c>%</c> outside quotes is a percentage, y / m / d without digit placeholders a date.</summary>
    private static NumberShape ShapeOf(string code)
    {
        var bare = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (!quoted && c != '[')
            {
                bare.Append(char.ToLowerInvariant(c));
            }
            else if (!quoted && c == '[')
            {
                var close = code.IndexOf(']', i);
                i = close < 0 ? code.Length : close;
            }
        }

        var text = bare.ToString();
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return NumberShape.Percent;
        }

        return text.IndexOfAny(['0', '#', '?']) < 0 && text.IndexOfAny(['y', 'd']) >= 0 ? NumberShape.Date : NumberShape.Plain;
    }

    /// <summary>The text of the cell at the reader, by its type; leaves the reader on the cell's end.</summary>
    private string CellText(XmlReader xml, string? type, NumberShape shape)
    {
        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "v" && !xml.IsEmptyElement)
            {
                value = ElementText(xml);
            }
            else if (xml.LocalName == "is")
            {
                inline = ItemText(xml);
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _shared.Count ? _shared[index] : "";
            case "inlineStr":
                return inline ?? "";
            case null or "n":
                // Excel stores 152.49 as 152.49000000000001; money is exact to the fen, so round to 6 decimals of 万元.
                if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return shape switch
                    {
                        NumberShape.Percent => (Math.Round(number * 100, 4) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) + "%",
                        NumberShape.Date when number is > 0 and < 2_958_466 => Date(number),
                        _ => (Math.Round(number, 6) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
                    };
                }

                return value ?? "";
            default:
                return value ?? inline ?? "";
        }
    }

    /// <summary>A day count of the 1900 date system as the .xls reader writes dates: <c>2025-12-31</c>, with the time when there is one.</summary>
    private static string Date(decimal serial)
    {
        var date = new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays((double)serial);
        return date.ToString(date.TimeOfDay < TimeSpan.FromMinutes(1) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The text content of a simple element (<c>v</c>); leaves the reader on its end.</summary>
    private string ElementText(XmlReader xml)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                _package.AppendText(xml, text);
            }
        }

        return text.ToString();
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

    /// <summary>
    /// Fills the cells of merged ranges as rows stream past: the range's first cell keeps its text, the
    /// others of its first row get it as <see cref="CellOrigin.Left"/>, those of the rows below as
    /// <see cref="CellOrigin.Above"/>. Ranges are indexed by their first row, so each row only meets the
    /// ranges that cover it.
    /// </summary>
    private sealed class MergeExpander(List<(int Top, int Left, int Bottom, int Right)> merges)
    {
        private readonly ILookup<int, (int Top, int Left, int Bottom, int Right)> _byTop = merges.ToLookup(m => m.Top);
        private readonly List<((int Top, int Left, int Bottom, int Right) Range, string Text)> _open = [];

        public RawRow Expand(RawRow row)
        {
            _open.RemoveAll(o => o.Range.Bottom < row.Line);
            foreach (var range in _byTop[row.Line])
            {
                _open.Add((range, range.Left < row.Cells.Length ? row.Cells[range.Left] : ""));
            }

            if (_open.Count == 0)
            {
                return row;
            }

            var cells = row.Cells;
            var origins = new CellOrigin[cells.Length];
            foreach (var (range, text) in _open)
            {
                if (text.Length == 0 || range.Top > row.Line)
                {
                    continue;
                }

                if (range.Right >= cells.Length)
                {
                    var width = range.Right + 1;
                    var old = cells.Length;
                    Array.Resize(ref cells, width);
                    Array.Resize(ref origins, width);
                    Array.Fill(cells, "", old, width - old);
                }

                for (var c = range.Left; c <= range.Right; c++)
                {
                    if (row.Line == range.Top && c == range.Left)
                    {
                        continue;
                    }

                    cells[c] = text;
                    origins[c] = row.Line == range.Top ? CellOrigin.Left : CellOrigin.Above;
                }
            }

            return row with { Cells = cells, Origins = origins };
        }
    }

}
