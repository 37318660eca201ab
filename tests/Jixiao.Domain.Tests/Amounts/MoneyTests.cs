using Jixiao.Domain.Amounts;

namespace Jixiao.Domain.Tests.Amounts;

public class MoneyTests
{
    [Theory]
    [InlineData("11469.28", 11_469_280_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("152.49", 152_490_000L)]
    [InlineData("0", 0L)]
    [InlineData("-3.5", -3_500_000L)]
    public void FromWanYuan_SixDecimalsOrFewer_IsExactInFen(string wanYuan, long fen) =>
        Assert.Equal(fen, Money.FromWanYuan(decimal.Parse(wanYuan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void TryFromWanYuan_FinerThanAFen_Fails()
    {
        Assert.False(Money.TryFromWanYuan(0.0000001m, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromWanYuan(1.1234567m));
    }

    [Fact]
    public void TryFromYuan_ThirdDecimal_Fails()
    {
        Assert.True(Money.TryFromYuan(125000.05m, out var money));
        Assert.Equal(12_500_005L, money.Fen);
        Assert.False(Money.TryFromYuan(1.005m, out _));
    }

    [Fact]
    public void TryFrom_Overflow_FailsInsteadOfThrowing() =>
        Assert.False(Money.TryFromWanYuan(decimal.MaxValue, out _));

    [Fact]
    public void Sum_OfPrintedAmounts_HasNoFloatingPointDrift()
    {
        var sum = Money.FromWanYuan(0.1m) + Money.FromWanYuan(0.2m);
        Assert.Equal(Money.FromWanYuan(0.3m), sum);
        Assert.Equal(0.3m, sum.ToWanYuan());
    }

    [Theory]
    [InlineData("1600.00", "1600")]
    [InlineData("152.490000", "152.49")]
    public void ToWanYuan_DropsTrailingZeros(string printed, string expected) =>
        Assert.Equal(expected, Money.FromWanYuan(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture)).ToWanYuan().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("11469.28", "11,469.28")]
    [InlineData("1600", "1,600.00")]
    [InlineData("0.123456", "0.123456")]
    public void Format_PrintsAsTablesDo(string wanYuan, string expected) =>
        Assert.Equal(expected, Money.FromWanYuan(decimal.Parse(wanYuan, System.Globalization.CultureInfo.InvariantCulture)).Format(AmountUnit.WanYuan));
}
