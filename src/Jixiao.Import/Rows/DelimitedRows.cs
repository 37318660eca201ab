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
    public static IEnumerable<RawRow> TabSeparated(string text, int maxCellLength)
    {
        var line = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var found = text.AsSpan(start).IndexOfAny('\r', '\n');
            var end = found < 0 ? text.Length : start + found;

            line++;
            if (end > start || end < text.Length)
            {
                yield return new RawRow(line, SplitTabs(text, start, end, maxCellLength));
            }

            if (end >= text.Length)
            {
                yield break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    private static string[] SplitTabs(string text, int start, int end, int maxCellLength)
    {
        var count = Math.Min(1 + text.AsSpan(start, end - start).Count('\t'), RawRow.MaxCells);
        var cells = new string[count];
        for (var c = 0; c < count; c++)
        {
            var tab = text.IndexOf('\t', start, end - start);
            var stop = tab < 0 ? end : tab;
            cells[c] = text.Substring(start, Math.Min(stop - start, maxCellLength + 1));
            start = tab < 0 ? end : tab + 1;
        }

        return cells;
    }

    /// <summary>
    /// How the cells of a text file are separated, from its first 64 KB: tabs when there are any; else
    /// pipes (<c>| a | b |</c>, as tables copied out of some pages and PDFs come) when most lines with
    /// content have two or more; else runs of two or more spaces when most lines have them; else tabs.
    /// </summary>
    public static char DetectTextSeparator(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
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
    public static IEnumerable<RawRow> Separated(string text, char separator, int maxCellLength)
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
        var sample = Math.Min(text.Length, 64 * 1024);
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
    public static IEnumerable<RawRow> Csv(string text, char delimiter, int maxCellLength)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var inQuotes = false;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                Append(c);
                i++;
                continue;
            }

            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
                i++;
                continue;
            }

            if (c == delimiter)
            {
                if (cells.Count >= RawRow.MaxCells - 1)
                {
                    cell.Clear();
                    fieldStarted = false;
                    i++;
                    continue;
                }

                cells.Add(CsvCells.Unprotect(cell.ToString()));
                cell.Clear();
                fieldStarted = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                cells.Add(CsvCells.Unprotect(cell.ToString()));
                cell.Clear();
                fieldStarted = false;
                yield return new RawRow(recordLine, [.. cells]);
                cells.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }

            Append(c);
            fieldStarted = true;
            i++;
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
    }
}
