namespace Jixiao.Import.Rows;

/// <summary>Splits decoded text into rows: tab-separated lines, or CSV records (RFC 4180 quoting).</summary>
internal static class DelimitedRows
{
    /// <summary>One row per physical line, cells split on tabs.</summary>
    public static IEnumerable<RawRow> TabSeparated(string text)
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
                yield return new RawRow(line, SplitTabs(text, start, end));
            }

            if (end >= text.Length)
            {
                yield break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    private static string[] SplitTabs(string text, int start, int end)
    {
        var count = 1 + text.AsSpan(start, end - start).Count('\t');
        var cells = new string[count];
        for (var c = 0; c < count; c++)
        {
            var tab = c + 1 < count ? text.IndexOf('\t', start, end - start) : end;
            cells[c] = text[start..tab];
            start = tab + 1;
        }

        return cells;
    }

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

    /// <summary>CSV records; a quoted field may hold delimiters, doubled quotes and line breaks.</summary>
    public static IEnumerable<RawRow> Csv(string text, char delimiter)
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
                        cell.Append('"');
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

                cell.Append(c);
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
                cells.Add(cell.ToString());
                cell.Clear();
                fieldStarted = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                fieldStarted = false;
                yield return new RawRow(recordLine, [.. cells]);
                cells.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }

            cell.Append(c);
            fieldStarted = true;
            i++;
        }

        if (cells.Count > 0 || cell.Length > 0 || fieldStarted)
        {
            cells.Add(cell.ToString());
            yield return new RawRow(recordLine, [.. cells]);
        }
    }
}
