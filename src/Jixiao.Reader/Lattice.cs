using System.Text;
using Jixiao.Import.Rows;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Jixiao.Reader;

/// <summary>
/// Tables a PDF page draws with ruling lines. Stroked lines and thin filled rectangles give horizontal
/// and vertical segments; segments that touch make a table; their positions (double lines counted once)
/// give the rows and columns. Two neighbouring grid cells with no line between them are one merged cell.
/// Each word goes to the cell that holds its centre; a cell's text is its words line by line.
/// </summary>
internal sealed class Lattice
{
    private const double Tolerance = 2.0;

    private readonly double _left;
    private readonly double _right;
    private readonly double _bottom;

    private Lattice(double left, double right, double bottom, double top, List<(string[] Cells, CellOrigin[]? Origins)> rows)
    {
        _left = left;
        _right = right;
        _bottom = bottom;
        Top = top;
        Rows = rows;
    }

    /// <summary>The table's top edge, to place it among the page's other text.</summary>
    public double Top { get; }

    /// <summary>The table's rows, merged cells filled as copies.</summary>
    public List<(string[] Cells, CellOrigin[]? Origins)> Rows { get; }

    /// <summary>True when the word's centre lies inside the table.</summary>
    public bool Holds(Word word)
    {
        var c = word.BoundingBox.Centroid;
        return c.X >= _left && c.X <= _right && c.Y >= _bottom && c.Y <= Top;
    }

    /// <summary>The ruled tables of a page, with the words inside them.</summary>
    public static List<Lattice> Tables(Page page, List<Word> words, int maxCell)
    {
        var segments = Segments(page);
        var tables = new List<Lattice>();
        foreach (var group in Groups(segments))
        {
            var horizontal = group.Where(s => s.Horizontal).ToList();
            var vertical = group.Where(s => !s.Horizontal).ToList();
            var ys = Cluster(horizontal.Select(s => s.Y1)).OrderByDescending(y => y).ToList();
            var xs = Cluster(vertical.Select(s => s.X1)).Order().ToList();
            if (ys.Count < 2 || xs.Count < 2 || ys.Count > 2000 || xs.Count > 200)
            {
                continue;
            }

            tables.Add(Build(xs, ys, horizontal, vertical, words, maxCell));
        }

        return tables;
    }

