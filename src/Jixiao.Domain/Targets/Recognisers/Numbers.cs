using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Where a mention starts: a number written in digits (<c>1,250.5</c>), <c>百分之95</c>, or a small Chinese
/// numeral right after a comparator word (<c>不少于两次</c>, never in running text).
/// </summary>
internal static class Numbers
{
    private const int MaxDigits = 20;

    /// <summary>Chinese numerals accepted after a comparator word.</summary>
    public static IReadOnlyDictionary<char, int> ChineseDigits { get; } = new Dictionary<char, int>
    {
        ['零'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4,
        ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    /// <summary>Digits or Chinese numerals anywhere: without them there is nothing to scan for.</summary>
    public static bool MayHoldNumber(string text)
    {
        foreach (var c in text)
        {
            if (ChineseText.IsDigit(c) || c is '十' or '百' || ChineseDigits.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The mention whose number starts at <paramref name="i"/>, its position just past the number; false
    /// with where to look next when no number starts there (or it is part of an identifier such as <c>v2.1</c>).
    /// </summary>
    public static bool TryStart(string s, int i, out Draft draft, out int resume)
    {
        draft = default;
        resume = i + 1;
        var c = s[i];
        decimal value;
        int end;
        var percent = false;
        if (ChineseText.IsDigit(c))
        {
            if ((i > 0 && (ChineseText.IsAsciiLetter(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '_')) || !TryReadDigits(s, i, out value, out end))
            {
                resume = Scanning.SkipIdentifier(s, i);
                return false;
            }
        }
        else if (c == '百' && Scanning.At(s, i, "百分之") && i + 3 < s.Length && ChineseText.IsDigit(s[i + 3]))
        {
            if (!TryReadDigits(s, i + 3, out value, out end))
            {
                resume = i + 3;
                return false;
            }

            percent = true;
        }
        else if ((ChineseDigits.ContainsKey(c) || c == '十') && ComparatorWords.EndsBefore(s, i) && TryReadChinese(s, i, out value, out end))
        {
            // A Chinese numeral right after a comparator word.
        }
        else
        {
            return false;
        }

        draft = new Draft { Mention = new Mention { Start = i, Unit = percent ? "%" : "" }, Value = value, Position = end };
        return true;
    }

    private static bool TryReadDigits(string s, int i, out decimal value, out int end)
    {
        var digits = 0;
        var j = i;
        Span<char> buffer = stackalloc char[MaxDigits + 2];
        var length = 0;
        while (j < s.Length)
        {
            var c = s[j];
            if (ChineseText.IsDigit(c))
            {
                if (++digits > MaxDigits)
                {
                    break;
                }

                buffer[length++] = c;
                j++;
            }
            else if (c == ',' && length > 0 && j + 3 < s.Length + 0 && IsThreeDigitGroup(s, j + 1))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        if (digits > MaxDigits)
        {
            value = 0;
            end = j;
            return false;
        }

        if (j + 1 < s.Length && s[j] == '.' && ChineseText.IsDigit(s[j + 1]))
        {
            buffer[length++] = '.';
            j++;
            while (j < s.Length && ChineseText.IsDigit(s[j]))
            {
                if (++digits > MaxDigits)
                {
                    value = 0;
                    end = j;
                    return false;
                }

                buffer[length++] = s[j];
                j++;
            }
        }

        end = j;
        return decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsThreeDigitGroup(string s, int at) =>
        at + 3 <= s.Length
        && ChineseText.IsDigit(s[at]) && ChineseText.IsDigit(s[at + 1]) && ChineseText.IsDigit(s[at + 2])
        && (at + 3 == s.Length || !ChineseText.IsDigit(s[at + 3]));

    /// <summary>Small Chinese numbers only: 两, 十二, 二十, 三十五, 一百.</summary>
    private static bool TryReadChinese(string s, int i, out decimal value, out int end)
    {
        var total = 0;
        var current = 0;
        var j = i;
        while (j < s.Length)
        {
            var c = s[j];
            if (ChineseDigits.TryGetValue(c, out var digit))
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                break;
            }

            j++;
        }

        value = total + current;
        end = j;
        return j > i;
    }
}
