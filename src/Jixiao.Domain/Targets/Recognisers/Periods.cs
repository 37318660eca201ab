using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>A period that makes a rate: <c>每年</c> before the number (<c>每年30门</c>), or <c>/天</c> after its unit (<c>2次/天</c>).</summary>
internal static class Periods
{
    /// <summary>Words after <c>/</c> or <c>每</c>.</summary>
    public static IReadOnlyList<string> Words { get; } = Scanning.LongestFirst(
        ["天", "日", "年", "月", "周", "季度", "学期", "小时", "次", "人", "户", "台", "个", "课", "班"]);

    private static readonly KeywordSet WordSet = new(Words);

    /// <summary><c>每…</c> right before the mention.</summary>
    public static Reading ReadBefore(string s, ref Draft draft, List<Mention> before)
    {
        var start = draft.Mention.Start;
        foreach (var period in Words)
        {
            var at = start - period.Length - 1;
            if (at >= 0 && s[at] == '每' && string.CompareOrdinal(s, at + 1, period, 0, period.Length) == 0)
            {
                draft.Mention.Period = period;
                draft.Mention.Start = at;
                break;
            }
        }

        return Reading.Go;
    }

    /// <summary><c>/…</c> right after a unit: the unit becomes a rate.</summary>
    public static Reading ReadAfterUnit(string s, ref Draft draft, List<Mention> before)
    {
        var j = draft.Position;
        if (draft.Mention.Unit.Length > 0 && j + 1 < s.Length && s[j] == '/' && WordSet.MatchAt(s, j + 1) is { } per)
        {
            draft.Mention.Unit += "/" + per;
            draft.Position = j + 1 + per.Length;
        }

        return Reading.Go;
    }
}
