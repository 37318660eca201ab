using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Joins a form's labels that publishing broke over lines (layouts.md §3): <c>主管部</c> / <c>门</c>,
/// <c>资金需求(万</c> / <c>元)</c>, or a vertical label one word per line (<c>年度</c> / <c>总体</c> / <c>目标</c>)
/// with its value on one of those lines. A short first cell that is no label, followed by up to four rows
/// whose first cell in the same column is short too, becomes one row when the pieces together make a
/// label the form vocabulary knows; the other cells of the joined rows are kept, first text wins.
/// </summary>
internal static class LabelJoiner
{
    private const int MaxPiece = 6;
    private const int MaxRows = 5;

    public static List<RawRow> Join(List<RawRow> rows)
    {
        var result = new List<RawRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            if (TryJoin(rows, r, out var joined, out var used))
            {
                result.Add(joined);
                result.AddRange(_rest);
                r += used - 1;
                continue;
            }

            result.Add(rows[r]);
        }

        return result;
    }

    private static bool TryJoin(List<RawRow> rows, int at, out RawRow joined, out int used)
    {
        joined = rows[at];
        used = 1;
        var column = FirstText(rows[at]);
        if (column < 0 || rows[at].Origin(column) != CellOrigin.Own || !Piece(rows[at].Cells[column]) || IsWholeLabel(rows[at].Cells[column]))
        {
            return false;
        }

        // The first run of pieces that makes a label, passing over one that only makes a label whose value
        // is not kept (年度 / 总体 / 目标 is 年度总体目标, not 年度).
        var label = ChineseText.TrimSpace(rows[at].Cells[column]);
        var end = -1;
        var found = "";
        for (var next = at + 1; next < rows.Count && next - at < MaxRows; next++)
        {
            var row = rows[next];
            if (FirstText(row) != column || row.Origin(column) != CellOrigin.Own || !Piece(row.Cells[column]) || IsWholeLabel(row.Cells[column]))
            {
                break;
            }

            label += ChineseText.TrimSpace(row.Cells[column]);
            if (IsLabel(label))
            {
                end = next;
                found = label;
                if (FormVocabulary.Field(label) is not FormField.Ignored)
                {
                    break;
                }
            }
        }

        if (end < 0)
        {
            return false;
        }

        // The label goes on the first of its rows that holds anything else (a vertical label's value stands
        // on its middle line); what the other rows hold stays on rows of their own (a funding block's lines).
        var valueRow = Enumerable.Range(at, end - at + 1).FirstOrDefault(r => HasOther(rows[r], column), at);
        var first = rows[valueRow];
        var cells = (string[])first.Cells.Clone();
        cells[column] = found;
        joined = new RawRow(rows[at].Line, cells, first.IsSheetRow, first.Origins);
        used = end - at + 1;
        _rest.Clear();
        for (var r = at; r <= end; r++)
        {
            if (r != valueRow && HasOther(rows[r], column))
            {
                var rest = (string[])rows[r].Cells.Clone();
                rest[column] = "";
                _rest.Add(new RawRow(rows[r].Line, rest, rows[r].IsSheetRow, rows[r].Origins));
            }
        }

        return true;
    }

    [ThreadStatic]
    private static List<RawRow>? _restStore;

    private static List<RawRow> _rest => _restStore ??= [];

    private static bool HasOther(RawRow row, int column)
    {
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (c != column && !ChineseText.IsBlank(row.Cells[c]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A piece that is a label of its own and not a fragment of a longer one (年度 is both: a fragment).</summary>
    private static bool IsWholeLabel(string text) => FormVocabulary.Field(text) is not (FormField.None or FormField.Ignored)
        || IndicatorVocabulary.Labels.Any(l => l.Label == ChineseText.TrimSpace(text));

    private static bool Piece(string cell)
    {
        var text = ChineseText.TrimSpace(cell);
        return text.Length is > 0 and <= MaxPiece && !text.Any(char.IsDigit);
    }

    private static bool IsLabel(string text) =>
        FormVocabulary.Field(text) is not FormField.None || FormVocabulary.Column(text) is not GridColumn.None
        || FormVocabulary.Task(text) is not TaskColumn.None || FormVocabulary.Execution(text) is not ExecutionColumn.None
        || IndicatorVocabulary.Labels.Any(l => l.Label == ChineseText.TrimSpace(text));

    private static int FirstText(RawRow row)
    {
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (!ChineseText.IsBlank(row.Cells[c]))
            {
                return c;
            }
        }

        return -1;
    }
}
