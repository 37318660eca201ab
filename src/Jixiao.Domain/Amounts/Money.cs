using System.Globalization;

namespace Jixiao.Domain.Amounts;

/// <summary>
/// An exact amount of money held as a whole number of fen (分, 0.01 yuan). One 万元 is 1,000,000 fen,
/// so an amount printed in 万元 with up to six decimals is represented exactly. <c>default</c> is zero.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>Fen in one yuan.</summary>
    public const long FenPerYuan = 100;

    /// <summary>Fen in one 万元 (10,000 yuan).</summary>
    public const long FenPerWanYuan = 1_000_000;

    /// <summary>Zero fen.</summary>
    public static Money Zero => default;

    /// <summary>Converts an amount in 万元; throws when it is not a whole number of fen (more than six decimals).</summary>
    public static Money FromWanYuan(decimal wanYuan) =>
        TryFromWanYuan(wanYuan, out var money)
            ? money
            : throw new ArgumentOutOfRangeException(nameof(wanYuan), wanYuan, "Not a whole number of fen.");

    /// <summary>Converts an amount in yuan; throws when it is not a whole number of fen (more than two decimals).</summary>
    public static Money FromYuan(decimal yuan) =>
        TryFromYuan(yuan, out var money)
            ? money
            : throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "Not a whole number of fen.");

    /// <summary>Converts an amount in 万元 when it is a whole number of fen and fits in 64 bits.</summary>
    public static bool TryFromWanYuan(decimal wanYuan, out Money money) => TryScale(wanYuan, FenPerWanYuan, out money);

    /// <summary>Converts an amount in yuan when it is a whole number of fen and fits in 64 bits.</summary>
    public static bool TryFromYuan(decimal yuan, out Money money) => TryScale(yuan, FenPerYuan, out money);

    /// <summary>Converts an amount printed in <paramref name="unit"/>.</summary>
    public static bool TryFrom(decimal amount, AmountUnit unit, out Money money) =>
        unit switch
        {
            AmountUnit.WanYuan => TryFromWanYuan(amount, out money),
            AmountUnit.Yuan => TryFromYuan(amount, out money),
        };

    private static bool TryScale(decimal amount, long factor, out Money money)
    {
        money = default;
        // 9.2e18 fen is far above any public budget; beyond it the long would overflow.
        if (Math.Abs(amount) > long.MaxValue / factor)
        {
            return false;
        }

        var fen = amount * factor;
        if (fen != decimal.Truncate(fen))
        {
            return false;
        }

        money = new Money((long)fen);
        return true;
    }

    /// <summary>The amount in 万元, exact, without trailing zeros (152.49, 1600).</summary>
    public decimal ToWanYuan() => Normalize((decimal)Fen / FenPerWanYuan);

    /// <summary>The amount in yuan, exact, without trailing zeros.</summary>
    public decimal ToYuan() => Normalize((decimal)Fen / FenPerYuan);

    /// <summary>The amount expressed in <paramref name="unit"/>, exact, without trailing zeros.</summary>
    public decimal To(AmountUnit unit) => unit switch
    {
        AmountUnit.WanYuan => ToWanYuan(),
        AmountUnit.Yuan => ToYuan(),
    };

    /// <summary>Formats in <paramref name="unit"/> with thousands separators and two decimals at least, as tables print it.</summary>
    public string Format(AmountUnit unit)
    {
        var value = To(unit);
        var decimals = Math.Max(2, (int)((decimal.GetBits(value)[3] >> 16) & 0xFF));
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Sum; throws on overflow.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Difference; throws on overflow.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Less than.</summary>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Greater than.</summary>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>The amount in 万元, invariant culture.</summary>
    public override string ToString() => ToWanYuan().ToString(CultureInfo.InvariantCulture) + " 万元";
}

/// <summary>The unit amounts are printed in (单位：万元 or 单位：元).</summary>
public enum AmountUnit
{
    /// <summary>万元, 10,000 yuan: the usual unit of published tables.</summary>
    WanYuan,

    /// <summary>元.</summary>
    Yuan,
}
