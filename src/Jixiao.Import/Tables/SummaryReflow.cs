using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Puts back the rows of a summary table copied one cell per line (layouts.md §3): the header's column
/// names on consecutive lines, then each row's cells. When every cell kept its line — blank ones as a lone
/// <c>|</c> — the cells are cut into rows of the header's width. When blank cells left no line, a row is
/// read by the shape of its cells: a name (a text followed by an amount, or by the goal and an indicator
/// cell), its amounts, its goal, and its indicator cell (<c>1、产出指标：…</c>, with the lines it wraps
/// onto). Amounts then go to the header's amount columns in order only when there are as many of them as
/// columns, or one (the 总计); otherwise the first is the 总计 and the rest are reported, not guessed.
/// </summary>
internal static class SummaryReflow
{
    /// <summary>The header's cells and where they start, when the rows are one cell per line and hold a summary header.</summary>
    public static bool Applies(IReadOnlyList<RawRow> rows)
    {
        var content = 0;
        var single = 0;
        foreach (var row in rows)
        {
            var filled = row.Cells.Count(c => !ChineseText.IsBlank(c));
            content += filled > 0 ? 1 : 0;
            single += filled == 1 ? 1 : 0;
        }

        return content >= 8 && single * 10 >= content * 9 && HeaderRun(Cells(rows)) is not null;
    }

    /// <summary>The rows put back: lines before the header as they were, the header as one row, then the table's rows.</summary>
    public static List<RawRow> Reflow(IEnumerable<RawRow> rows, List<Diagnostic> diagnostics)
    {
        var cells = Cells(rows);
        var (start, width) = HeaderRun(cells)!.Value;
        var result = new List<RawRow>();
        for (var i = 0; i < start; i++)
        {
            if (cells[i].Text.Length > 0)
            {
                result.Add(new RawRow(cells[i].Line, [cells[i].Text]));
            }
        }

        var header = cells.Skip(start).Take(width).Select(c => c.Text).ToArray();
        result.Add(new RawRow(cells[start].Line, header));
        var map = ColumnMap.TryDetect(header)!;
        var body = cells.Skip(start + width).ToList();
        var piped = body.Count(c => c.Piped) * 10 >= body.Count * 8;
        if (piped)
        {
            // Every cell has its line (blank ones as a lone |): rows of the header's width.
            var cellsOnly = body.Where(c => c.Piped || c.Text.Length > 0).ToList();
            for (var i = 0; i < cellsOnly.Count; i += width)
            {
                var row = cellsOnly.Skip(i).Take(width).Select(c => c.Text).ToArray();
                if (row.Any(t => t.Length > 0))
                {
                    result.Add(new RawRow(cellsOnly[i].Line, row.Length == width ? row : [.. row, .. Enumerable.Repeat("", width - row.Length)]));
                }
            }

            return result;
        }

        result.AddRange(ByShape(body.Where(c => c.Text.Length > 0).ToList(), map, width, diagnostics));
        return result;
    }

    private readonly record struct Cell(string Text, int Line, bool Piped);

    private static List<Cell> Cells(IEnumerable<RawRow> rows)
    {
        var cells = new List<Cell>();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                var raw = ChineseText.TrimSpace(cell);
                var piped = raw.EndsWith('|') || raw.StartsWith('|');
                var text = raw.Trim('|', ' ', '\t').Trim();
                if (text.Length > 0 || piped)
                {
                    cells.Add(new Cell(text, row.Line, piped));
                }
            }
        }

        return cells;
    }

    /// <summary>Where the header's column names stand on consecutive lines, and how many; null when they do not.</summary>
    private static (int Start, int Width)? HeaderRun(List<Cell> cells)
    {
        for (var i = 0; i < cells.Count && i < 400; i++)
        {
            var end = i;
            while (end < cells.Count && end - i < 12 && ColumnMap.NamesAnyColumn([cells[end].Text]))
            {
                end++;
            }

            if (end - i >= 4 && ColumnMap.TryDetect([.. cells.Skip(i).Take(end - i).Select(c => c.Text)]) is { Inferred.Count: 0 })
            {
                return (i, end - i);
            }
        }

        return null;
    }

    private static IEnumerable<RawRow> ByShape(List<Cell> cells, ColumnMap map, int width, List<Diagnostic> diagnostics)
    {
        var amountColumns = new[] { map.Total, map.FiscalAppropriation, map.SpecialAccount, map.OtherFunds }.Where(c => c >= 0).ToArray();
        var i = 0;
        while (i < cells.Count)
        {
            var row = new string[width];
            Array.Fill(row, "");
            var line = cells[i].Line;
            row[map.Name] = cells[i].Text;
            i++;
            var amounts = new List<Cell>();
            while (i < cells.Count && IsAmount(cells[i].Text))
            {
                amounts.Add(cells[i]);
                i++;
            }

            if (amounts.Count == amountColumns.Length || amounts.Count == 1)
            {
                for (var a = 0; a < amounts.Count; a++)
                {
                    row[amountColumns[a]] = amounts[a].Text;
                }
            }
            else if (amounts.Count > 0)
            {
                row[amountColumns[0]] = amounts[0].Text;
                diagnostics.Add(Messages.AmountColumnsUnclear.At(new SourceLocation(amounts[0].Line), ChineseText.Excerpt(row[map.Name]),
                    string.Join("、", amounts.Skip(1).Select(x => x.Text))));
            }

            // The goal, then the indicator cell and the lines it wraps onto, up to the next name.
            if (i < cells.Count && !IsIndicatorStart(cells[i].Text) && !StartsRow(cells, i) && map.Goal >= 0)
            {
                row[map.Goal] = cells[i].Text;
                i++;
            }

            if (i < cells.Count && IsIndicatorStart(cells[i].Text) && map.Indicators >= 0)
            {
                var text = cells[i].Text;
                i++;
                while (i < cells.Count && !StartsRow(cells, i))
                {
                    text += cells[i].Text;
                    i++;
                }

                row[map.Indicators] = text;
            }

            yield return new RawRow(line, row);
        }
    }

    /// <summary>True when the cell at <paramref name="i"/> is a row's name: text followed by an amount.</summary>
    private static bool StartsRow(List<Cell> cells, int i) =>
        !IsAmount(cells[i].Text) && !IsIndicatorStart(cells[i].Text) && i + 1 < cells.Count && IsAmount(cells[i + 1].Text);

    private static bool IsAmount(string text) => AmountParser.Parse(text, AmountUnit.WanYuan, out _) == AmountParser.Outcome.Amount;

    private static bool IsIndicatorStart(string text)
    {
        var t = ChineseText.Normalize(text).TrimStart();
        return t.Length > 2 && char.IsAsciiDigit(t[0]) && (t[1] is '、' or '.' || (t.Length > 3 && char.IsAsciiDigit(t[1]) && t[2] is '、' or '.'));
    }
}
