using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// Reads an amount cell such as <c>1,600.00</c> or <c>１５２．４９</c>; blank and dashes mean none. Used by
/// the table reader and by every form or API field that takes an amount, so they accept the same text.
/// </summary>
public static class AmountParser
{
    /// <summary>What a cell held.</summary>
    public enum Outcome
    {
        /// <summary>Blank or a dash: no money from that source.</summary>
        None,

        /// <summary>An amount, in <c>money</c>.</summary>
        Amount,

        /// <summary>Not a number (letters, two decimal points…).</summary>
        NotANumber,

        /// <summary>A number finer than a fen in the given unit, or too large.</summary>
        TooPrecise,
    }

    /// <summary>Reads <paramref name="cell"/> as an amount in <paramref name="unit"/>.</summary>
    public static Outcome Parse(string cell, AmountUnit unit, out Money money)
    {
        ArgumentNullException.ThrowIfNull(cell);
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
