using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Reads a 年度指标值 such as <c>≥95%</c>, <c>不少于110人</c>, <c>10分钟内</c> or <c>及时</c> into a
/// <see cref="Target"/>. Never throws on content: anything it cannot read as a number is qualitative.
/// </summary>
/// <remarks>
/// The work happens in this order, each step a small recogniser with its own table of phrases:
/// 1. normalise full-width forms (positions are kept, so subjects and conditions come from the original);
/// 2. decide missing values and whole-cell deadlines (<see cref="QualitativeWords"/>, <see cref="Dates"/>);
/// 3. scan for number mentions: each number (<see cref="Numbers"/>) goes through <see cref="AfterNumber"/>
///    in order — comparator before it, <c>每</c> period, 多/万/亿, unit, <c>/天</c>, identifier, comparator
///    after it, dates, the low end of a range — and the ranges are paired (<see cref="Ranges"/>);
/// 4. choose clauses: mentions with a written comparator win, and a segment holding only bare numbers
///    before such a clause becomes its condition (<see cref="Segments"/>); with no written comparator every
///    bare number is an <c>=</c>;
/// 5. fill missing units from the subject (<c>参与人次</c>) or the indicator name (<c>(件)</c>, <c>培训人数</c>);
/// 6. give each clause its direction: from the comparator, or for <c>=</c> and <c>≈</c> from the name's meaning;
/// 7. classify words-only values: question, definition, relative to another document, or a statement.
/// </remarks>
public static class TargetGrammar
{
    private static readonly List<Mention> NoMentions = [];

    /// <summary>What reads the text around a number, in this order; any of them may reject the mention.</summary>
    private static readonly Recogniser[] AfterNumber =
    [
        ComparatorWords.ReadBefore,  // ≥, 不少于, 控制在 …
        Periods.ReadBefore,          // 每年 …
        Units.ReadMagnitude,         // 多, 余, 万, 亿, 万元
        Units.ReadUnit,              // %, 人次, 工作日 …
        Periods.ReadAfterUnit,       // 次/天
        Units.RejectIdentifier,      // 5G
        ComparatorWords.ReadAfter,   // 以上, 以内, 左右, (含); 多 → >
        Dates.Reject,                // 2021年, 6月底, 12月31日
        Ranges.ReadLowEnd,           // 90%-95%
    ];

    /// <summary>Parses <paramref name="text"/>, using <paramref name="indicatorName"/> for units and direction.</summary>
    public static Target Parse(string? text, string? indicatorName = null)
    {
        var raw = ChineseText.TrimSpace(text ?? "");
        var name = ChineseText.Normalize(indicatorName ?? "");
        var s = ChineseText.Normalize(raw);
        var core = TrimTrailingPunctuation(s);
        if (QualitativeWords.IsMissing(core))
        {
            return Target.Missing(raw);
        }

        if (Dates.IsDeadline(core))
        {
            // A deadline (2025-12-31, 2025/12/31前): a date, not three numbers.
            return new Target(raw, TargetKind.Qualitative, [], null, QualitativeForm.Statement);
        }

        var mentions = Numbers.MayHoldNumber(core) ? Scan(core) : NoMentions;
        if (mentions.Count == 0)
        {
            return new Target(raw, TargetKind.Qualitative, [], null, QualitativeWords.Classify(core));
        }

        var clauses = ChooseClauses(raw, core, mentions, name);
        if (clauses.Length == 0)
        {
            return new Target(raw, TargetKind.Qualitative, [], null, QualitativeWords.Classify(core));
        }

        Direction? direction = clauses[0].Direction;
        foreach (var clause in clauses)
        {
            if (clause.Direction != direction)
            {
                direction = null;
                break;
            }
        }

        return new Target(raw, TargetKind.Quantitative, clauses, direction, null);
    }

