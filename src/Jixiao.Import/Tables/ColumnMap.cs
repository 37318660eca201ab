using Jixiao.Domain.Documents;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>Which cell of a row holds which column, found from the header row's texts; -1 when absent.</summary>
internal sealed record ColumnMap(int Name, int Total, int FiscalAppropriation, int SpecialAccount, int OtherFunds, int Goal, int Indicators, int Width)
{
    private const int NameSlot = 0, TotalSlot = 1, FiscalSlot = 2, SpecialSlot = 3, OtherSlot = 4, GoalSlot = 5, IndicatorsSlot = 6;

    private static readonly string[] SlotNames = ["项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"];

    /// <summary>Header cells that were not recognised by name but placed by position: (column, text, the column they were taken as).</summary>
    public IReadOnlyList<(int Column, string Text, string TakenAs)> Inferred { get; init; } = [];

    public int Amount(FundingColumn column) => column switch
    {
        FundingColumn.Total => Total,
        FundingColumn.FiscalAppropriation => FiscalAppropriation,
        FundingColumn.SpecialAccount => SpecialAccount,
        FundingColumn.OtherFunds => OtherFunds,
    };

    public int LastAmountColumn => Math.Max(Math.Max(Name, Total), Math.Max(Math.Max(FiscalAppropriation, SpecialAccount), OtherFunds));

    /// <summary>
    /// The column map when <paramref name="cells"/> is a header row: three known column names, and a name
    /// column. A cell whose name is not recognised (damaged, or worded otherwise) is taken by its position
    /// when the known names stand in the published order around it, so one damaged header cell does not
    /// lose the table (<see cref="Inferred"/> lists them).
    /// </summary>
    public static ColumnMap? TryDetect(string[] cells)
    {
        Span<int> slots = [-1, -1, -1, -1, -1, -1, -1];
        if (Match(cells, slots) < 3)
        {
            return null;
        }

        var inferred = new List<(int, string, string)>();
        if (slots[NameSlot] < 0 || slots[IndicatorsSlot] < 0 || cells.Any(c => FusedAt(c) > 0))
        {
            // Not a whole header as it stands: mend it as a damaged one would be, then place what is left by position.
            var mended = Mend(cells);
            if (!ReferenceEquals(mended, cells))
            {
                cells = mended;
                slots.Fill(-1);
                Match(cells, slots);
            }

            inferred = InferByPosition(cells, slots);
        }

        var last = -1;
        foreach (var column in slots)
        {
            last = Math.Max(last, column);
        }

        return slots[NameSlot] >= 0
            ? new ColumnMap(slots[NameSlot], slots[TotalSlot], slots[FiscalSlot], slots[SpecialSlot], slots[OtherSlot], slots[GoalSlot], slots[IndicatorsSlot], last + 1) { Inferred = inferred }
            : null;
    }

    /// <summary>Puts each cell with a known column name in its slot (the first such cell wins); returns how many slots were filled.</summary>
    private static int Match(string[] cells, Span<int> slots)
    {
        var known = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            var slot = SlotOf(cells[c]);
            if (slot >= 0 && slots[slot] < 0)
            {
                slots[slot] = c;
                known++;
            }
        }

