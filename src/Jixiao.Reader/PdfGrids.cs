using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Import.Rows;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Jixiao.Reader;

/// <summary>
/// The text layer of a PDF through PdfPig, as one grid of all pages in order, words placed by position
/// whatever order the file draws them in. Where a page draws a table's ruling lines, the table is read
/// from them (lattice): the lines give rows and columns, a missing inner line makes a merged cell (its
/// text goes to its first cell and is copied to the others as for merged sheet cells), and every word
/// inside a cell belongs to it however its text wraps. Text outside ruled tables is read as lines: words
/// on one baseline make a line, a gap wider than the text's own spacing starts a new cell, a line that
/// only continues cells of the line above is joined to them, and cells are aligned to the columns of the
/// widest line of their block. Page numbers are dropped. Null when no page has text (a scan).
/// </summary>
internal static partial class PdfGrids
{
    public static List<Grid>? Read(byte[] bytes, int maxCell)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, ClipPaths = false });
        var rows = new List<RawRow>();
        var hasText = false;
        var lineNumber = 0;
        var lastWasTable = false;
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.TextOrientation == TextOrientation.Horizontal).ToList();
            hasText |= words.Count > 0;
            var tables = Lattice.Tables(page, words, maxCell);
            var free = words.Where(w => !tables.Any(t => t.Holds(w))).ToList();
            var blocks = new List<(double Top, List<(string[] Cells, CellOrigin[]? Origins)> Rows)>();
            foreach (var table in tables)
            {
                blocks.Add((table.Top, table.Rows));
            }

            // Free text between tables keeps its place among them: each run of lines between two tables is a block.
            var lines = PageRows(free, maxCell, out var tops);
            for (var l = 0; l < lines.Count; l++)
            {
                blocks.Add((tops[l], [(lines[l], null)]));
            }

            var first = true;
            foreach (var (_, blockRows) in blocks.OrderByDescending(b => b.Top))
            {
                foreach (var (cells, origins) in blockRows)
                {
                    if (first && lastWasTable && blockRows.Count > 0 && rows.Count > 0 && ContinuesRow(rows[^1].Cells, cells))
                    {
                        // A table row broken by the page: its rest, at the top of this page, joins it.
                        var joined = rows[^1].Cells.Select((text, c) => text + cells[c]).ToArray();
                        rows[^1] = rows[^1] with { Cells = joined };
                        first = false;
                        continue;
                    }

                    first = false;
                    rows.Add(new RawRow(++lineNumber, cells, Origins: origins));
                }

                lastWasTable = tables.Any(t => ReferenceEquals(t.Rows, blockRows));
            }
        }

        return hasText ? [new Grid("", rows)] : null;
    }

    /// <summary>The rows of one page's free text, top to bottom, cells left to right, with each row's top.</summary>
    private static List<string[]> PageRows(List<Word> words, int maxCell, out List<double> tops)
    {
        var lines = Lines(words);
        var result = new List<string[]>();
        tops = [];
        List<Cell>? previous = null;
        List<Cell>? columns = null;
        foreach (var line in lines)
        {
            var cells = Cells(line);
            if (cells.Count == 1 && PageFurniture().IsMatch(cells[0].Text))
            {
                continue;
            }

            // Text wrapped inside its cell: a line whose every cell lies under a cell of the line just above.
            if (previous is not null && cells.Count < previous.Count && result.Count > 0
                && line.Top > previous[0].Bottom - (2.2 * line.Height)
                && cells.All(c => previous.Skip(1).Any(p => c.Center >= p.Left - 2 && c.Center <= p.Right + 2)))
            {
                var last = result[^1];
                foreach (var cell in cells)
                {
                    var index = Column(columns!, cell);
                    if (index >= 0 && index < last.Length)
                    {
                        last[index] = Cap(last[index] + cell.Text, maxCell);
                    }
                }

                continue;
            }

            if (columns is null || cells.Count >= columns.Count || !Fits(columns, cells))
            {
                columns = cells;
            }

            var row = new string[columns.Count];
            Array.Fill(row, "");
            foreach (var cell in cells)
            {
                var index = Column(columns, cell);
                row[index] = row[index].Length == 0 ? Cap(cell.Text, maxCell) : Cap(row[index] + cell.Text, maxCell);
            }

            result.Add(row);
            tops.Add(line.Top);
            previous = cells;
        }

        return result;
    }

    /// <summary>
    /// True when a page's first table row is the rest of the previous page's last row: as many columns,
    /// its first cell empty, and only a few cells with text, each under a cell that had text (a wrapped
    /// text going on) — a new row fills its name and value cells at least.
    /// </summary>
    private static bool ContinuesRow(string[] previous, string[] next)
    {
        if (previous.Length != next.Length || next.Length < 2 || next[0].Length > 0)
        {
            return false;
        }

        var filled = Enumerable.Range(0, next.Length).Where(c => next[c].Length > 0).ToList();
        var previousFilled = previous.Count(c => c.Length > 0);
        return filled.Count > 0 && filled.Count <= Math.Max(1, previousFilled / 3) && filled.All(c => previous[c].Length > 0);
    }

    /// <summary>True when every cell of a line lies under a distinct column of the template.</summary>
    private static bool Fits(List<Cell> columns, List<Cell> cells) =>
        cells.Select(c => Column(columns, c)).Distinct().Count() == cells.Count;

    /// <summary>The column whose span holds the cell's centre, or the nearest one.</summary>
    private static int Column(List<Cell> columns, Cell cell)
    {
        var best = 0;
        var distance = double.MaxValue;
        for (var c = 0; c < columns.Count; c++)
        {
            var d = cell.Center < columns[c].Left ? columns[c].Left - cell.Center : cell.Center > columns[c].Right ? cell.Center - columns[c].Right : 0;
            if (d < distance)
            {
                distance = d;
                best = c;
            }
        }

        return best;
    }

    /// <summary>Words grouped into lines by their vertical centres, top to bottom.</summary>
    private static List<Line> Lines(List<Word> words)
    {
        var lines = new List<Line>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Centroid.Y).ThenBy(w => w.BoundingBox.Left))
        {
            var box = word.BoundingBox;
            var height = Math.Max(box.Height, 1);
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line.Center - box.Centroid.Y) <= 0.5 * Math.Min(height, line.Height))
            {
                line.Words.Add(word);
            }
            else
            {
                lines.Add(new Line(box.Centroid.Y, height, box.Top, [word]));
            }
        }

        return lines;
    }

    /// <summary>The cells of a line: words left to right, a new cell where the gap is wider than the text's own spacing.</summary>
    private static List<Cell> Cells(Line line)
    {
        var words = line.Words.OrderBy(w => w.BoundingBox.Left).ToList();
        var cells = new List<Cell>();
        var text = new StringBuilder();
        double left = 0, right = 0, bottom = double.MaxValue;
        Word? last = null;
        foreach (var word in words)
        {
            var box = word.BoundingBox;
            var gap = last is null ? 0 : box.Left - last.BoundingBox.Right;
            if (last is not null && gap > Math.Max(2.0, 0.9 * line.Height))
            {
                cells.Add(new Cell(text.ToString(), left, right, bottom));
                text.Clear();
                last = null;
            }

            if (last is null)
            {
                left = box.Left;
                bottom = box.Bottom;
            }
            else if (gap > 0.15 * line.Height && IsLatin(last.Text[^1]) && IsLatin(word.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(word.Text);
            right = box.Right;
            bottom = Math.Min(bottom, box.Bottom);
            last = word;
        }

        if (text.Length > 0)
        {
            cells.Add(new Cell(text.ToString(), left, right, bottom));
        }

        return cells;
    }

    private static bool IsLatin(char c) => c < 0x3000;

    private static string Cap(string text, int maxCell) => text.Length > maxCell + 1 ? text[..(maxCell + 1)] : text;

    /// <summary>A page number standing alone (<c>3</c>, <c>- 3 -</c>, <c>第 3 页</c>, <c>第3页 共9页</c>).</summary>
    [GeneratedRegex(@"^\s*(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")]
    private static partial Regex PageFurniture();

    private sealed record Line(double Center, double Height, double Top, List<Word> Words);

    private sealed record Cell(string Text, double Left, double Right, double Bottom)
    {
        public double Center => (Left + Right) / 2;
    }
}
