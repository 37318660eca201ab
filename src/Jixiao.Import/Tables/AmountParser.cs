using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>Reads an amount cell such as <c>1,600.00</c> or <c>１５２．４９</c>; blank and dashes mean none.</summary>
internal static class AmountParser
{
    public enum Outcome
    {
        None,
        Amount,
        NotANumber,
        TooPrecise,
    }

    public static Outcome Parse(string cell, AmountUnit unit, out Money money)
    {
        money = default;
        var text = ChineseText.TrimSpace(ChineseText.Normalize(cell));
        if (text.Length == 0 || text is "-" or "—" or "--" or "/" or "－")
        {
            return Outcome.None;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (c == ',' || ChineseText.IsSpace(c))
            {
                continue;
            }

            if (length == buffer.Length || !(ChineseText.IsDigit(c) || c is '.' or '-'))
            {
                return Outcome.NotANumber;
            }

            buffer[length++] = c;
        }

        if (!decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return Outcome.NotANumber;
        }

        return Money.TryFrom(value, unit, out money) ? Outcome.Amount : Outcome.TooPrecise;
    }
}