        return known;
    }

    /// <summary>
    /// The header cells as they were before damage: a cell that holds two column names (the separator
    /// between them lost) becomes two, and where one name is missing between two known columns (or a
    /// known column and the row's end), a run of unrecognised cells there (one cell split by a stray
    /// separator) becomes one. The same array when nothing needed mending.
    /// </summary>
    private static string[] Mend(string[] cells)
    {
        var split = new List<string>();
        foreach (var cell in cells)
        {
            var cut = FusedAt(cell);
            if (cut > 0)
            {
                split.Add(cell[..cut]);
                split.Add(cell[cut..]);
            }
            else
            {
                split.Add(cell);
            }
        }

        var mended = split.Count != cells.Length ? [.. split] : cells;
        while (JoinFragments(mended) is { } joined)
        {
            mended = joined;
        }

        return mended;
    }

    /// <summary>Where a cell holding two column names (<c>绩效目标绩效指标</c>) is to be cut in two; -1 when it holds one or none.</summary>
    private static int FusedAt(string cell)
    {
        if (cell.Length < 4 || cell.Length > 40)
        {
            return -1;
        }

        foreach (var name in SlotNames)
        {
            var at = cell.IndexOf(name, StringComparison.Ordinal);
            if (at > 0 && SlotOf(cell[..at]) is var before and >= 0 && SlotOf(cell[at..]) is var after and >= 0 && before != after)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>How good a header <paramref name="cells"/> make: the column names known, less the cells left unrecognised.</summary>
    public static int Quality(string[] cells)
    {
        var known = 0;
        var unknown = 0;
        foreach (var cell in cells)
        {
            if (SlotOf(cell) >= 0)
            {
                known++;
            }
            else if (!ChineseText.IsBlank(cell))
            {
                unknown++;
            }
        }

        return (known * 100) - unknown;
    }

    /// <summary>The cells with one run of unrecognised cells joined where exactly one column name is missing; null when there is none.</summary>
    private static string[]? JoinFragments(string[] cells)
    {
        Span<int> found = [-1, -1, -1, -1, -1, -1, -1];
        Match(cells, found);
        var lowSlot = -1;
        var lowColumn = -1;
        for (var s = 0; s <= found.Length; s++)
        {
            if (s < found.Length && found[s] < 0)
            {
                continue;
            }

            var highColumn = s < found.Length ? found[s] : LastNonBlank(cells) + 1;
            if (highColumn < lowColumn)
            {
                return null;
            }

            var free = new List<int>();
            for (var c = lowColumn + 1; c < highColumn; c++)
            {
                if (IsFree(cells[c]))
                {
                    free.Add(c);
                }
            }

            if (s - lowSlot - 1 == 1 && free.Count >= 2 && free[^1] - free[0] == free.Count - 1)
            {
                return [.. cells[..free[0]], string.Concat(cells[free[0]..(free[^1] + 1)]), .. cells[(free[^1] + 1)..]];
            }

            lowSlot = s;
            lowColumn = highColumn;
        }

        return null;
    }

    /// <summary>
    /// Fills missing slots from unrecognised, non-blank cells, where the recognised ones stand in the
    /// published order (名称, 总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标, 绩效指标) and, between two
    /// recognised columns (or the row's ends), the missing slots and the unrecognised cells are as many.
    /// </summary>
    private static List<(int Column, string Text, string TakenAs)> InferByPosition(string[] cells, Span<int> slots)
    {
        var result = new List<(int, string, string)>();
        var previousColumn = -1;
        for (var s = 0; s < slots.Length; s++)
        {
            if (slots[s] >= 0)
            {
                if (slots[s] < previousColumn)
                {
                    return [];
                }

                previousColumn = slots[s];
            }
        }

        var lowSlot = -1;
        var lowColumn = -1;
        for (var s = 0; s <= slots.Length; s++)
        {
            if (s < slots.Length && slots[s] < 0)
            {
                continue;
            }

            var highColumn = s < slots.Length ? slots[s] : LastNonBlank(cells) + 1;
            var missing = new List<int>();
            for (var m = lowSlot + 1; m < s; m++)
            {
                missing.Add(m);
            }

            var free = new List<int>();
            for (var c = lowColumn + 1; c < highColumn; c++)
            {
                if (IsFree(cells[c]))
                {
                    free.Add(c);
                }
            }

            if (missing.Count > 0 && missing.Count == free.Count)
            {
                for (var k = 0; k < missing.Count; k++)
                {
                    slots[missing[k]] = free[k];
                    result.Add((free[k], ChineseText.Excerpt(cells[free[k]]), SlotNames[missing[k]]));
                }
            }

            lowSlot = s;
            lowColumn = highColumn;
        }

        return result;
    }

    /// <summary>True when one of <paramref name="cells"/> is a known column name: a row that may be part of a header.</summary>
    public static bool NamesAnyColumn(string[] cells) => cells.Any(c => SlotOf(c) >= 0);

    /// <summary>A cell that could be a header name nobody recognised: not blank, not a known name, not an amount.</summary>
    private static bool IsFree(string cell) =>
        !ChineseText.IsBlank(cell) && SlotOf(cell) < 0 && AmountParser.Parse(cell, Domain.Amounts.AmountUnit.WanYuan, out _) != AmountParser.Outcome.Amount;

    private static int LastNonBlank(string[] cells)
    {
        for (var c = cells.Length - 1; c >= 0; c--)
        {
            if (!ChineseText.IsBlank(cells[c]))
            {
                return c;
            }
        }

        return -1;
    }

    private static int SlotOf(string cell)
    {
        if (cell.Length == 0 || cell.Length > 40)
        {
            return -1;
        }

        var text = ChineseText.Normalize(cell).Replace(" ", "", StringComparison.Ordinal);
        if (text.StartsWith("项目名称", StringComparison.Ordinal) || text is "项目" or "名称")
        {
            return NameSlot;
        }

        if (text is "总计" or "合计" or "资金总额" or "年度资金总额" || text.StartsWith("总计", StringComparison.Ordinal))
        {
            return TotalSlot;
        }

        if (text.Contains("财政专户", StringComparison.Ordinal))
        {
            return SpecialSlot;
        }

        if (text.StartsWith("财政拨款", StringComparison.Ordinal))
        {
            return FiscalSlot;
        }

        if (text.StartsWith("其他资金", StringComparison.Ordinal))
        {
            return OtherSlot;
        }

        if ((text.Contains("绩效目标", StringComparison.Ordinal) || text is "年度目标" or "总体目标") && !text.Contains("目标表", StringComparison.Ordinal))
        {
            return GoalSlot;
        }

        return text.Contains("绩效指标", StringComparison.Ordinal) || text == "指标" ? IndicatorsSlot : -1;
    }
}
