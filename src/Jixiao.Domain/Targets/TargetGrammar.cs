using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Reads a 年度指标值 such as <c>≥95%</c>, <c>不少于110人</c>, <c>10分钟内</c> or <c>及时</c> into a
/// <see cref="Target"/>. Never throws on content: anything it cannot read as a number is qualitative.
/// </summary>
/// <remarks>
/// The work happens in this order:
/// 1. normalise full-width forms (positions are kept, so subjects and conditions come from the original);
/// 2. decide missing values;
/// 3. scan for number mentions: prefix comparator, number, 万/亿, unit, <c>/天</c>, suffix comparator, ranges;
///    years (<c>2021年</c>) and dates (<c>6月底</c>) are dropped;
/// 4. choose clauses: mentions with a written comparator win, and a segment holding only bare numbers
///    before such a clause becomes its condition; with no written comparator every bare number is an <c>=</c>;
/// 5. fill missing units from the subject (<c>参与人次</c>) or the indicator name (<c>(件)</c>, <c>培训人数</c>);
/// 6. give each clause its direction: from the comparator, or for <c>=</c> and <c>≈</c> from the name's meaning;
/// 7. classify words-only values: question, definition, relative to another document, or a statement.
/// </remarks>
public static class TargetGrammar
{
    private const int MaxDigits = 20;

    private static readonly List<Mention> NoMentions = [];