    private static Lattice Build(List<double> xs, List<double> ys, List<Segment> horizontal, List<Segment> vertical, List<Word> words, int maxCell)
    {
        var rows = ys.Count - 1;
        var columns = xs.Count - 1;
        var parent = new int[rows * columns];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var middleY = (ys[r] + ys[r + 1]) / 2;
            for (var c = 0; c < columns; c++)
            {
                var middleX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < columns && !vertical.Any(s => Math.Abs(s.X1 - xs[c + 1]) <= Tolerance && s.Low - Tolerance <= middleY && s.High + Tolerance >= middleY))
                {
                    Union((r * columns) + c, (r * columns) + c + 1);
                }

                if (r + 1 < rows && !horizontal.Any(s => Math.Abs(s.Y1 - ys[r + 1]) <= Tolerance && s.Low - Tolerance <= middleX && s.High + Tolerance >= middleX))
                {
                    Union((r * columns) + c, ((r + 1) * columns) + c);
                }
            }
        }

        // Words to the cell region holding their centre.
        var regionWords = new Dictionary<int, List<Word>>();
        var (left, right, bottom, top) = (xs[0], xs[^1], ys[^1], ys[0]);
        foreach (var word in words)
        {
            var center = word.BoundingBox.Centroid;
            if (center.X < left || center.X > right || center.Y < bottom || center.Y > top)
            {
                continue;
            }

            var c = Math.Clamp(xs.FindLastIndex(x => x <= center.X), 0, columns - 1);
            var r = Math.Clamp(ys.FindLastIndex(y => y >= center.Y), 0, rows - 1);
            var region = Find((r * columns) + c);
            if (!regionWords.TryGetValue(region, out var list))
            {
                regionWords[region] = list = [];
            }

            list.Add(word);
        }

        var table = new List<(string[] Cells, CellOrigin[]? Origins)>();
        for (var r = 0; r < rows; r++)
        {
            var cells = new string[columns];
            var origins = new CellOrigin[columns];
            var merged = false;
            for (var c = 0; c < columns; c++)
            {
                var index = (r * columns) + c;
                var region = Find(index);
                var text = regionWords.TryGetValue(region, out var list) ? Text(list, maxCell) : "";
                cells[c] = text;
                if (region != index && text.Length > 0)
                {
                    origins[c] = region / columns == r ? CellOrigin.Left : CellOrigin.Above;
                    merged = true;
                }
            }

            // Rows as thin as a double line hold nothing: they are not rows of the table.
            if (cells.Any(c => c.Length > 0))
            {
                table.Add((cells, merged ? origins : null));
            }
        }

        return new Lattice(left, right, bottom, top, table);
    }

    /// <summary>A cell's text: its words line by line, lines joined as the cell shows them (a space only between Latin words).</summary>
    private static string Text(List<Word> words, int maxCell)
    {
        // Lines by overlap of the words' vertical extents (digits and Chinese glyphs differ in height), then left to right.
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Top))
        {
            var box = word.BoundingBox;

            // The line this word overlaps most, measured against the word's own height (a digit is shorter than a glyph).
            static double Overlap(List<Word> line, PdfRectangle box) =>
                line.Max(o => Math.Min(o.BoundingBox.Top, box.Top) - Math.Max(o.BoundingBox.Bottom, box.Bottom)) / Math.Max(box.Height, 0.1);
            var line = lines.Where(l => Overlap(l, box) > 0.5).OrderByDescending(l => Overlap(l, box)).FirstOrDefault();
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }

        var text = new StringBuilder();
        Word? last = null;
        foreach (var word in lines.SelectMany(l => l.OrderBy(w => w.BoundingBox.Left)))
        {
            if (last is not null && last.Text[^1] < 0x3000 && word.Text[0] < 0x3000 && char.IsLetterOrDigit(last.Text[^1]) && char.IsLetterOrDigit(word.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(word.Text);
            last = word;
            if (text.Length > maxCell)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static List<Segment> Segments(Page page)
    {
        var segments = new List<Segment>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (path.IsFilled && subpath.GetBoundingRectangle() is { } box && (box.Width < Tolerance || box.Height < Tolerance))
                {
                    // A thin filled rectangle drawn as a line.
                    Add(segments, box.Left, box.Bottom + (box.Height / 2), box.Right, box.Bottom + (box.Height / 2));
                    Add(segments, box.Left + (box.Width / 2), box.Bottom, box.Left + (box.Width / 2), box.Top);
                    continue;
                }

                if (!path.IsStroked)
                {
                    continue;
                }

                PdfPoint? start = null;
                PdfPoint? current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            Add(segments, line.From.X, line.From.Y, line.To.X, line.To.Y);
                            current = line.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            Add(segments, c.X, c.Y, s.X, s.Y);
                            current = start;
                            break;
                    }
                }

                if (segments.Count > 20_000)
                {
                    return segments;
                }
            }
        }

        return segments;
    }

    private static void Add(List<Segment> segments, double x1, double y1, double x2, double y2)
    {
        var horizontal = Math.Abs(y1 - y2) < 1;
        var vertical = Math.Abs(x1 - x2) < 1;
        var length = Math.Max(Math.Abs(x2 - x1), Math.Abs(y2 - y1));
        if ((horizontal ^ vertical) && length >= 3)
        {
            segments.Add(new Segment(x1, y1, x2, y2, horizontal));
        }
    }

    /// <summary>Segments that touch (within the tolerance), as groups: one group a table.</summary>
    private static List<List<Segment>> Groups(List<Segment> segments)
    {
        var parent = Enumerable.Range(0, segments.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var order = Enumerable.Range(0, segments.Count).OrderBy(i => segments[i].MinX).ToList();
        for (var a = 0; a < order.Count; a++)
        {
            var sa = segments[order[a]];
            for (var b = a + 1; b < order.Count && segments[order[b]].MinX <= sa.MaxX + Tolerance; b++)
            {
                var sb = segments[order[b]];
                if (sb.MinY <= sa.MaxY + Tolerance && sa.MinY <= sb.MaxY + Tolerance)
                {
                    parent[Find(order[a])] = Find(order[b]);
                }
            }
        }

        return [.. Enumerable.Range(0, segments.Count).GroupBy(Find).Select(g => g.Select(i => segments[i]).ToList())];
    }

    /// <summary>Positions within the tolerance of one another (a double line) as one.</summary>
    private static List<double> Cluster(IEnumerable<double> positions)
    {
        var result = new List<double>();
        foreach (var position in positions.Order())
        {
            if (result.Count == 0 || position - result[^1] > Tolerance)
            {
                result.Add(position);
            }
        }

        return result;
    }

    private sealed record Segment(double X1, double Y1, double X2, double Y2, bool Horizontal)
    {
        public double MinX => Math.Min(X1, X2);

        public double MaxX => Math.Max(X1, X2);

        public double MinY => Math.Min(Y1, Y2);

        public double MaxY => Math.Max(Y1, Y2);

        public double Low => Horizontal ? MinX : MinY;

        public double High => Horizontal ? MaxX : MaxY;
    }
}
