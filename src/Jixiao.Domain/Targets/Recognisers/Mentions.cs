using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>A number found in a target with what surrounds it.</summary>
internal struct Mention
{
    /// <summary>The first character of the prefix comparator, period or number.</summary>
    public int Start;

    /// <summary>Just past the suffix comparator.</summary>
    public int End;

    public decimal Value;
    public string Unit;
    public string? Period;
    public Comparator? Written;

    /// <summary>The low end of a range (<c>90%</c> of <c>90%-95%</c>).</summary>
    public bool RangeLow;

    /// <summary>The high end of a range.</summary>
    public bool RangeHigh;
}

/// <summary>A mention while the recognisers read it.</summary>
internal struct Draft
{
    /// <summary>The mention as read so far.</summary>
    public Mention Mention;

    /// <summary>Just past what has been read; where scanning goes on after the mention (or after a rejected one).</summary>
    public int Position;

    /// <summary>The number, with 万 and 亿 applied.</summary>
    public decimal Value;

    /// <summary>Just past the number and its unit, before any suffix comparator.</summary>
    public int AfterUnit;

    /// <summary><c>多</c> or <c>余</c> after the number: more than it.</summary>
    public bool More;
}

/// <summary>What a recogniser decided about a mention.</summary>
internal enum Reading
{
    /// <summary>Read on with the next recogniser.</summary>
    Go,

    /// <summary>Not a quantity (an identifier, a date, an overflow): scanning goes on at <see cref="Draft.Position"/>.</summary>
    Reject,
}

/// <summary>One step of reading what surrounds a number; <paramref name="before"/> are the mentions already read.</summary>
internal delegate Reading Recogniser(string text, ref Draft draft, List<Mention> before);

/// <summary>Small helpers the recognisers share.</summary>
internal static class Scanning
{
    public static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && ChineseText.IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    public static int SkipIdentifier(string s, int i)
    {
        while (i < s.Length && (ChineseText.IsDigit(s[i]) || ChineseText.IsAsciiLetter(s[i]) || s[i] is '.' or '_' or '-'))
        {
            i++;
        }

        return i;
    }

    public static bool At(string s, int i, string word) =>
        i >= 0 && i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

    /// <summary>Words matched at a position are tried longest first, so <c>不少于</c> wins over <c>少于</c> and <c>分钟</c> over <c>分</c>.</summary>
    public static IReadOnlyList<string> LongestFirst(string[] words) =>
        [.. words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];

    /// <inheritdoc cref="LongestFirst(string[])"/>
    public static IReadOnlyList<(string, T)> LongestFirst<T>((string, T)[] words) =>
        [.. words.OrderByDescending(w => w.Item1.Length).ThenBy(w => w.Item1, StringComparer.Ordinal)];
}
