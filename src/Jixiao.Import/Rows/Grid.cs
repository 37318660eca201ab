using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Rows;

/// <summary>
/// One grid of rows a source yields, in order: a worksheet, the tables of a Word or HTML document with the
/// paragraphs around them, the lines of a PDF, or a whole text file. Every form recogniser reads grids,
/// whatever the file kind.
/// </summary>
/// <param name="Name">What the grid is called where it came from (a sheet's name), empty when it has none.</param>
/// <param name="Rows">Its rows, read lazily.</param>
internal sealed record Grid(string Name, IEnumerable<RawRow> Rows);

/// <summary>
/// The gate every row passes before a recogniser sees it: a row with content is charged to the budget
/// (rows, cells, characters), cleaned of control characters and read as simplified Chinese where it is
/// written in traditional characters (or carries a converter's pinyin); a row with a cell over the length
/// limit is reported and dropped. Blank rows pass uncharged, since recognisers use them as breaks.
/// </summary>
internal static class RowGate
{
    public static IEnumerable<RawRow> Admit(IEnumerable<RawRow> rows, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var traditional = false;
        foreach (var row in rows)
        {
            if (!budget.Tick())
            {
                yield break;
            }

            var cells = row.Cells;
            var nonEmpty = false;
            long characters = 0;
            foreach (var cell in cells)
            {
                characters += cell.Length;
                nonEmpty |= !ChineseText.IsBlank(cell);
            }

            if (!nonEmpty)
            {
                yield return row;
                continue;
            }

            if (!budget.Row(row.RowLocation) || !budget.Cells(cells.Length, characters, row.RowLocation))
            {
                yield break;
            }

            var tooLong = Array.FindIndex(cells, c => c.Length > budget.Options.MaxCellLength);
            if (tooLong >= 0)
            {
                diagnostics.Add(Messages.CellTooLong.At(row.CellLocation(tooLong), budget.Options.MaxCellLength));
                continue;
            }

            RemoveControlCharacters(row, diagnostics);
            for (var c = 0; c < cells.Length; c++)
            {
                if (Traditional.Applies(cells[c]))
                {
                    cells[c] = Traditional.ToSimplified(cells[c]);
                    if (!traditional)
                    {
                        traditional = true;
                        diagnostics.Add(Messages.TextTraditional.At(row.RowLocation));
                    }
                }
            }

            yield return row;
        }
    }

    /// <summary>
    /// Removes control characters (NUL and the like, never typed in a table) from the row's cells in place:
    /// a database would refuse them or a page show them as boxes. Tabs and line breaks stay.
    /// </summary>
    private static void RemoveControlCharacters(RawRow row, List<Diagnostic> diagnostics)
    {
        var removed = 0;
        var cells = row.Cells;
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && !cells[c].Contains('\u007F', StringComparison.Ordinal))
            {
                continue;
            }

            var kept = new System.Text.StringBuilder(cells[c].Length);
            foreach (var ch in cells[c])
            {
                if ((ch < ' ' && ch is not '\t' and not '\n' and not '\r') || ch == '\u007F')
                {
                    removed++;
                }
                else
                {
                    kept.Append(ch);
                }
            }

            cells[c] = kept.ToString();
        }

        if (removed > 0)
        {
            diagnostics.Add(Messages.TextControlCharacters.At(row.RowLocation, removed));
        }
    }
}
