using System.Globalization;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Rows;

/// <summary>
/// One row of cells as a source presents it, before any meaning is given to it: a text line split on
/// tabs, a CSV record, or a sheet row made dense from column A.
/// </summary>
/// <param name="Line">1-based line of the file, or 1-based sheet row.</param>
/// <param name="Cells">The cell texts, untrimmed.</param>
/// <param name="IsSheetRow">True for a spreadsheet row: cells are then named by reference (<c>B12</c>), and a row is sparse by nature.</param>
/// <param name="Origins">Where each cell's text came from when the source merges cells (parallel to <paramref name="Cells"/>); null when none is merged.</param>
internal sealed record RawRow(int Line, string[] Cells, bool IsSheetRow = false, CellOrigin[]? Origins = null)
{
    /// <summary>Where the text of cell <paramref name="column"/> came from.</summary>
    public CellOrigin Origin(int column) => Origins is not null && column < Origins.Length ? Origins[column] : CellOrigin.Own;

    /// <summary>True when cell <paramref name="column"/> holds its own text (not a copy from a merged range), and is not blank.</summary>
    public bool HasOwnText(int column) => Origin(column) == CellOrigin.Own && column < Cells.Length && !Domain.Text.ChineseText.IsBlank(Cells[column]);

    /// <summary>Most cells a row keeps, as many columns as a spreadsheet has; cells past it are dropped where the row is split.</summary>
    public const int MaxCells = 16_384;

    public SourceLocation RowLocation => new(Line);

    public SourceLocation CellLocation(int column) =>
        new(Line, column + 1, IsSheetRow ? ColumnName(column) + Line.ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>The sheet column name of a 0-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        Span<char> name = stackalloc char[8];
        var at = name.Length;
        index++;
        while (index > 0 && at > 0)
        {
            var rem = (index - 1) % 26;
            name[--at] = (char)('A' + rem);
            index = (index - 1) / 26;
        }

        return new string(name[at..]);
    }
}

/// <summary>Where a cell's text came from, for cells of merged ranges (or <c>rowspan</c>/<c>colspan</c>, <c>gridSpan</c>/<c>vMerge</c>).</summary>
internal enum CellOrigin
{
    /// <summary>The cell's own text (the first cell of a merged range, or a cell not merged).</summary>
    Own,

    /// <summary>Copied from the cell to its left in the same merged range.</summary>
    Left,

    /// <summary>Copied from the cell above in the same merged range.</summary>
    Above,
}
