using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Comparators: words and symbols before the number (<c>≥</c>, <c>不少于</c>, <c>控制在</c>) and after it
/// and its unit (<c>以上</c>, <c>以内</c>, <c>左右</c>, with <c>(含)</c>); <c>多</c> after a number with no
/// other comparator means more than it.
/// </summary>
internal static class ComparatorWords
{
    /// <summary>Comparator words and symbols written before the number.</summary>
    public static IReadOnlyList<(string Word, Comparator Comparator)> Before { get; } = Scanning.LongestFirst(
    [
        (">=", Comparator.GreaterOrEqual), ("≥", Comparator.GreaterOrEqual), ("=>", Comparator.GreaterOrEqual),
        ("大于等于", Comparator.GreaterOrEqual), ("大于或等于", Comparator.GreaterOrEqual), ("不少于", Comparator.GreaterOrEqual),
        ("不低于", Comparator.GreaterOrEqual), ("不小于", Comparator.GreaterOrEqual), ("不下于", Comparator.GreaterOrEqual),
        ("至少", Comparator.GreaterOrEqual), ("最少", Comparator.GreaterOrEqual),
        ("最低", Comparator.GreaterOrEqual), ("达到", Comparator.GreaterOrEqual), ("达", Comparator.GreaterOrEqual),
        ("≮", Comparator.GreaterOrEqual),
        ("<=", Comparator.LessOrEqual), ("≤", Comparator.LessOrEqual), ("=<", Comparator.LessOrEqual),
        ("小于等于", Comparator.LessOrEqual), ("小于或等于", Comparator.LessOrEqual), ("不超过", Comparator.LessOrEqual),
        ("不超出", Comparator.LessOrEqual), ("不高于", Comparator.LessOrEqual), ("不大于", Comparator.LessOrEqual),
        ("不多于", Comparator.LessOrEqual), ("未超过", Comparator.LessOrEqual), ("至多", Comparator.LessOrEqual),
        ("最多", Comparator.LessOrEqual), ("最高", Comparator.LessOrEqual), ("控制在", Comparator.LessOrEqual),
        ("≯", Comparator.LessOrEqual),
        (">", Comparator.Greater), ("大于", Comparator.Greater), ("高于", Comparator.Greater), ("超过", Comparator.Greater),
        ("多于", Comparator.Greater), ("逾", Comparator.Greater),
        ("<", Comparator.Less), ("小于", Comparator.Less), ("低于", Comparator.Less), ("少于", Comparator.Less),
        ("不足", Comparator.Less), ("不到", Comparator.Less),
        ("~", Comparator.Approximately), ("≈", Comparator.Approximately), ("约", Comparator.Approximately),
        ("近", Comparator.Approximately), ("将近", Comparator.Approximately), ("接近", Comparator.Approximately),
        ("大约", Comparator.Approximately), ("约为", Comparator.Approximately),
        ("=", Comparator.Equal), ("==", Comparator.Equal), ("等于", Comparator.Equal), ("为", Comparator.Equal),
    ]);

    /// <summary>Comparator words written after the number and unit.</summary>
    public static IReadOnlyList<(string Word, Comparator Comparator)> After { get; } = Scanning.LongestFirst(
    [
        ("或以上", Comparator.GreaterOrEqual), ("及以上", Comparator.GreaterOrEqual), ("以上", Comparator.GreaterOrEqual),
        ("或更多", Comparator.GreaterOrEqual), ("或更高", Comparator.GreaterOrEqual),
        ("或以下", Comparator.LessOrEqual), ("及以下", Comparator.LessOrEqual), ("以下", Comparator.LessOrEqual),
        ("以内", Comparator.LessOrEqual), ("之内", Comparator.LessOrEqual), ("内", Comparator.LessOrEqual),
        ("或更少", Comparator.LessOrEqual), ("或更低", Comparator.LessOrEqual),
        ("左右", Comparator.Approximately), ("上下", Comparator.Approximately),
    ]);

    private static readonly KeywordSet BeforeSet = new(Before.Select(p => p.Word));

    private static readonly Dictionary<string, Comparator> BeforeComparators = Before.ToDictionary(p => p.Word, p => p.Comparator, StringComparer.Ordinal);

    private static readonly KeywordSet AfterSet = new(After.Select(p => p.Word));

    private static readonly Dictionary<string, Comparator> AfterComparators = After.ToDictionary(p => p.Word, p => p.Comparator, StringComparer.Ordinal);

    /// <summary>True when a comparator word ends (spaces aside) right before <paramref name="numberStart"/>.</summary>
    public static bool EndsBefore(string s, int numberStart) => FindBefore(s, numberStart, out _, out _);

    /// <summary>The comparator before the number, unless the number is the high end of a range (<c>90%-95%</c>).</summary>
    public static Reading ReadBefore(string s, ref Draft draft, List<Mention> before)
    {
        if (!draft.Mention.RangeHigh && FindBefore(s, draft.Mention.Start, out var start, out var comparator))
        {
            draft.Mention.Start = start;
            draft.Mention.Written = comparator;
        }

        return Reading.Go;
    }

    /// <summary>The comparator after the number and unit; else <c>多</c> for more than the number.</summary>
    public static Reading ReadAfter(string s, ref Draft draft, List<Mention> before)
    {
        var j = draft.Position;
        var at = Scanning.SkipSpaces(s, j);
        var word = AfterSet.MatchAt(s, at);
        if (word is not null)
        {
            draft.Mention.Written ??= AfterComparators[word];
            j = at + word.Length;
            if (Scanning.At(s, j, "(含)"))
            {
                j += 3;
            }
        }

        if (draft.More && draft.Mention.Written is null)
        {
            draft.Mention.Written = Comparator.Greater;
        }

        draft.Position = draft.Mention.End = j;
        return Reading.Go;
    }

    /// <summary>A comparator alone, or with only a unit, in a short cell: the start of a template nobody filled in (<c>≥ %</c>).</summary>
    public static bool StartsTemplate(ref ReadOnlySpan<char> rest)
    {
        foreach (var (word, _) in Before)
        {
            if (word.Length <= 2 && !char.IsAsciiLetterOrDigit(word[0]) && rest.StartsWith(word, StringComparison.Ordinal))
            {
                rest = rest[word.Length..].Trim();
                return true;
            }
        }

        return false;
    }

    private static bool FindBefore(string s, int numberStart, out int start, out Comparator comparator)
    {
        var k = numberStart;
        while (k > 0 && ChineseText.IsSpace(s[k - 1]))
        {
            k--;
        }

        var word = BeforeSet.MatchEndingAt(s, k);
        if (word is not null)
        {
            start = k - word.Length;
            comparator = BeforeComparators[word];
            return true;
        }

        start = numberStart;
        comparator = default;
        return false;
    }
}
