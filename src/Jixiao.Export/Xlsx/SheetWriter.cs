using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;

namespace Jixiao.Export.Xlsx;

/// <summary>
/// Writes a workbook straight into a ZIP archive in create mode, which compresses as it goes: a sheet of
/// any length is never held in memory. The sheets are named up front and written one after another
/// (<see cref="NextSheet"/>). On each, call in the order the format requires: views, columns, rows, then
/// filter, merges and page setup; dispose to finish the file.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly ZipArchive _zip;
    private readonly int _sheets;
    private int _sheet;
    private Stream _part = null!;
    private XmlWriter _xml = null!;
    /// <summary>0 before sheetData, 1 while it is open, 2 once it is closed.</summary>
    private int _data;

    public SheetWriter(Stream stream, string sheetName, string styles)
        : this(stream, [sheetName], styles)
    {
    }

    /// <summary>A workbook of the sheets <paramref name="sheetNames"/> (at least one; names as Excel allows them), the first one begun.</summary>
    public SheetWriter(Stream stream, IReadOnlyList<string> sheetNames, string styles)
    {
        ArgumentNullException.ThrowIfNull(sheetNames);
        ArgumentOutOfRangeException.ThrowIfZero(sheetNames.Count);
        _sheets = sheetNames.Count;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var numbers = Enumerable.Range(1, _sheets).ToList();
        Part("[Content_Types].xml", ContentTypes.Replace("{sheets}", string.Concat(numbers.Select(n =>
            $"<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")), StringComparison.Ordinal));
        Part("_rels/.rels", PackageRelationships);
        Part("xl/workbook.xml", Workbook.Replace("{sheets}", string.Concat(numbers.Select(n =>
            $"<sheet name=\"{SecurityElement.Escape(sheetNames[n - 1])}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>")), StringComparison.Ordinal));
        Part("xl/_rels/workbook.xml.rels", WorkbookRelationships.Replace("{sheets}", string.Concat(numbers.Select(n =>
            $"<Relationship Id=\"rId{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>")), StringComparison.Ordinal)
            .Replace("{styles}", $"rId{_sheets + 1}", StringComparison.Ordinal));
        Part("xl/styles.xml", styles);
        NextSheet();
    }

    /// <summary>Finishes the sheet being written (if any) and begins the next; false when there is none left.</summary>
    public bool NextSheet()
    {
        if (_sheet > 0)
        {
            FinishSheet();
        }

        if (_sheet == _sheets)
        {
            return false;
        }

        _sheet++;
        _data = 0;
        _part = _zip.CreateEntry($"xl/worksheets/sheet{Number(_sheet)}.xml", CompressionLevel.Fastest).Open();
        _xml = XmlWriter.Create(_part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("worksheet", Main);
        return true;
    }

    private void FinishSheet()
    {
        EndData();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _part.Dispose();
    }

    /// <summary>Freezes the first <paramref name="frozenRows"/> rows.</summary>
    public void Views(int frozenRows)
    {
        _xml.WriteStartElement("sheetViews", Main);
        _xml.WriteStartElement("sheetView", Main);
        _xml.WriteAttributeString("workbookViewId", "0");
        if (frozenRows > 0)
        {
            _xml.WriteStartElement("pane", Main);
            _xml.WriteAttributeString("ySplit", Number(frozenRows));
            _xml.WriteAttributeString("topLeftCell", "A" + Number(frozenRows + 1));
            _xml.WriteAttributeString("activePane", "bottomLeft");
            _xml.WriteAttributeString("state", "frozen");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    /// <summary>Column widths in characters, from column A.</summary>
    public void Columns(IEnumerable<double> widths)
    {
        _xml.WriteStartElement("cols", Main);
        var column = 0;
        foreach (var width in widths)
        {
            column++;
            _xml.WriteStartElement("col", Main);
            _xml.WriteAttributeString("min", Number(column));
            _xml.WriteAttributeString("max", Number(column));
            _xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("customWidth", "1");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>
    /// One row from column A: a null value leaves the cell out, an <see cref="int"/> or <see cref="decimal"/>
    /// is a number, anything else text. <paramref name="style"/> is an index into the styles' cellXfs.
    /// </summary>
    public void Row(int row, IEnumerable<object?> values, int style) => Row(row, values.Select(v => (v, style)));

    /// <summary>One row with a style per cell.</summary>
    public void Row(int row, IEnumerable<(object? Value, int Style)> cells)
    {
        if (_data == 2)
        {
            throw new InvalidOperationException("Rows come before the filter, merges and page setup.");
        }

        if (_data == 0)
        {
            _xml.WriteStartElement("sheetData", Main);
            _data = 1;
        }

        var number = Number(row);
        _xml.WriteStartElement("row", Main);
        _xml.WriteAttributeString("r", number);
        var column = 0;
        foreach (var (value, style) in cells)
        {
            column++;
            if (value is null)
            {
                continue;
            }

            _xml.WriteStartElement("c", Main);
            _xml.WriteAttributeString("r", ColumnName(column) + number);
            _xml.WriteAttributeString("s", Number(style));
            switch (value)
            {
                case int integer:
                    _xml.WriteElementString("v", Main, Number(integer));
                    break;
                case decimal amount:
                    _xml.WriteElementString("v", Main, amount.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    _xml.WriteAttributeString("t", "inlineStr");
                    _xml.WriteStartElement("is", Main);
                    _xml.WriteStartElement("t", Main);
                    _xml.WriteAttributeString("xml", "space", null, "preserve");
                    _xml.WriteString(Clean(value.ToString() ?? ""));
                    _xml.WriteEndElement();
                    _xml.WriteEndElement();
                    break;
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>A filter over <paramref name="reference"/> (after the rows).</summary>
    public void AutoFilter(string reference)
    {
        EndData();
        _xml.WriteStartElement("autoFilter", Main);
        _xml.WriteAttributeString("ref", reference);
        _xml.WriteEndElement();
    }

    /// <summary>Merged ranges such as <c>A1:G1</c> (after the rows and the filter).</summary>
    public void Merges(IReadOnlyList<string> references)
    {
        EndData();
        if (references.Count == 0)
        {
            return;
        }

        _xml.WriteStartElement("mergeCells", Main);
        _xml.WriteAttributeString("count", Number(references.Count));
        foreach (var reference in references)
        {
            _xml.WriteStartElement("mergeCell", Main);
            _xml.WriteAttributeString("ref", reference);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>A4, landscape or portrait, fitted to the page width (last).</summary>
    public void PageSetup(bool landscape)
    {
        EndData();
        _xml.WriteStartElement("pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
        {
            _xml.WriteAttributeString(name, value);
        }

        _xml.WriteEndElement();
        _xml.WriteStartElement("pageSetup", Main);
        _xml.WriteAttributeString("paperSize", "9");
        _xml.WriteAttributeString("orientation", landscape ? "landscape" : "portrait");
        _xml.WriteEndElement();
    }

    public void Dispose()
    {
        FinishSheet();

        // Sheets named but never begun are still written, empty, so the workbook opens.
        while (_sheet < _sheets)
        {
            _sheet++;
            Part($"xl/worksheets/sheet{Number(_sheet)}.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\"><sheetData/></worksheet>");
        }

        _zip.Dispose();
    }

    /// <summary>The reference of a range of cells, 1-based: (1, 1, 2, 3) → <c>A1:C2</c>.</summary>
    public static string Range(int fromRow, int fromColumn, int toRow, int toColumn) =>
        $"{ColumnName(fromColumn)}{Number(fromRow)}:{ColumnName(toColumn)}{Number(toRow)}";

    /// <summary>
    /// Styles of the official forms: 0 plain, 1 title (bold, larger, centred), 2 header (bold, grey,
    /// bordered, centred), 3 wrapped text, 4 number 0.00, 5 percent 0.00%, 6 bold centred, 7 wrapped text
    /// at the top of its cell, 8 amount #,##0.00 at the top (the published table's rows); 2–8 bordered.
    /// </summary>
    public const string FormStyles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font><font><b/><sz val="16"/><name val="宋体"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="9">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
        <xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
        <xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
        </cellXfs>
        </styleSheet>
        """;

    /// <summary>The letters of a 1-based column number (1 → A, 27 → AA).</summary>
    public static string ColumnName(int column)
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

    private void EndData()
    {
        if (_data == 0)
        {
            _xml.WriteStartElement("sheetData", Main);
        }

        if (_data != 2)
        {
            _xml.WriteEndElement();
            _data = 2;
        }
    }

    private void Part(string name, string content)
    {
        using var writer = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps only characters XML can carry (a table may hold control characters or a broken surrogate; Excel would refuse the file).</summary>
    private static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(text[i]))
            {
                return Strip(text);
            }
        }

        return text;
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        {sheets}
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
        <sheets>{sheets}</sheets>
        </workbook>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        {sheets}
        <Relationship Id="{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """;
}
