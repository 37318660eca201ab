using System.Globalization;
using System.Net;
using System.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Html;

/// <summary>
/// Reads a saved web page (.html, .htm) as one grid in document order: text outside tables becomes rows
/// of one cell (a line per block element or line break), each table row a row of cells, with
/// <c>colspan</c> and <c>rowspan</c> expanded like merged sheet cells and a table nested in a cell giving
/// its rows after the rows of the table it sits in. Scripts, styles, comments and the page head are passed over.
/// A small tag scanner of its own, one pass and no tree: nothing depends on how deeply the page nests,
/// and every tag and text run is bounded by the read's limits.
/// </summary>
internal static class HtmlGrids
{
    /// <summary>Elements that end a line of text outside tables.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "tr", "table", "caption", "title", "hr", "dd", "dt", "pre", "blockquote",
    };

    /// <summary>Elements whose content is not text of the page.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "script", "style", "head", "noscript", "template", "svg", "select", "option", "textarea" };

    public static IEnumerable<Grid> Read(string html, ReadBudget budget)
    {
        yield return new Grid("", Rows(html, budget));
    }

    private static IEnumerable<RawRow> Rows(string html, ReadBudget budget)
    {
        var state = new Scanner(budget);
        var pos = 0;
        while (pos < html.Length)
        {
            if (!budget.Tick())
            {
                yield break;
            }

            var lt = html.IndexOf('<', pos);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > pos)
            {
                state.Text(html.AsSpan(pos, textEnd - pos));
            }

            if (lt < 0)
            {
                break;
            }

            pos = Tag(html, lt, state);
            while (state.Ready.Count > 0)
            {
                yield return state.Ready.Dequeue();
            }
        }

        state.End();
        while (state.Ready.Count > 0)
        {
            yield return state.Ready.Dequeue();
        }
    }

    /// <summary>Handles the tag (or comment, or declaration) at <paramref name="lt"/>; returns where scanning goes on.</summary>
    private static int Tag(string html, int lt, Scanner state)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var gt = html.IndexOf('>', lt + 1);
        if (gt < 0)
        {
            return html.Length;
        }

        var inside = html.AsSpan(lt + 1, gt - lt - 1);
        if (inside.Length == 0 || inside[0] is '!' or '?')
        {
            return gt + 1;
        }

        var closing = inside[0] == '/';
        var nameStart = closing ? 1 : 0;
        var nameEnd = nameStart;
        while (nameEnd < inside.Length && (char.IsAsciiLetterOrDigit(inside[nameEnd]) || inside[nameEnd] is ':' or '-'))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart)
        {
            // Not a tag ("a < b"): the '<' is text.
            state.Text("<");
            return lt + 1;
        }

        var name = inside[nameStart..nameEnd].ToString().ToLowerInvariant();
        if (!closing && Hidden.Contains(name) && !inside.EndsWith("/"))
        {
            // Skip to the matching end tag: its content is never text of the page.
            var endTag = "</" + name;
            var end = html.IndexOf(endTag, gt + 1, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                return html.Length;
            }

            var close = html.IndexOf('>', end);
            return close < 0 ? html.Length : close + 1;
        }

        if (closing)
        {
            state.Close(name);
        }
        else
        {
            state.Open(name, inside[nameEnd..]);
        }

        return gt + 1;
    }

    /// <summary>The value of attribute <paramref name="name"/> in a tag's attribute text, null when absent.</summary>
    private static string? Attribute(ReadOnlySpan<char> attributes, string name)
    {
        var text = attributes.ToString();
        var at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + name.Length;
            while (after < text.Length && text[after] == ' ')
            {
                after++;
            }

            if ((char.IsWhiteSpace(before) || before is '"' or '\'') && after < text.Length && text[after] == '=')
            {
                after++;
                while (after < text.Length && text[after] == ' ')
                {
                    after++;
                }

                if (after < text.Length && text[after] is '"' or '\'')
                {
                    var quote = text[after];
                    var end = text.IndexOf(quote, after + 1);
                    return end < 0 ? text[(after + 1)..] : text[(after + 1)..end];
                }

                var stop = after;
                while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] != '/')
                {
                    stop++;
                }

                return text[after..stop];
            }

            at = after;
        }

        return null;
    }

    private static int Span(ReadOnlySpan<char> attributes, string name) =>
        int.TryParse(Attribute(attributes, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, 1, 1000) : 1;

    /// <summary>What the scanner is in: the text outside tables, and the stack of tables being read.</summary>
    private sealed class Scanner(ReadBudget budget)
    {
        private readonly StringBuilder _line = new();
        private readonly Stack<Table> _tables = new();
        private int _lineNumber;

        public Queue<RawRow> Ready { get; } = new();

        public void Text(ReadOnlySpan<char> raw)
        {
            var text = WebUtility.HtmlDecode(raw.ToString());
            var target = _tables.Count > 0 ? _tables.Peek().Cell : _line;
            if (target is null)
            {
                return;
            }

            foreach (var c in text)
            {
                if (target.Length > budget.Options.MaxCellLength)
                {
                    break;
                }

                // White space collapses as a browser shows it; a no-break space is a space.
                var ch = char.IsWhiteSpace(c) || c == '\u00A0' ? ' ' : c;
                if (ch == ' ' && (target.Length == 0 || target[^1] is ' ' or '\n'))
                {
                    continue;
                }

                target.Append(ch);
            }
        }

        public void Open(string name, ReadOnlySpan<char> attributes)
        {
            switch (name)
            {
                case "table":
                    FlushLine();

                    // Layout tables nest a few deep; hundreds deep is an attack, and stops the read.
                    if (budget.Depth(_tables.Count + 1, Domain.Diagnostics.SourceLocation.File))
                    {
                        _tables.Push(new Table());
                    }

                    return;
                case "tr" when _tables.Count > 0:
                    _tables.Peek().StartRow();
                    return;
                case "td" or "th" when _tables.Count > 0:
                    _tables.Peek().StartCell(Span(attributes, "colspan"), Span(attributes, "rowspan"));
                    return;
                case "br" or "p" or "div" or "li" when _tables.Count > 0:
                    _tables.Peek().Break();
                    return;
            }

            if (Blocks.Contains(name))
            {
                FlushLine();
            }
        }

        public void Close(string name)
        {
            switch (name)
            {
                case "table" when _tables.Count > 0:
                    var table = _tables.Pop();
                    var rows = table.Finish(ref _lineNumber);
                    if (_tables.Count > 0)
                    {
                        _tables.Peek().Nested.AddRange(rows);
                    }
                    else
                    {
                        foreach (var row in rows)
                        {
                            Ready.Enqueue(row);
                        }
                    }

                    return;
                case "tr" when _tables.Count > 0:
                    _tables.Peek().EndRow();
                    return;
                case "td" or "th" when _tables.Count > 0:
                    _tables.Peek().EndCell();
                    return;
            }

            if (_tables.Count == 0 && Blocks.Contains(name))
            {
                FlushLine();
            }
        }

        public void End()
        {
            while (_tables.Count > 0 && budget.Exhausted is null)
            {
                Close("table");
            }

            FlushLine();
        }

        private void FlushLine()
        {
            var text = _line.ToString().Trim();
            _line.Clear();
            if (text.Length > 0)
            {
                Ready.Enqueue(new RawRow(++_lineNumber, text.Split('\t', RawRow.MaxCells)));
            }
        }
    }

    /// <summary>A table being read: its rows as cells placed on a grid, row spans reserving cells below.</summary>
    private sealed class Table
    {
        private readonly List<List<(string Text, CellOrigin Origin)?>> _rows = [];
        private List<(string Text, CellOrigin Origin)?>? _row;
        private int _rowIndex = -1;
        private int _colSpan = 1;
        private int _rowSpan = 1;

        public StringBuilder? Cell { get; private set; }

        private readonly List<RawRow> _finished = [];

        public List<RawRow> Nested { get; } = [];

        public void StartRow()
        {
            EndRow();
            _rowIndex++;

            // A row a cell above reached into (rowspan) is already there, with those cells taken.
            while (_rows.Count <= _rowIndex)
            {
                _rows.Add([]);
            }

            _row = _rows[_rowIndex];
        }

        public void StartCell(int colSpan, int rowSpan)
        {
            EndCell();
            if (_row is null)
            {
                StartRow();
            }

            Cell = new StringBuilder();
            _colSpan = colSpan;
            _rowSpan = rowSpan;
        }

        public void Break() => Cell?.Append('\n');

        public void EndCell()
        {
            if (Cell is null || _row is null)
            {
                Cell = null;
                return;
            }

            var text = Cell.ToString().Trim();
            Cell = null;
            var r = _rowIndex;
            var c = 0;
            while (c < _row.Count && _row[c] is not null)
            {
                c++;
            }

            for (var down = 0; down < _rowSpan && r + down < r + 1000; down++)
            {
                while (_rows.Count <= r + down)
                {
                    _rows.Add([]);
                }

                var row = _rows[r + down];
                for (var across = 0; across < _colSpan && c + across < RawRow.MaxCells; across++)
                {
                    while (row.Count <= c + across)
                    {
                        row.Add(null);
                    }

                    var origin = down == 0 && across == 0 ? CellOrigin.Own : down == 0 ? CellOrigin.Left : CellOrigin.Above;
                    row[c + across] ??= (text, text.Length == 0 ? CellOrigin.Own : origin);
                }
            }

            FlushNested();
        }

        public void EndRow()
        {
            EndCell();
            _row = null;
        }

        /// <summary>The table's rows (nested tables' rows after the row they sat in) with line numbers from <paramref name="line"/>.</summary>
        public List<RawRow> Finish(ref int line)
        {
            EndRow();
            var result = new List<RawRow>();
            var nestedAfter = _finished;
            foreach (var row in _rows)
            {
                if (row.Count == 0)
                {
                    continue;
                }

                var cells = row.Select(c => c?.Text ?? "").ToArray();
                var origins = row.Select(c => c?.Origin ?? CellOrigin.Own).ToArray();
                result.Add(new RawRow(++line, cells, Origins: origins.Any(o => o != CellOrigin.Own) ? origins : null));
            }

            foreach (var nested in nestedAfter)
            {
                result.Add(nested with { Line = ++line });
            }

            return result;
        }

        /// <summary>Rows of tables nested in cells, kept to come after this table's rows.</summary>
        private void FlushNested()
        {
            if (Nested.Count > 0)
            {
                _finished.AddRange(Nested);
                Nested.Clear();
            }
        }
    }
}
