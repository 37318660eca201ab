using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// Splits the 绩效指标 cell, <c>1、产出指标：名称，年度指标值：值。2、效益指标：…</c>, into indicators.
/// An item starts where a number and a separator (<c>、 . ．)</c>) are followed by a category label ending
/// in 指标 and a colon; that anchor keeps numbers inside target texts from splitting items.
/// </summary>
internal static class IndicatorCellParser
{
    // The longest combined label, 满意度指标-服务对象满意度指标, is 15 characters.
    private const int MaxLabelLength = 20;
    private static readonly string[] TargetLabels = ["年度指标值", "指标值", "目标值"];

    private readonly record struct ItemStart(int Start, int Seq, int LabelStart, int LabelLength, int ContentStart);

    /// <summary>The indicators of one cell; their names and values are taken from <paramref name="texts"/>, the read's pool, when given.</summary>
    public static List<Indicator> Parse(string cell, SourceLocation location, List<Diagnostic> diagnostics, TextPool? texts = null)
    {
        var indicators = new List<Indicator>();
        var s = cell;
        var starts = FindItemStarts(s);
        if (starts.Count == 0)
        {
            if (ChineseText.TrimSpace(cell).Length > 0)
            {
                diagnostics.Add(Messages.IndicatorCellUnreadable.At(location, ChineseText.Excerpt(cell)));
            }

            return indicators;
        }

        var lead = ChineseText.TrimSpace(cell[..starts[0].Start]);
        if (lead.Length > 0)
        {
            diagnostics.Add(Messages.IndicatorTextIgnored.At(location, ChineseText.Excerpt(lead)));
        }

        var expected = 1;
        for (var k = 0; k < starts.Count; k++)
        {
            var item = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1].Start : s.Length;
            if (item.Seq != expected)
            {
                diagnostics.Add(Messages.IndicatorSeqUnexpected.At(location, item.Seq, expected));
            }

            expected = item.Seq + 1;
            if (!IndicatorVocabulary.TryFindLabel(s.AsSpan(item.LabelStart, item.LabelLength), out var level1, out var level2))
            {
                diagnostics.Add(Messages.IndicatorLevel1Unknown.At(location, item.Seq, s.Substring(item.LabelStart, item.LabelLength).Trim()));
                continue;
            }

            var (name, target) = SplitNameAndTarget(cell, s, item.ContentStart, end, texts, out var labelFound);
            if (!labelFound && SplitAtValue(name) is { } split)
            {
                // 培训人数≥300人 with no 年度指标值：: the value starts at its comparator (or its number).
                (name, target) = split;
                diagnostics.Add(Messages.IndicatorTargetLabelInferred.At(location, item.Seq, ChineseText.Excerpt(target)));
            }
            else if (!labelFound)
            {
                diagnostics.Add(Messages.IndicatorTargetLabelMissing.At(location, item.Seq));
            }

            if (name.Length == 0)
            {
                diagnostics.Add(Messages.IndicatorNameMissing.At(location, item.Seq));
            }

            indicators.Add(Indicator.Create(item.Seq, level1, level2, name, target, location, texts?.Targets));
        }