    /// <summary>
    /// The unit in the brackets that end an indicator name (<c>信息系统年度业务量(件)</c> → <c>件</c>,
    /// <c>服务对象满意度（%）</c> → <c>%</c>); null when the brackets hold something else or there are none.
    /// </summary>
    public static string? UnitInName(string? indicatorName)
    {
        if (string.IsNullOrEmpty(indicatorName))
        {
            return null;
        }

        var name = ChineseText.TrimSpace(ChineseText.Normalize(indicatorName));
        if (!name.EndsWith(')'))
        {
            return null;
        }

        var open = name.LastIndexOf('(');
        if (open < 0)
        {
            return null;
        }

        var inside = ChineseText.TrimSpace(name[(open + 1)..^1]);
        foreach (var unit in Units.Words)
        {
            if (inside == unit)
            {
                return unit;
            }
        }

        return null;
    }

    private static string TrimTrailingPunctuation(string s)
    {
        var end = s.Length;
        while (end > 0 && (s[end - 1] is '。' or '.' or ';' or '；' or ',' or '，' or '、' || ChineseText.IsSpace(s[end - 1])))
        {
            end--;
        }

        return end == s.Length ? s : s[..end];
    }

    /// <summary>Every number in <paramref name="s"/> with what surrounds it, read by <see cref="AfterNumber"/>.</summary>
    private static List<Mention> Scan(string s)
    {
        var mentions = new List<Mention>(2);
        var i = 0;
        var rangeHigh = false;
        while (i < s.Length)
        {
            if (!Numbers.TryStart(s, i, out var draft, out var resume))
            {
                i = resume;
                continue;
            }

            // A number right after a range's separator is that range's high end.
            draft.Mention.RangeHigh = rangeHigh;
            rangeHigh = false;
            var read = Reading.Go;
            foreach (var recognise in AfterNumber)
            {
                read = recognise(s, ref draft, mentions);
                if (read == Reading.Reject)
                {
                    break;
                }
            }

            if (read == Reading.Go)
            {
                mentions.Add(draft.Mention);
                rangeHigh = draft.Mention.RangeLow;
            }

            i = draft.Position;
        }

        Ranges.Resolve(mentions);
        return mentions;
    }

    private static TargetClause[] ChooseClauses(string raw, string core, List<Mention> mentions, string name)
    {
        Span<int> segmentOf = mentions.Count <= 16 ? stackalloc int[mentions.Count] : new int[mentions.Count];
        var anyWritten = false;
        for (var k = 0; k < mentions.Count; k++)
        {
            segmentOf[k] = Segments.IndexOf(core, mentions[k].Start);
            anyWritten |= mentions[k].Written is not null;
        }

        // With a written comparator somewhere, a bare number is a clause of its own only when it closes its
        // segment (举办培训班3期；…); followed by more words (500用户同时在线操作，…) it states a condition.
        Span<bool> isClause = mentions.Count <= 16 ? stackalloc bool[mentions.Count] : new bool[mentions.Count];
        var clauseCount = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            isClause[k] = !anyWritten || mentions[k].Written is not null
                || Segments.Bounds(core, mentions[k].Start).End == Scanning.SkipSpaces(core, mentions[k].End);
            clauseCount += isClause[k] ? 1 : 0;
        }

        var nameUnit = UnitInName(name);
        var clauses = new TargetClause[clauseCount];
        var next = 0;
        var previousClauseSegment = -1;
        for (var k = 0; k < mentions.Count; k++)
        {
            if (!isClause[k])
            {
                continue;
            }

            var m = mentions[k];
            var condition = Segments.Condition(raw, core, mentions, segmentOf, isClause, previousClauseSegment, segmentOf[k]);
            previousClauseSegment = segmentOf[k];
            var subject = Segments.Subject(raw, core, mentions, k);
            var unit = m.Unit;
            var source = UnitSource.Written;
            if (unit.Length == 0)
            {
                (unit, source) = Units.Implied(subject, name, nameUnit);
            }

            var comparator = m.Written ?? Comparator.Equal;
            var direction = comparator switch
            {
                Comparator.GreaterOrEqual or Comparator.Greater => Direction.Higher,
                Comparator.LessOrEqual or Comparator.Less => Direction.Lower,
                Comparator.Equal or Comparator.Approximately => IndicatorVocabulary.DirectionFromMeaning(
                    name, ChineseText.Normalize(subject), core.AsSpan(m.End, Segments.Bounds(core, m.Start).End - m.End), unit),
            };
            clauses[next++] = new TargetClause(comparator, m.Value, unit, direction, subject, condition, m.Period, m.Written is not null, source);
        }

        return clauses;
    }
}
