using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Rows;

/// <summary>
/// One row of cells as a source presents it, before any meaning is given to it: a text line split on
/// tabs, a CSV record, or a sheet row made dense from column A.
/// </summary>
/// <param name="Line">1-based line of the file, or 1-based sheet row.</param>
/// <param name="Cells">The cell texts, untrimmed.</param>
/// <param name="CellRefs">Sheet references (<c>B12</c>) parallel to <paramref name="Cells"/>, null for text sources.</param>
internal sealed record RawRow(int Line, string[] Cells, string[]? CellRefs = null)
{
    public SourceLocation RowLocation => new(Line);

    public SourceLocation CellLocation(int column) =>
        new(Line, column + 1, CellRefs is not null && column < CellRefs.Length ? CellRefs[column] : null);
}