        return indicators;
    }

    private static (string Name, string Target) SplitNameAndTarget(string raw, string s, int start, int end, TextPool? texts, out bool labelFound)
    {
        foreach (var label in TargetLabels)
        {
            var at = s.IndexOf(label, start, end - start, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var colon = at + label.Length;
            while (colon < end && ChineseText.IsSpace(s[colon]))
            {
                colon++;
            }

            labelFound = true;
            var valueStart = colon < end && ChineseText.Map(s[colon]) == ':' ? colon + 1 : colon;
            return (CleanName(raw.AsSpan(start, at - start), texts), CleanTarget(raw.AsSpan(valueStart, end - valueStart), texts));
        }

        labelFound = false;
        return (CleanName(raw.AsSpan(start, end - start), texts), "");
    }

    private static readonly string[] ValueStarts = ["≥", "≤", "≧", "≦", ">", "<", "＞", "＜", "=", "＝", "﹦", "不少于", "不低于", "不高于", "不超过", "不多于", "不大于", "不小于", "达到", "控制在"];

    /// <summary>
    /// A name and value written together with no 年度指标值 label: cut at the first comparator, or before a
    /// number and unit that end the text (<c>培训人数300人</c>); null when neither is there.
    /// </summary>
    private static (string Name, string Target)? SplitAtValue(string text)
    {
        var at = -1;
        foreach (var start in ValueStarts)
        {
            var i = text.IndexOf(start, StringComparison.Ordinal);
            if (i > 0 && (at < 0 || i < at))
            {
                at = i;
            }
        }

        if (at < 0)
        {
            var m = TrailingValue.Match(text);
            at = m.Success && m.Index > 0 && !char.IsAsciiDigit(text[m.Index - 1]) && text[m.Index - 1] is not ('.' or '-' or '(' or '（') ? m.Index : -1;
        }

        if (at < 0 && TextReflow.QualitativeEnd.Match(text.TrimEnd('。', '.', ';', '；')) is { Success: true, Index: > 1 } qualitative)
        {
            // 非遗传承氛围明显增强: a qualitative value (明显增强) glued to its name.
            at = qualitative.Index;
        }

        if (at <= 0)
        {
            return null;
        }

        var name = CleanName(text.AsSpan(0, at));
        var target = CleanTarget(text.AsSpan(at));
        return name.Length > 0 && target.Length > 0 ? (name, target) : null;
    }

    private static readonly System.Text.RegularExpressions.Regex TrailingValue = new(
        @"\d+(?:\.\d+)?\s*(?:%|％|[\p{IsCJKUnifiedIdeographs}]{1,3})?\s*(?:以上|以下|以内|左右)?\s*[。.;；]?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.RightToLeft, TimeSpan.FromSeconds(1));

    private static string CleanName(ReadOnlySpan<char> text, TextPool? texts = null)
    {
        var trimmed = ChineseText.TrimSpace(ChineseText.TrimSpace(text).TrimEnd(",，、;；。"));
        return texts is null ? trimmed.ToString() : texts.Of(trimmed);
    }

    private static string CleanTarget(ReadOnlySpan<char> text, TextPool? texts = null)
    {
        var trimmed = ChineseText.TrimSpace(text);
        var end = trimmed.Length;
        while (end > 0 && (trimmed[end - 1] is '。' or ';' or '；' or ',' or '，' || ChineseText.IsSpace(trimmed[end - 1])))
        {
            end--;
        }

        // A trailing full stop ends the item; a decimal point would have a digit after it.
        if (end > 0 && trimmed[end - 1] == '.')
        {
            end--;
        }

        return texts is null ? trimmed[..end].ToString() : texts.Of(trimmed[..end]);
    }

    private static List<ItemStart> FindItemStarts(string s)
    {
        var starts = new List<ItemStart>();
        for (var i = 0; i < s.Length; i++)
        {
            var c = ChineseText.Map(s[i]);
            var open = c == '(';
            if (!ChineseText.IsDigit(c) && !open)
            {
                continue;
            }

            if (i > 0 && (ChineseText.IsDigit(ChineseText.Map(s[i - 1])) || ChineseText.Map(s[i - 1]) == '.'))
            {
                continue;
            }

            var j = open ? i + 1 : i;
            var seq = 0;
            var digits = 0;
            while (j < s.Length && ChineseText.IsDigit(ChineseText.Map(s[j])) && digits < 4)
            {
                seq = (seq * 10) + (ChineseText.Map(s[j]) - '0');
                j++;
                digits++;
            }

            if (digits == 0 || j >= s.Length)
            {
                continue;
            }

            var separator = ChineseText.Map(s[j]);
            if (open ? separator != ')' : separator is not ('、' or '.' or ')'))
            {
                continue;
            }

            j++;
            while (j < s.Length && ChineseText.IsSpace(s[j]))
            {
                j++;
            }

            // The label is words only: a digit or sentence punctuation before the colon means this number
            // was inside a value (不少于1.2万册。2、…), not the start of an item.
            var colon = -1;
            for (var k = j; k < s.Length && k - j <= MaxLabelLength; k++)
            {
                var ch = ChineseText.Map(s[k]);
                if (ch == ':')
                {
                    colon = k;
                    break;
                }

                if (ChineseText.IsDigit(ch) || ch is '。' or ',' or ';' or '、' or '.')
                {
                    break;
                }
            }

            if (colon < 0)
            {
                continue;
            }

            if (!s.AsSpan(j, colon - j).TrimEnd().EndsWith("指标", StringComparison.Ordinal))
            {
                continue;
            }

            starts.Add(new ItemStart(i, seq, j, colon - j, colon + 1));
            i = colon;
        }

        return starts;
    }
}
