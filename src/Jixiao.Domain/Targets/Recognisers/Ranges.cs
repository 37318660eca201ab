using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Ranges: <c>90%-95%</c>, <c>3至5天</c> are ≥ the low end and ≤ the high end, the low end taking the
/// high end's unit; years on both sides (<c>2022年-2023年</c>) are a period of time, not a target.
/// </summary>
internal static class Ranges
{
    /// <summary>Separators between the two numbers of a range.</summary>
    public static IReadOnlyList<string> Separators { get; } = Scanning.LongestFirst(["-", "~", "—", "–", "至", "到"]);

    private static readonly KeywordSet SeparatorSet = new(Separators);

    /// <summary>A mention with no comparator followed by a separator and a number is the low end of a range; scanning goes on at that number.</summary>
    public static Reading ReadLowEnd(string s, ref Draft draft, List<Mention> before)
    {
        if (draft.Mention.Written is null)
        {
            var at = Scanning.SkipSpaces(s, draft.Position);
            if (SeparatorSet.MatchAt(s, at) is { } separator)
            {
                var next = Scanning.SkipSpaces(s, at + separator.Length);
                if (next < s.Length && ChineseText.IsDigit(s[next]))
                {
                    draft.Mention.RangeLow = true;
                    draft.Position = next;
                }
            }
        }

        return Reading.Go;
    }

    /// <summary>Pairs each low end with the high end after it.</summary>
    public static void Resolve(List<Mention> mentions)
    {
        for (var k = 0; k + 1 < mentions.Count; k++)
        {
            var low = mentions[k];
            var high = mentions[k + 1];
            if (!low.RangeLow || !high.RangeHigh)
            {
                continue;
            }

            if (Dates.IsYear(high.Value, high.Unit) && (low.Unit.Length == 0 || Dates.IsYear(low.Value, low.Unit)))
            {
                mentions.RemoveRange(k, 2);
                k--;
                continue;
            }

            low.Written = Comparator.GreaterOrEqual;
            high.Written ??= Comparator.LessOrEqual;
            if (low.Unit.Length == 0)
            {
                low.Unit = high.Unit;
            }

            mentions[k] = low;
            mentions[k + 1] = high;
        }
    }
}
