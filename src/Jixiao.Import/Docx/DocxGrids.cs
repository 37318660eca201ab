using System.Text;
using System.Xml;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Packages;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Docx;

/// <summary>
/// Reads a Word document (.docx) as one grid, in document order: each paragraph of the body is a row of
/// one cell, each table row a row of cells. Cells spanning several grid columns (<c>gridSpan</c>) fill
/// them as copies to the left, cells merged down (<c>vMerge</c>) copy the cell above, leading columns
/// a row skips (<c>gridBefore</c>) stay blank. A table nested in a cell gives its rows after the row it
/// sits in, and its text is not counted in that cell. Deleted text of tracked changes is left out, and
/// field codes too. Streams <c>word/document.xml</c> through the safe <see cref="OfficePackage"/>.
/// </summary>
internal sealed class DocxGrids : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly OfficePackage _package;
    private readonly string _documentPath;
    private int _line;

    private DocxGrids(OfficePackage package, string documentPath)
    {
        _package = package;
        _documentPath = documentPath;
    }

    /// <summary>True when the package broke while it was read.</summary>
    public bool Failed => _package.Failed;

    /// <summary>The document's grid reader, null with a diagnostic when the package holds no Word document.</summary>
    public static DocxGrids? Open(OfficePackage package, List<Diagnostic> diagnostics)
    {
        var main = package.Guard(package.MainPart) ?? "word/document.xml";
        if (!package.Has(main))
        {
            if (!package.Failed)
            {
                diagnostics.Add(Messages.XlsxCorrupt.At(SourceLocation.File, "找不到 Word 文档的正文"));
            }

            package.Dispose();
            return null;
        }

        return new DocxGrids(package, main);
    }

    /// <summary>True when the package is a Word document rather than a workbook.</summary>
    public static bool IsDocx(OfficePackage package) => package.Has("word/document.xml");

    public void Dispose() => _package.Dispose();

    /// <summary>The document as one grid.</summary>
    public IEnumerable<Grid> Grids()
    {
        yield return new Grid("", Rows());
    }

    private IEnumerable<RawRow> Rows()
    {
        using var xml = _package.Guard(() => _package.OpenPart(_documentPath));
        if (xml is null)
        {
            yield break;
        }

        var pending = new Queue<RawRow>();
        while (_package.Guard(() => NextBlock(xml, pending)))
        {
            while (pending.Count > 0)
            {
                yield return pending.Dequeue();
            }
        }

        while (pending.Count > 0 && !_package.Failed)
        {
            yield return pending.Dequeue();
        }
    }

    /// <summary>Reads up to the next paragraph or table of the body into <paramref name="rows"/>; false at the end.</summary>
    private bool NextBlock(XmlReader xml, Queue<RawRow> rows)
    {
        while (_package.Read(xml))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main)
            {
                continue;
            }

            if (xml.LocalName == "tbl")
            {
                ReadTable(xml, rows);
                return true;
            }

            if (xml.LocalName == "p")
            {
                // A paragraph typed as a row (cells separated by tabs) gives a cell per tab stop.
                var text = ParagraphText(xml);
                rows.Enqueue(new RawRow(++_line, text.Split('\t', RawRow.MaxCells)));
                return true;
            }
        }

        return false;
    }

    /// <summary>A table at the reader: its rows, and after each row the rows of tables nested in it.</summary>
    private void ReadTable(XmlReader xml, Queue<RawRow> rows)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        var above = new List<string>();
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == Main && xml.LocalName == "tr" && xml.Depth == depth + 1)
            {
                var nested = new Queue<RawRow>();
                var line = ++_line;
                var (cells, origins) = ReadRow(xml, above, nested);
                above = cells;
                rows.Enqueue(new RawRow(line, [.. cells], Origins: origins.Contains(CellOrigin.Own) && origins.All(o => o == CellOrigin.Own) ? null : [.. origins]));
                while (nested.Count > 0)
                {
                    rows.Enqueue(nested.Dequeue());
                }
            }
        }
    }

    /// <summary>One table row: a cell per grid column, spans and vertical merges filled in.</summary>
    private (List<string> Cells, List<CellOrigin> Origins) ReadRow(XmlReader xml, List<string> above, Queue<RawRow> nested)
    {
        var cells = new List<string>();
        var origins = new List<CellOrigin>();
        if (xml.IsEmptyElement)
        {
            return (cells, origins);
        }

        var depth = xml.Depth;
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main)
            {
                continue;
            }

            if (xml.LocalName == "gridBefore" && int.TryParse(xml.GetAttribute("val", Main), out var before))
            {
                for (var i = 0; i < Math.Clamp(before, 0, 64); i++)
                {
                    cells.Add("");
                    origins.Add(CellOrigin.Own);
                }
            }
            else if (xml.LocalName == "tc" && xml.Depth == depth + 1)
            {
                var cell = ReadCell(xml, nested);
                var column = cells.Count;
                var continues = cell.VMerge == "continue";
                var text = continues ? (column < above.Count ? above[column] : "") : cell.Text;
                cells.Add(text);
                origins.Add(continues && text.Length > 0 ? CellOrigin.Above : CellOrigin.Own);
                for (var s = 1; s < Math.Clamp(cell.Span, 1, 64) && cells.Count < RawRow.MaxCells; s++)
                {
                    cells.Add(text);
                    origins.Add(text.Length == 0 ? CellOrigin.Own : continues ? CellOrigin.Above : CellOrigin.Left);
                }
            }
        }

        return (cells, origins);
    }

    /// <summary>A cell: its text (paragraphs joined by line breaks), its span and its vertical merge.</summary>
    private (string Text, int Span, string? VMerge) ReadCell(XmlReader xml, Queue<RawRow> nested)
    {
        var span = 1;
        string? vMerge = null;
        var text = new StringBuilder();
        if (xml.IsEmptyElement)
        {
            return ("", span, vMerge);
        }

        var depth = xml.Depth;
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "gridSpan" when int.TryParse(xml.GetAttribute("val", Main), out var value):
                    span = value;
                    break;
                case "vMerge":
                    vMerge = xml.GetAttribute("val", Main) ?? "continue";
                    break;
                case "p":
                    var paragraph = ParagraphText(xml).Replace('\t', ' ');
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append(paragraph);
                    break;
                case "tbl":
                    ReadTable(xml, nested);
                    break;
            }
        }

        return (text.ToString().Trim('\n'), span, vMerge);
    }

    /// <summary>The text of the paragraph at the reader: runs' text, tabs and breaks; deleted text and field codes left out.</summary>
    private string ParagraphText(XmlReader xml)
    {
        var text = new StringBuilder();
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        while (_package.Read(xml) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "t" when !xml.IsEmptyElement:
                    var inner = xml.Depth;
                    while (_package.Read(xml) && xml.Depth > inner)
                    {
                        if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                        {
                            _package.AppendText(xml, text);
                        }
                    }

                    break;
                case "tab":
                    text.Append('\t');
                    break;
                case "br" or "cr":
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