    /// <summary>Parses <paramref name="text"/>, using <paramref name="indicatorName"/> for units and direction.</summary>
    public static Target Parse(string? text, string? indicatorName = null)
    {
        var raw = ChineseText.TrimSpace(text ?? "");
        var name = ChineseText.Normalize(indicatorName ?? "");
        var s = ChineseText.Normalize(raw);
        var core = TrimTrailingPunctuation(s);
        if (IsMissing(core))
        {
            return Target.Missing(raw);
        }

        if (IsDate(core))
        {
            // A deadline (2025-12-31, 2025/12/31前): a date, not three numbers.
            return new Target(raw, TargetKind.Qualitative, [], null, QualitativeForm.Statement);
        }

        var mentions = MayHoldNumber(core) ? Scan(core) : NoMentions;
        if (mentions.Count == 0)
        {
            return new Target(raw, TargetKind.Qualitative, [], null, ClassifyWords(core));
        }

        var clauses = ChooseClauses(raw, core, mentions, name);
        if (clauses.Length == 0)
        {
            return new Target(raw, TargetKind.Qualitative, [], null, ClassifyWords(core));
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
        foreach (var unit in TargetVocabulary.Units)
        {
            if (inside == unit)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>Digits or Chinese numerals anywhere: without them there is nothing to scan for.</summary>
    private static bool MayHoldNumber(string core)
    {
        foreach (var c in core)
        {
            if (ChineseText.IsDigit(c) || c is '十' or '百' || TargetVocabulary.ChineseDigits.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Text.RegularExpressions.Regex DatePattern = new(
        @"^(?:于|在)?\s*(?:19|20)\d{2}\s*[-/.年]\s*(?<m>\d{1,2})\s*(?:[-/.月]\s*(?<d>\d{1,2})\s*日?|月)?\s*(?:前|之前|以前|底前|底|末|完成|内|止|为止)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True for a date or a month with an optional 前 / 完成 (<c>2025-12-31</c>, <c>2025/12/31前</c>, <c>2025.12</c>).</summary>
    private static bool IsDate(string core)
    {
        if (core.Length is < 6 or > 24 || DatePattern.Match(core) is not { Success: true } m)
        {
            return false;
        }

        var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static bool IsMissing(string core)
    {
        foreach (var word in TargetVocabulary.MissingValues)
        {
            if (core == word)
            {
                return true;
            }
        }

        return IsUnfilledTemplate(core);
    }

    /// <summary>
    /// A template cell nobody filled in: a unit with no number (<c>公里</c>, <c>万人</c>), a comparator with
    /// only a unit or nothing after it (<c>≥ %</c>, <c>≧</c>). A missing target, not a qualitative one.
    /// </summary>
    private static bool IsUnfilledTemplate(string core)
    {
        // A template cell has no number, and is short; nearly every target leaves here.
        if (core.Length > 12 || core.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        var rest = core.AsSpan().Trim();
        var hadComparator = false;
        foreach (var (word, _) in TargetVocabulary.Prefixes)
        {
            if (word.Length <= 2 && !char.IsAsciiLetterOrDigit(word[0]) && rest.StartsWith(word, StringComparison.Ordinal))
            {
                rest = rest[word.Length..].Trim();
                hadComparator = true;
                break;
            }
        }

        if (rest.IsEmpty)
        {
            return hadComparator;
        }

        return UnitLookup.Contains(rest);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        new HashSet<string>(TargetVocabulary.Units, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static string TrimTrailingPunctuation(string s)
    {
        var end = s.Length;
        while (end > 0 && (s[end - 1] is '。' or '.' or ';' or '；' or ',' or '，' or '、' || ChineseText.IsSpace(s[end - 1])))
        {
            end--;
        }

        return end == s.Length ? s : s[..end];
    }

    private static QualitativeForm ClassifyWords(string core)
    {
        if (TargetVocabulary.QuestionSet.ContainsAny(core))
        {
            return QualitativeForm.Question;
        }

        if (TargetVocabulary.RelativeSet.ContainsAny(core))
        {
            return QualitativeForm.Relative;
        }

        foreach (var opener in TargetVocabulary.StatementOpeners)
        {
            if (core.StartsWith(opener, StringComparison.Ordinal))
            {
                return QualitativeForm.Statement;
            }
        }

        foreach (var noun in TargetVocabulary.MeasureNouns)
        {
            // A short word such as 数 or 率 alone is a statement; a definition names what is counted.
            if (core.Length > noun.Length + 1 && core.EndsWith(noun, StringComparison.Ordinal))
            {
                return QualitativeForm.Definition;
            }
        }

        return QualitativeForm.Statement;
    }

    /// <summary>A number found in the text with what surrounds it.</summary>
    private struct Mention
    {
        public int Start;          // first character of the prefix comparator, period or number
        public int End;            // just past the suffix comparator
        public decimal Value;
        public string Unit;
        public string? Period;
        public Comparator? Written;
        public bool RangeLow;
        public bool RangeHigh;
    }

    private static List<Mention> Scan(string s)
    {
        var mentions = new List<Mention>(2);
        var i = 0;
        var rangeHigh = false;
        while (i < s.Length)
        {
            var c = s[i];
            int numberStart;
            decimal value;
            int j;
            var forcedPercent = false;
            if (ChineseText.IsDigit(c))
            {
                if (i > 0 && (ChineseText.IsAsciiLetter(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '_'))
                {
                    i = SkipIdentifier(s, i);
                    continue;
                }

                numberStart = i;
                if (!TryReadNumber(s, i, out value, out j))
                {
                    i = SkipIdentifier(s, i);
                    continue;
                }
            }
            else if (c == '百' && At(s, i, "百分之") && i + 3 < s.Length && ChineseText.IsDigit(s[i + 3]))
            {
                numberStart = i;
                if (!TryReadNumber(s, i + 3, out value, out j))
                {
                    i += 3;
                    continue;
                }

                forcedPercent = true;
            }
            else if (TargetVocabulary.ChineseDigits.ContainsKey(c) || c == '十')
            {
                // Chinese numerals only count right after a comparator word (不少于两次), never in running text.
                if (FindPrefix(s, i, out _, out _) && TryReadChineseNumber(s, i, out value, out j))
                {
                    numberStart = i;
                }
                else
                {
                    i++;
                    continue;
                }
            }
            else
            {
                i++;
                continue;
            }

            var m = new Mention { Start = numberStart, Unit = forcedPercent ? "%" : "", RangeHigh = rangeHigh };
            rangeHigh = false;
            if (!m.RangeHigh && FindPrefix(s, numberStart, out var prefixStart, out var prefix))
            {
                m.Start = prefixStart;
                m.Written = prefix;
            }

            m.Period = FindPeriodBefore(s, m.Start, out var periodStart);
            if (m.Period is not null)
            {
                m.Start = periodStart;
            }

            j = SkipSpaces(s, j);
            var more = false;
            if (j < s.Length && s[j] is '多' or '余')
            {
                more = true;
                j++;
            }

            if (m.Unit.Length == 0 && j < s.Length && s[j] is '万' or '亿')
            {
                if (j + 1 < s.Length && s[j + 1] == '元')
                {
                    m.Unit = s[j] == '万' ? "万元" : "亿元";
                    j += 2;
                }
                else
                {
                    var factor = s[j] == '万' ? 10_000m : 100_000_000m;
                    if (value > 1e18m)
                    {
                        i = j + 1;
                        continue;
                    }

                    value *= factor;
                    j++;
                    if (j < s.Length && s[j] is '多' or '余')
                    {
                        more = true;
                        j++;
                    }
                }
            }

            if (m.Unit.Length == 0)
            {
                var unitStart = SkipSpaces(s, j);
                var unit = TargetVocabulary.UnitSet.MatchAt(s, unitStart);
                if (unit is not null)
                {
                    m.Unit = TargetVocabulary.UnitAliases.GetValueOrDefault(unit, unit);
                    j = unitStart + unit.Length;
                }
            }

            if (m.Unit.Length > 0 && j + 1 < s.Length && s[j] == '/')
            {
                var per = TargetVocabulary.PeriodSet.MatchAt(s, j + 1);
                if (per is not null)
                {
                    m.Unit += "/" + per;
                    j += 1 + per.Length;
                }
            }

            // A number glued to letters (5G, 2B) is an identifier, not a quantity.
            if (m.Unit.Length == 0 && j < s.Length && ChineseText.IsAsciiLetter(s[j]))
            {
                i = SkipIdentifier(s, j);
                continue;
            }

            var afterUnit = j;
            var suffixAt = SkipSpaces(s, j);
            var suffix = TargetVocabulary.SuffixSet.MatchAt(s, suffixAt);
            if (suffix is not null)
            {
                m.Written ??= TargetVocabulary.SuffixComparators[suffix];
                j = suffixAt + suffix.Length;
                if (At(s, j, "(含)"))
                {
                    j += 3;
                }
            }

            if (more && m.Written is null)
            {
                m.Written = Comparator.Greater;
            }

            m.Value = value / 1.000000000000000000000000000000000m;
            m.End = j;

            if (IsDate(s, m, afterUnit, mentions))
            {
                i = j;
                continue;
            }

            // 90%-95%, 3至5天: the low end of a range when a number follows the separator.
            if (m.Written is null)
            {
                var sepAt = SkipSpaces(s, j);
                var sep = TargetVocabulary.RangeSeparatorSet.MatchAt(s, sepAt);
                if (sep is not null)
                {
                    var next = SkipSpaces(s, sepAt + sep.Length);
                    if (next < s.Length && ChineseText.IsDigit(s[next]))
                    {
                        m.RangeLow = true;
                        rangeHigh = true;
                        j = next;
                    }
                }
            }

            mentions.Add(m);
            i = j;
        }

        ResolveRanges(mentions);
        return mentions;
    }

    private static void ResolveRanges(List<Mention> mentions)
    {
        for (var k = 0; k + 1 < mentions.Count; k++)
        {
            var low = mentions[k];
            var high = mentions[k + 1];
            if (!low.RangeLow || !high.RangeHigh)
            {
                continue;
            }

            // Years on either side (2022年-2023年) are a period of time, not a target.
            if (IsYear(high.Value, high.Unit) && (low.Unit.Length == 0 || IsYear(low.Value, low.Unit)))
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

    private static bool IsYear(decimal value, string unit) =>
        unit == "年" && value >= 1900 && value <= 2100 && value == decimal.Truncate(value);

    private static bool IsDate(string s, Mention m, int afterUnit, List<Mention> before)
    {
        if (m.Written is not null && !m.RangeLow)
        {
            return false;
        }

        if (IsYear(m.Value, m.Unit) || (m.Unit == "年" && At(s, afterUnit, "度")))
        {
            return true;
        }

        if (m.Unit == "月")
        {
            foreach (var follower in new[] { "底", "末", "前", "份", "中旬", "上旬", "下旬", "初" })
            {
                if (At(s, afterUnit, follower))
                {
                    return true;
                }
            }

            var day = afterUnit;
            while (day < s.Length && ChineseText.IsDigit(s[day]))
            {
                day++;
            }

            if (day > afterUnit && At(s, day, "日"))
            {
                return true;
            }
        }

        // 31日 right after 12月 belongs to the date.
        return m.Unit == "日" && m.Start > 0 && s[m.Start - 1] == '月';
    }

    private static TargetClause[] ChooseClauses(string raw, string core, List<Mention> mentions, string name)
    {
        Span<int> segmentOf = mentions.Count <= 16 ? stackalloc int[mentions.Count] : new int[mentions.Count];
        var anyWritten = false;
        for (var k = 0; k < mentions.Count; k++)
        {
            segmentOf[k] = SegmentIndex(core, mentions[k].Start);
            anyWritten |= mentions[k].Written is not null;
        }

        // With a written comparator somewhere, a bare number is a clause of its own only when it closes its
        // segment (举办培训班3期；…); followed by more words (500用户同时在线操作，…) it states a condition.
        Span<bool> isClause = mentions.Count <= 16 ? stackalloc bool[mentions.Count] : new bool[mentions.Count];
        var clauseCount = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            isClause[k] = !anyWritten || mentions[k].Written is not null
                || SegmentBounds(core, mentions[k].Start).End == SkipSpaces(core, mentions[k].End);
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
            var condition = ConditionFor(raw, core, mentions, segmentOf, isClause, previousClauseSegment, segmentOf[k]);
            previousClauseSegment = segmentOf[k];
            var subject = SubjectOf(raw, core, mentions, k);
            var unit = m.Unit;
            var source = UnitSource.Written;
            if (unit.Length == 0)
            {
                (unit, source) = ImpliedUnit(subject, name, nameUnit);
            }

            var comparator = m.Written ?? Comparator.Equal;
            var direction = comparator switch
            {
                Comparator.GreaterOrEqual or Comparator.Greater => Direction.Higher,
                Comparator.LessOrEqual or Comparator.Less => Direction.Lower,
                Comparator.Equal or Comparator.Approximately => IndicatorVocabulary.DirectionFromMeaning(
                    name, ChineseText.Normalize(subject), core.AsSpan(m.End, SegmentBounds(core, m.Start).End - m.End), unit),
            };
            clauses[next++] = new TargetClause(comparator, m.Value, unit, direction, subject, condition, m.Period, m.Written is not null, source);
        }

        return clauses;
    }

    private static (string Unit, UnitSource Source) ImpliedUnit(string subject, string name, string? nameUnit)
    {
        var normalizedSubject = ChineseText.Normalize(subject);
        foreach (var (word, unit) in TargetVocabulary.SubjectUnits)
        {
            if (normalizedSubject.EndsWith(word, StringComparison.Ordinal))
            {
                return (unit, UnitSource.Subject);
            }
        }

        if (nameUnit is not null)
        {
            return (nameUnit, UnitSource.IndicatorName);
        }

        foreach (var (word, unit) in TargetVocabulary.SubjectUnits)
        {
            if (name.EndsWith(word, StringComparison.Ordinal))
            {
                return (unit, UnitSource.IndicatorName);
            }
        }

        return ("", UnitSource.Written);
    }

    private static bool IsSegmentBreak(char c) => c is ',' or ';' or '。' or '、' or '，' or '；';

    private static int SegmentIndex(string core, int position)
    {
        var index = 0;
        for (var p = 0; p < position && p < core.Length; p++)
        {
            if (IsSegmentBreak(core[p]) && !IsThousandsComma(core, p))
            {
                index++;
            }
        }

        return index;
    }

    private static bool IsThousandsComma(string s, int p) =>
        s[p] == ',' && p > 0 && ChineseText.IsDigit(s[p - 1]) && p + 1 < s.Length && ChineseText.IsDigit(s[p + 1]);

    private static (int Start, int End) SegmentBounds(string core, int position)
    {
        var start = position;
        while (start > 0 && !(IsSegmentBreak(core[start - 1]) && !IsThousandsComma(core, start - 1)))
        {
            start--;
        }

        var end = position;
        while (end < core.Length && !(IsSegmentBreak(core[end]) && !IsThousandsComma(core, end)))
        {
            end++;
        }

        return (start, end);
    }

    private static string? ConditionFor(string raw, string core, List<Mention> mentions, ReadOnlySpan<int> segmentOf, ReadOnlySpan<bool> isClause, int after, int before)
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

            var (start, end) = SegmentBounds(core, mentions[k].Start);
            parts ??= [];
            parts.Add(ChineseText.TrimSpace(raw[start..end]));
            lastSegment = segment;
        }

        return parts is null ? null : string.Join("，", parts);
    }

    private static string SubjectOf(string raw, string core, List<Mention> mentions, int k)
    {
        var m = mentions[k];
        var (start, _) = SegmentBounds(core, m.Start);
        if (k > 0 && mentions[k - 1].End > start && mentions[k - 1].End <= m.Start)
        {
            start = mentions[k - 1].End;
        }

        var subject = raw.AsSpan(start, m.Start - start).Trim().TrimEnd(":：为是在").TrimStart(":：").Trim();
        return subject.IsEmpty ? "" : subject.ToString();
    }

    private static bool FindPrefix(string s, int numberStart, out int prefixStart, out Comparator comparator)
    {
        var k = numberStart;
        while (k > 0 && ChineseText.IsSpace(s[k - 1]))
        {
            k--;
        }

        var word = TargetVocabulary.PrefixSet.MatchEndingAt(s, k);
        if (word is not null)
        {
            prefixStart = k - word.Length;
            comparator = TargetVocabulary.PrefixComparators[word];
            return true;
        }

        prefixStart = numberStart;
        comparator = default;
        return false;
    }

    private static string? FindPeriodBefore(string s, int start, out int periodStart)
    {
        foreach (var period in TargetVocabulary.Periods)
        {
            var at = start - period.Length - 1;
            if (at >= 0 && s[at] == '每' && string.CompareOrdinal(s, at + 1, period, 0, period.Length) == 0)
            {
                periodStart = at;
                return period;
            }
        }

        periodStart = start;
        return null;
    }

    private static bool TryReadNumber(string s, int i, out decimal value, out int end)
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

    private static bool TryReadChineseNumber(string s, int i, out decimal value, out int end)
    {
        // Small Chinese numbers only: 两, 十二, 二十, 三十五, 一百.
        var total = 0;
        var current = 0;
        var j = i;
        while (j < s.Length)
        {
            var c = s[j];
            if (TargetVocabulary.ChineseDigits.TryGetValue(c, out var digit))
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

    private static int SkipIdentifier(string s, int i)
    {
        while (i < s.Length && (ChineseText.IsDigit(s[i]) || ChineseText.IsAsciiLetter(s[i]) || s[i] is '.' or '_' or '-'))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && ChineseText.IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool At(string s, int i, string word) =>
        i >= 0 && i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0;
}
