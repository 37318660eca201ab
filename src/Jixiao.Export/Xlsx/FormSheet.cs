namespace Jixiao.Export.Xlsx;

/// <summary>
/// One sheet of an official report form (自评表, 监控表…) written row by row in the form styles of
/// <see cref="SheetWriter.FormStyles"/>: the title across the form, the project line, blocks of cells,
/// indicators grouped under a merged first cell; the merges and an A4 landscape page are written when it is disposed.
/// </summary>
public sealed class FormSheet : IDisposable
{
    public const int Title = 1;
    public const int Header = 2;
    public const int Text = 3;
    public const int Number = 4;
    public const int Percent = 5;
    public const int Bold = 6;

    private readonly SheetWriter _sheet;
    private readonly List<string> _merges = [];
    private readonly int _columns;

    /// <summary>Starts the sheet <paramref name="name"/> with one column per width.</summary>
    public FormSheet(Stream stream, string name, IReadOnlyList<double> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        _sheet = new SheetWriter(stream, name, SheetWriter.FormStyles);
        _sheet.Views(frozenRows: 0);
        _sheet.Columns(widths);
        _columns = widths.Count;
    }

    /// <summary>The last row written, 1-based (0 before the first).</summary>
    public int Row { get; private set; }

    /// <summary>Writes the next row.</summary>
    public void Next(IEnumerable<(object? Value, int Style)> cells)
    {
        Row++;
        _sheet.Row(Row, cells);
    }

    /// <summary>Leaves a row blank.</summary>
    public void Skip() => Row++;

    /// <summary>Merges the cells from (<paramref name="fromRow"/>, <paramref name="fromColumn"/>) to (<paramref name="toRow"/>, <paramref name="toColumn"/>); 0 for the last column.</summary>
    public void Merge(int fromRow, int fromColumn, int toRow, int toColumn) =>
        _merges.Add(SheetWriter.Range(fromRow, fromColumn, toRow, toColumn == 0 ? _columns : toColumn));

    /// <summary>The form's title across all its columns.</summary>
    public void TitleRow(string title)
    {
        Next([(title, Title)]);
        Merge(Row, 1, Row, 0);
    }

    /// <summary>项目名称 (three columns) and 实施单位 (the rest of the row).</summary>
    public void ProjectRow(string project, string unit)
    {
        Next([("项目名称", Header), (project, Text), (null, Text), (null, Text), ("实施单位", Header), (unit, Text)]);
        Merge(Row, 2, Row, 4);
        Merge(Row, 6, Row, 0);
    }

    /// <summary>One row per item, the group's label in the first cell of its first row, merged down the group.</summary>
    public void Grouped<TKey, T>(IEnumerable<IGrouping<TKey, T>> groups, Func<IGrouping<TKey, T>, string> label, Func<T, IEnumerable<(object? Value, int Style)>> cells)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var group in groups)
        {
            var first = Row + 1;
            foreach (var item in group)
            {
                Next([(Row + 1 == first ? label(group) : null, Text), .. cells(item)]);
            }

            if (Row > first)
            {
                Merge(first, 1, Row, 1);
            }
        }
    }

    public void Dispose()
    {
        _sheet.Merges(_merges);
        _sheet.PageSetup(landscape: true);
        _sheet.Dispose();
    }
}
