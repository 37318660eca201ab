using Jixiao.Domain.Amounts;

namespace Jixiao.Domain.Documents;

/// <summary>
/// The four amounts of a row. Null is a blank cell: no money from that source, which is not the same
/// as a printed 0.00.
/// </summary>
/// <param name="Total">总计.</param>
/// <param name="FiscalAppropriation">财政拨款.</param>
/// <param name="SpecialAccount">财政专户拨款.</param>
/// <param name="OtherFunds">其他资金.</param>
public sealed record Funding(Money? Total, Money? FiscalAppropriation, Money? SpecialAccount, Money? OtherFunds)
{
    /// <summary>No amounts at all.</summary>
    public static Funding None { get; } = new(null, null, null, null);

    /// <summary>财政拨款 + 财政专户拨款 + 其他资金, blanks counted as zero; null when all three are blank.</summary>
    public Money? SumOfSources =>
        FiscalAppropriation is null && SpecialAccount is null && OtherFunds is null
            ? null
            : (FiscalAppropriation ?? Money.Zero) + (SpecialAccount ?? Money.Zero) + (OtherFunds ?? Money.Zero);
}

/// <summary>The four funding columns, in table order.</summary>
public enum FundingColumn
{
    /// <summary>总计.</summary>
    Total,

    /// <summary>财政拨款.</summary>
    FiscalAppropriation,

    /// <summary>财政专户拨款.</summary>
    SpecialAccount,

    /// <summary>其他资金.</summary>
    OtherFunds,
}

/// <summary>Chinese headers of the funding columns.</summary>
public static class FundingColumns
{
    /// <summary>The columns in table order.</summary>
    public static IReadOnlyList<FundingColumn> All { get; } =
        [FundingColumn.Total, FundingColumn.FiscalAppropriation, FundingColumn.SpecialAccount, FundingColumn.OtherFunds];

    /// <summary>总计, 财政拨款, 财政专户拨款, 其他资金.</summary>
    public static string Chinese(this FundingColumn column) => column switch
    {
        FundingColumn.Total => "总计",
        FundingColumn.FiscalAppropriation => "财政拨款",
        FundingColumn.SpecialAccount => "财政专户拨款",
        FundingColumn.OtherFunds => "其他资金",
    };

    /// <summary>The amount of <paramref name="column"/> in <paramref name="funding"/>.</summary>
    public static Money? Get(this Funding funding, FundingColumn column)
    {
        ArgumentNullException.ThrowIfNull(funding);
        return column switch
        {
            FundingColumn.Total => funding.Total,
            FundingColumn.FiscalAppropriation => funding.FiscalAppropriation,
            FundingColumn.SpecialAccount => funding.SpecialAccount,
            FundingColumn.OtherFunds => funding.OtherFunds,
        };
    }
}
