using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// Splits decoded text into rows: tab-separated lines, or CSV records (RFC 4180 quoting). A cell longer
/// than the limit is cut one character past it, so the interpreter reports it without the whole of a
/// hostile cell being copied.
/// </summary>
internal static class DelimitedRows
{
    /// <summary>One row per physical line, cells split on tabs.</summary>
    public static IEnumerable<RawRow> TabSeparated(TextReader text, int maxCellLength)
    {
        var lines = new Lines(text);
        var line = 0;
        while (NextTabbed(lines, maxCellLength) is { } cells)
        {
            line++;
            yield return new RawRow(line, cells);
        }
    }

    private static string[]? NextTabbed(Lines lines, int maxCellLength) => lines.Next(out var line) ? SplitTabs(line, maxCellLength) : null;

    private static string[] SplitTabs(ReadOnlySpan<char> line, int maxCellLength)
    {
        var count = Math.Min(1 + line.Count('\t'), RawRow.MaxCells);
        var cells = new string[count];
        for (var c = 0; c < count; c++)
        {
            var tab = line.IndexOf('\t');
            var cell = tab < 0 ? line : line[..tab];
            cells[c] = cell.Length == 0 ? "" : new string(cell[..Math.Min(cell.Length, maxCellLength + 1)]);
            line = tab < 0 ? [] : line[(tab + 1)..];
        }

        return cells;
    }

    /// <summary>
    /// The lines of a text read a buffer at a time (CR LF, CR and LF each end one), so that no more of a
    /// large text is held than its longest line. A text that ends with a line break has no empty line after it.
    /// </summary>
    private sealed class Lines(TextReader reader)
    {
        private char[] _buffer = new char[1 << 14];
        private int _start;
        private int _end;
        private bool _atEnd;

        /// <summary>The last line ended with CR: an LF that follows belongs to the same break.</summary>
        private bool _afterCr;

        /// <summary>The next line without its break (valid until the next call); false past the last.</summary>
        public bool Next(out ReadOnlySpan<char> line)
        {
            while (true)
            {
                if (_afterCr && _start < _end)
                {
                    _afterCr = false;
                    _start += _buffer[_start] == '\n' ? 1 : 0;
                }

                var rest = _buffer.AsSpan(_start, _end - _start);
                var found = _afterCr ? -1 : rest.IndexOfAny('\r', '\n');
                if (found >= 0)
                {
                    line = rest[..found];
                    _afterCr = rest[found] == '\r';
                    _start += found + 1;
                    return true;
                }

                if (_atEnd)
                {
                    line = rest;
                    _start = _end;
                    return !rest.IsEmpty;
                }

                Fill();
            }
        }

