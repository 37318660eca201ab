using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Reads the grids a file yields (sheets, a document's tables, a text) into one document: each grid's
/// rows pass the <see cref="RowGate"/>, the form is recognised from the grid's first rows, and the
/// recogniser for that form reads it. Today the published summary table (1.1); a file of several grids
/// is read from the first grid that holds one, as when a cover sheet comes before the table.
/// </summary>
internal static class FormReader
{
    /// <summary>How many rows with content are looked at to recognise a form.</summary>
    private const int Lookahead = 200;

    public static TargetDocument? Read(IEnumerable<Grid> grids, DocumentSource source, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        Grid? first = null;
        foreach (var grid in grids)
        {
            var rows = RowGate.Admit(grid.Rows, budget, diagnostics);
            var peeked = Peek(rows, Lookahead, out var rest);
            if (budget.Exhausted is not null)
            {
                return null;
            }

            if (HasSummaryHeader(peeked))
            {
                return TableInterpreter.Interpret(peeked.Concat(rest), source, budget, diagnostics);
            }

            first ??= grid with { Rows = peeked.Concat(rest) };
        }

        // No grid holds a recognisable table: the first is read as one, which says what is missing.
        return first is null ? null : TableInterpreter.Interpret(first.Rows, source, budget, diagnostics);
    }

    /// <summary>True when the rows hold the header of a summary table (on one row, or broken over two).</summary>
    private static bool HasSummaryHeader(List<RawRow> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            if (ColumnMap.TryDetect(rows[r].Cells) is { Name: >= 0 })
            {
                return true;
            }

            if (r + 1 < rows.Count && ColumnMap.NamesAnyColumn(rows[r].Cells)
                && ColumnMap.TryDetect([.. rows[r].Cells, .. rows[r + 1].Cells]) is { Name: >= 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first rows with content (and the blank ones among them), and the enumeration of the rest.</summary>
    private static List<RawRow> Peek(IEnumerable<RawRow> rows, int count, out IEnumerable<RawRow> rest)
    {
        var enumerator = rows.GetEnumerator();
        var peeked = new List<RawRow>();
        var withContent = 0;
        while (withContent < count && enumerator.MoveNext())
        {
            peeked.Add(enumerator.Current);
            withContent += enumerator.Current.Cells.Any(c => !Domain.Text.ChineseText.IsBlank(c)) ? 1 : 0;
        }

        rest = Remaining(enumerator);
        return peeked;
    }

    private static IEnumerable<RawRow> Remaining(IEnumerator<RawRow> enumerator)
    {
        using (enumerator)
        {
            while (enumerator.MoveNext())
            {
                yield return enumerator.Current;
            }
        }
    }
}
