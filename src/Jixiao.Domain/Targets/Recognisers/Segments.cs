using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// The parts of a target between <c>，</c>, <c>；</c>, <c>。</c> and <c>、</c> (a thousands comma does not
/// count): what a clause is about (its subject) and the condition a segment of bare numbers sets for the
/// clause after it (<c>500用户同时在线，响应时间≤3秒</c>).
/// </summary>
internal static class Segments
{
    private static bool IsBreak(char c) => c is ',' or ';' or '。' or '、' or '，' or '；';

    private static bool IsThousandsComma(string s, int p) =>
        s[p] == ',' && p > 0 && ChineseText.IsDigit(s[p - 1]) && p + 1 < s.Length && ChineseText.IsDigit(s[p + 1]);

    /// <summary>The number of the segment <paramref name="position"/> is in, from 0.</summary>
    public static int IndexOf(string core, int position)
    {
        var index = 0;
        for (var p = 0; p < position && p < core.Length; p++)
        {
            if (IsBreak(core[p]) && !IsThousandsComma(core, p))
            {
                index++;
            }
        }

        return index;
    }

    /// <summary>The segment around <paramref name="position"/>.</summary>
    public static (int Start, int End) Bounds(string core, int position)
    {
        var start = position;
        while (start > 0 && !(IsBreak(core[start - 1]) && !IsThousandsComma(core, start - 1)))
        {
            start--;
        }

        var end = position;
        while (end < core.Length && !(IsBreak(core[end]) && !IsThousandsComma(core, end)))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>
    /// The condition of the clause in segment <paramref name="before"/>: the segments after <paramref name="after"/>
    /// that hold only numbers which are not clauses, joined; null when there are none.
    /// </summary>
    public static string? Condition(string raw, string core, List<Mention> mentions, ReadOnlySpan<int> segmentOf, ReadOnlySpan<bool> isClause, int after, int before)
    {
        List<string>? parts = null;
        var lastSegment = -1;
        for (var k = 0; k < mentions.Count; k++)
        {
            var segment = segmentOf[k];
            if (isClause[k] || segment <= after || segment >= before || segment == lastSegment)
            {
                continue;
            }

            var segmentHasClause = false;
            for (var o = 0; o < mentions.Count; o++)
            {
                segmentHasClause |= segmentOf[o] == segment && isClause[o];
            }

            if (segmentHasClause)
            {
                continue;
            }

            var (start, end) = Bounds(core, mentions[k].Start);
            parts ??= [];
            parts.Add(ChineseText.TrimSpace(raw[start..end]));
            lastSegment = segment;
        }

        return parts is null ? null : string.Join("，", parts);
    }

    /// <summary>What the <paramref name="k"/>th mention is about: the words before it in its segment (after the mention before it).</summary>
    public static string Subject(string raw, string core, List<Mention> mentions, int k)
    {
        var m = mentions[k];
        var (start, _) = Bounds(core, m.Start);
        if (k > 0 && mentions[k - 1].End > start && mentions[k - 1].End <= m.Start)
        {
            start = mentions[k - 1].End;
        }

        var subject = raw.AsSpan(start, m.Start - start).Trim().TrimEnd(":：为是在").TrimStart(":：").Trim();
        return subject.IsEmpty ? "" : subject.ToString();
    }
}
