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
        var furniture = 0;
        var furnitureNote = -1;
        string? firstFurniture = null;
        int? furnitureLine = null;
        foreach (var row in Furnished(rows))
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

        IEnumerable<RawRow> Furnished(IEnumerable<RawRow> all)
        {
            foreach (var row in all)
            {
                if (PageFurniture.Is(row))
                {
                    furniture++;
                    firstFurniture ??= ChineseText.Excerpt(row.Cells.First(c => !ChineseText.IsBlank(c)).Trim());
                    furnitureLine ??= row.Line;
                    // One note, its count kept current where it stands (diagnostics are only appended while rows stream).
                    var note = Messages.TextFurniture.At(new SourceLocation(furnitureLine), furniture, firstFurniture);
                    if (furnitureNote < 0)
                    {
                        furnitureNote = diagnostics.Count;
                        diagnostics.Add(note);
                    }
                    else
                    {
                        diagnostics[furnitureNote] = note;
                    }
                    yield return new RawRow(row.Line, [""]);
                    continue;
                }

                yield return row;
            }
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

/// <summary>
/// Rows that are the page, not the table (layouts.md §3): page numbers (<c>第 2 页 共 5 页</c>, <c>- 3 -</c>,
/// <c>2/5</c>), and a web page's furniture (扫一扫, 打印本页, 关闭窗口, 当前位置, 字号 大 中 小, 分享到).
/// Only a row whose one cell is such text counts; it becomes a blank row, as a page break is.
/// </summary>
internal static class PageFurniture
{
    private static readonly System.Text.RegularExpressions.Regex PageNumber = new(
        @"^(?:第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] WebWords =
    [
        "扫一扫", "打印本页", "关闭窗口", "当前位置", "您所在的位置", "您现在的位置", "字号：", "字体：", "【大】", "【大 中 小】", "分享到",
        "在手机上打开", "在手机打开", "【打印】", "【关闭】", "返回顶部", "网站地图", "版权所有", "ICP备",
    ];

    public static bool Is(RawRow row)
    {
        string? only = null;
        foreach (var cell in row.Cells)
        {
            if (ChineseText.IsBlank(cell))
            {
                continue;
            }

            if (only is not null)
            {
                return false;
            }

            only = cell;
        }

        if (only is null || only.Length > 120)
        {
            return false;
        }

        var text = ChineseText.TrimSpace(ChineseText.Normalize(only));
        if (PageNumber.IsMatch(text))
        {
            return true;
        }

        foreach (var word in WebWords)
        {
            if (text.Contains(ChineseText.Normalize(word), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