        private void Fill()
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = reader.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _atEnd = read == 0;
        }
    }

    /// <summary>How many characters from a text's start the separator and delimiter are guessed from.</summary>
    public const int SampleChars = 64 * 1024;

    /// <summary>
    /// How the cells of a text file are separated, from its first 64 KB: tabs when there are any; else
    /// pipes (<c>| a | b |</c>, as tables copied out of some pages and PDFs come) when most lines with
    /// content have two or more; else runs of two or more spaces when most lines have them; else tabs.
    /// </summary>
    public static char DetectTextSeparator(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars));
        if (sample.Contains('\t'))
        {
            return '\t';
        }

        int lines = 0, piped = 0, spaced = 0;
        foreach (var line in sample.EnumerateLines())
        {
            if (line.Trim().IsEmpty)
            {
                continue;
            }

            lines++;
            piped += line.Count('|') >= 2 ? 1 : 0;
            spaced += line.IndexOf("  ") >= 0 || line.IndexOf("\u3000\u3000") >= 0 ? 1 : 0;
        }

        if (lines > 0 && piped * 2 >= lines)
        {
            return '|';
        }

        return lines > 0 && spaced * 2 >= lines ? ' ' : '\t';
    }

    /// <summary>
    /// One row per line, cells split on pipes (outer pipes and the blanks around cells dropped) or on runs
    /// of two or more spaces (ideographic spaces count).
    /// </summary>
    public static IEnumerable<RawRow> Separated(TextReader text, char separator, int maxCellLength)
    {
        var line = 0;
        foreach (var row in TabSeparated(text, int.MaxValue / 4))
        {
            line = row.Line;
            var whole = row.Cells[0];
            string[] cells;
            if (separator == '|')
            {
                var trimmed = whole.Trim();
                if (trimmed.StartsWith('|'))
                {
                    trimmed = trimmed[1..];
                }

                if (trimmed.EndsWith('|'))
                {
                    trimmed = trimmed[..^1];
                }

                cells = trimmed.Split('|', RawRow.MaxCells).Select(c => c.Trim()).ToArray();
            }
            else
            {
                cells = SplitSpaces(whole);
            }

            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length > maxCellLength + 1)
                {
                    cells[c] = cells[c][..(maxCellLength + 1)];
                }
            }

            yield return new RawRow(line, cells);
        }
    }

    private static string[] SplitSpaces(string line)
    {
        var cells = new List<string>();
        var start = 0;
        var i = 0;
        while (i < line.Length && cells.Count < RawRow.MaxCells - 1)
        {
            if (IsGap(line, i))
            {
                var end = i;
                while (i < line.Length && ChineseText.IsSpace(line[i]))
                {
                    i++;
                }

                cells.Add(line[start..end].Trim());
                start = i;
                continue;
            }

            i++;
        }

        cells.Add(line[start..].Trim());
        return [.. cells];
    }

    /// <summary>Two spaces, or one ideographic space, separate cells; a single ASCII space is inside a cell.</summary>
    private static bool IsGap(string line, int i) =>
        (line[i] == ' ' && i + 1 < line.Length && ChineseText.IsSpace(line[i + 1])) || line[i] == '\u3000';

    /// <summary>The delimiter a CSV file uses: comma unless tabs or semicolons clearly dominate its first lines.</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, tabs = 0, semicolons = 0;
        var inQuotes = false;
        var sample = Math.Min(text.Length, SampleChars);
        for (var i = 0; i < sample; i++)
        {
            switch (text[i])
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case ',' when !inQuotes:
                    commas++;
                    break;
                case '\t' when !inQuotes:
                    tabs++;
                    break;
                case ';' when !inQuotes:
                    semicolons++;
                    break;
            }
        }

        if (tabs > commas && tabs >= semicolons)
        {
            return '\t';
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// CSV records; a quoted field may hold delimiters, doubled quotes and line breaks. A field that a
    /// spreadsheet-safe writer prefixed with <c>'</c> (see <see cref="CsvCells"/>) is read without it.
    /// </summary>
    public static IEnumerable<RawRow> Csv(TextReader text, char delimiter, int maxCellLength)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var buffer = new char[1 << 14];
        var at = 0;
        var end = 0;
        while (At(0) is var c and >= 0)
        {
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (At(1) == '"')
                    {
                        Append('"');
                        at += 2;
                        continue;
                    }

                    inQuotes = false;
                    at++;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                Append((char)c);
                at++;
                continue;
            }

            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
                at++;
                continue;
            }

            if (c == delimiter)
            {
                if (cells.Count >= RawRow.MaxCells - 1)
                {
                    cell.Clear();
                    fieldStarted = false;
                    at++;
                    continue;
                }

                cells.Add(CsvCells.Unprotect(cell.ToString()));
                cell.Clear();
                fieldStarted = false;
                at++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                cells.Add(CsvCells.Unprotect(cell.ToString()));
                cell.Clear();
                fieldStarted = false;
                yield return new RawRow(recordLine, [.. cells]);
                cells.Clear();
                // At may move the buffer (and so at): the step is taken before it is added.
                var step = c == '\r' && At(1) == '\n' ? 2 : 1;
                at += step;
                line++;
                recordLine = line;
                continue;
            }

            Append((char)c);
            fieldStarted = true;
            at++;
        }

        if (cells.Count > 0 || cell.Length > 0 || fieldStarted)
        {
            cells.Add(CsvCells.Unprotect(cell.ToString()));
            yield return new RawRow(recordLine, [.. cells]);
        }

        void Append(char c)
        {
            if (cell.Length <= maxCellLength)
            {
                cell.Append(c);
            }
        }

        // The character <paramref name="ahead"/> places past the current one, -1 past the end; reads on as needed.
        int At(int ahead)
        {
            if (at + ahead >= end)
            {
                // Keep what is left, then read on behind it.
                var left = end - at;
                Array.Copy(buffer, at, buffer, 0, left);
                at = 0;
                end = left;
                var read = text.Read(buffer, end, buffer.Length - end);
                end += read;
                if (ahead >= end)
                {
                    return -1;
                }
            }

            return buffer[at + ahead];
        }
    }
}
