using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jixiao.Domain.Diagnostics;
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
    private const int MaxEntries = 10_000;
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly ReadBudget _budget;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<string> _shared = [];
    private readonly List<(string Name, string Path)> _sheets = [];
    private int _nextRow = 1;

    private XlsxRows(ZipArchive zip, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        _zip = zip;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    /// <summary>True when the package broke while it was read (a diagnostic says how); the rows read are then not to be used.</summary>
    public bool Failed { get; private set; }

    /// <summary>Opens the package and reads what comes before the rows (workbook, relationships, shared strings); null with a diagnostic when it cannot be read.</summary>
    public static XlsxRows? Open(byte[] bytes, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            diagnostics.Add(Messages.XlsxNotZip.At(SourceLocation.File));
            return null;
        }

        if (DeclaredEntries(bytes) is not { } entries)
        {
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, "找不到 ZIP 目录，文件可能不完整"));
            return null;
        }

        if (entries > MaxEntries)
        {
            diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, $"包含 {ReadBudget.Count(entries)} 个部件，远多于正常工作簿"));
            return null;
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            diagnostics.Add(Messages.XlsxNotZip.At(SourceLocation.File));
            return null;
        }

        var reader = new XlsxRows(zip, budget, diagnostics);
        if (!reader.Prepare())
        {
            reader.Dispose();
            return null;
        }

        return reader;
    }

    public void Dispose() => _zip.Dispose();

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
        var merges = Guard(() => Merges(path)) ?? [];
        using var xml = Guard(() => OpenPart(path));
        if (xml is null)
        {
            yield break;
        }

        _nextRow = 1;
        var expander = new MergeExpander(merges);
        while (Guard(() => NextRow(xml)) is { } row)
        {
            yield return expander.Expand(row);
        }
    }

    /// <summary>The merged ranges of a worksheet (a first pass over the part, which lists them after the rows).</summary>
    private List<(int Top, int Left, int Bottom, int Right)> Merges(string path)
    {
        var merges = new List<(int, int, int, int)>();
        using var xml = OpenPart(path);
        while (xml is not null && Read(xml))
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

    private bool Prepare() => Guard(() =>
    {
        var workbookPath = MainPart() ?? "xl/workbook.xml";
        var relationships = Relationships(workbookPath);
        foreach (var (name, id) in SheetRelationships(workbookPath))
        {
            if (relationships.TryGetValue(id, out var sheet) && Entry(sheet.Target) is not null)
            {
                _sheets.Add((name, sheet.Target));
            }
        }

        if (_sheets.Count == 0)
        {
            if (!Failed && _budget.Exhausted is null)
            {
                _diagnostics.Add(Messages.XlsxNoSheet.At(SourceLocation.File));
            }

            return false;
        }

        var sharedPath = relationships.Values.Where(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
            ?? "xl/sharedStrings.xml";
        return ReadSharedStrings(sharedPath) && !Failed;
    });

    /// <summary>Runs a step of reading, turning a broken package into a diagnostic; default when it broke or ran out of budget.</summary>
    private T? Guard<T>(Func<T?> step)
    {
        if (Failed)
        {
            return default;
        }

        try
        {
            var result = step();
            if (_budget.Exhausted is not null)
            {
                Failed = true;
                return default;
            }

            return result;
        }
        catch (XmlException e) when (_budget.Exhausted is null && e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            Fail("含有 DTD 声明，正常的工作簿没有，可能是 XML 实体炸弹");
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or NotSupportedException or DecoderFallbackException or FormatException or OverflowException)
        {
            if (_budget.Exhausted is null)
            {
                Fail(e is XmlException ? "XML 内容不完整或格式错误" : "压缩数据已损坏");
            }
        }

        Failed = true;
        return default;
    }

    private void Fail(string reason)
    {
        if (!Failed)
        {
            _diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, reason));
        }

        Failed = true;
    }

    /// <summary>The workbook part named by the package's root relationships, null when they are absent.</summary>
    private string? MainPart() =>
        Relationships("").Values.Where(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault();

    /// <summary>The workbook's visible sheets in order: name and relationship id (hidden sheets hold lists and lookups, not tables).</summary>
    private List<(string Name, string Id)> SheetRelationships(string workbookPath)
    {
        var sheets = new List<(string, string)>();
        using var xml = OpenPart(workbookPath);
        while (xml is not null && Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("id", RelationshipsNs) is { } id
                && xml.GetAttribute("state") is null or "visible" && sheets.Count < 1000)
            {
                sheets.Add((xml.GetAttribute("name") ?? "", id));
            }
        }

        return sheets;
    }

    /// <summary>The relationships of a part (id → target path within the package, type).</summary>
    private Dictionary<string, (string Target, string Type)> Relationships(string partPath)
    {
        var folder = partPath.Contains('/', StringComparison.Ordinal) ? partPath[..(partPath.LastIndexOf('/') + 1)] : "";
        var relsPath = folder + "_rels/" + partPath[folder.Length..] + ".rels";
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var xml = OpenPart(relsPath);
        while (xml is not null && Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target
                && !string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                result.TryAdd(id, (Resolve(folder, target), xml.GetAttribute("Type") ?? ""));
            }
        }

        return result;
    }

    /// <summary>A relationship target as a path from the package root (<c>/xl/x.xml</c>, <c>x.xml</c> or <c>../x.xml</c>).</summary>
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var part in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private bool ReadSharedStrings(string path)
    {
        using var xml = OpenPart(path);
        if (xml is null)
        {
            return !Failed;
        }

        while (Read(xml))
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
        while (Read(xml) && xml.Depth > depth)
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
                AppendText(xml, text);
            }
        }

        return text.ToString();
    }

    /// <summary>The next row of the sheet, null at its end.</summary>
    private RawRow? NextRow(XmlReader xml)
    {
        while (Read(xml))
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
        while (Read(xml) && xml.Depth > rowDepth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            var column = ColumnIndex(xml.GetAttribute("r")) ?? nextColumn;
            nextColumn = column + 1;
            var type = xml.GetAttribute("t");
            var text = xml.IsEmptyElement ? "" : CellText(xml, type);
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

    /// <summary>The text of the cell at the reader, by its type; leaves the reader on the cell's end.</summary>
    private string CellText(XmlReader xml, string? type)
    {
        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        while (Read(xml) && xml.Depth > depth)
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
                    return (Math.Round(number, 6) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
                }

                return value ?? "";
            default:
                return value ?? inline ?? "";
        }
    }

    /// <summary>The text content of a simple element (<c>v</c>); leaves the reader on its end.</summary>
    private string ElementText(XmlReader xml)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        while (Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                AppendText(xml, text);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends the text node at the reader in chunks, keeping at most one character past the cell-length
    /// limit (so the row is reported as too long) without holding a long text whole.
    /// </summary>
    private void AppendText(XmlReader xml, StringBuilder text)
    {
        var cap = _budget.Options.MaxCellLength + 1;
        if (!xml.CanReadValueChunk)
        {
            text.Append(xml.Value.AsSpan(0, Math.Min(xml.Value.Length, Math.Max(0, cap - text.Length))));
            return;
        }

        var chunk = new char[4096];
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, Math.Min(read, Math.Max(0, cap - text.Length)));
        }
    }

    /// <summary>One step of the reader, within budget: nesting checked on every element, the clock now and then.</summary>
    private bool Read(XmlReader xml)
    {
        if (!xml.Read())
        {
            return false;
        }

        if (xml.NodeType == XmlNodeType.Element && !_budget.Depth(xml.Depth + 1, SourceLocation.File))
        {
            return false;
        }

        return _budget.Tick();
    }

    /// <summary>A part's XML reader, null when the package has no such part.</summary>
    private XmlReader? OpenPart(string path)
    {
        var entry = Entry(path);
        if (entry is null)
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new BudgetStream(entry.Open(), entry.CompressedLength, _budget), settings);
    }

    private ZipArchiveEntry? Entry(string path) =>
        _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The number of entries the ZIP's end-of-central-directory record declares, null when there is none.</summary>
    private static int? DeclaredEntries(byte[] bytes)
    {
        var earliest = Math.Max(0, bytes.Length - 22 - 65_535);
        for (var at = bytes.Length - 22; at >= earliest; at--)
        {
            if (bytes[at] == 'P' && bytes[at + 1] == 'K' && bytes[at + 2] == 5 && bytes[at + 3] == 6)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10, 2));
            }
        }

        return null;
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

    /// <summary>
    /// An unzipping stream that charges every byte it produces to the budget, stops a part that expands
    /// far beyond its compressed size, and stops one whose tags or runs of text between tags are longer
    /// than a workbook ever has (an XML reader would hold such a node whole); at a limit it ends (the
    /// reader then sees an early end).
    /// </summary>
    private sealed class BudgetStream(Stream inner, long compressedLength, ReadBudget budget) : Stream
    {
        private const long LargePart = 1024 * 1024;
        private long _produced;
        private int _run;
        private bool _inTag;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _produced;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (budget.Exhausted is not null)
            {
                return 0;
            }

            var read = inner.Read(buffer);
            _produced += read;
            if (_produced > LargePart && _produced / Math.Max(1, compressedLength) > budget.Options.MaxCompressionRatio)
            {
                budget.Ratio(SourceLocation.File);
                return 0;
            }

            if (!NodesWithinLimit(buffer[..read]))
            {
                budget.NodeTooLong();
                return 0;
            }

            return budget.Uncompressed(read) || read == 0 ? read : 0;
        }

        /// <summary>Counts bytes since the last '&lt;' or '&gt;', inside a tag or in text; false when a run passes its limit.</summary>
        private bool NodesWithinLimit(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                var limit = _inTag ? budget.Options.MaxXmlTagBytes : budget.Options.MaxXmlTextBytes;
                var mark = bytes.IndexOfAny((byte)'<', (byte)'>');
                if (mark < 0)
                {
                    _run += bytes.Length;
                    return _run <= limit;
                }

                if (_run + mark > limit)
                {
                    return false;
                }

                _inTag = bytes[mark] == '<';
                _run = 0;
                bytes = bytes[(mark + 1)..];
            }

            return true;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
