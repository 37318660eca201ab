using Jixiao.Domain.Documents;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>Which cell of a row holds which column, found from the header row's texts; -1 when absent.</summary>
internal sealed record ColumnMap(int Name, int Total, int FiscalAppropriation, int SpecialAccount, int OtherFunds, int Goal, int Indicators, int Width)
{
    private const int NameSlot = 0, TotalSlot = 1, FiscalSlot = 2, SpecialSlot = 3, OtherSlot = 4, GoalSlot = 5, IndicatorsSlot = 6;

    public int Amount(FundingColumn column) => column switch
    {
        FundingColumn.Total => Total,
        FundingColumn.FiscalAppropriation => FiscalAppropriation,
        FundingColumn.SpecialAccount => SpecialAccount,
        FundingColumn.OtherFunds => OtherFunds,
    };

    public int LastAmountColumn => Math.Max(Math.Max(Name, Total), Math.Max(Math.Max(FiscalAppropriation, SpecialAccount), OtherFunds));

    /// <summary>The column map when <paramref name="cells"/> is a header row: a name column and two more known columns.</summary>
    public static ColumnMap? TryDetect(string[] cells)
    {
        Span<int> slots = [-1, -1, -1, -1, -1, -1, -1];
        var known = 0;
        var last = -1;
        for (var c = 0; c < cells.Length; c++)
        {
            var slot = SlotOf(cells[c]);
            if (slot < 0 || slots[slot] >= 0)
            {
                continue;
            }

            slots[slot] = c;
            known++;
            last = c;
        }

        return slots[NameSlot] >= 0 && known >= 3
            ? new ColumnMap(slots[NameSlot], slots[TotalSlot], slots[FiscalSlot], slots[SpecialSlot], slots[OtherSlot], slots[GoalSlot], slots[IndicatorsSlot], last + 1)
            : null;
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
