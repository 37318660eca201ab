using System.Globalization;
using System.Text;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Review;

/// <summary>
/// How the review compares names written by different hands: width and punctuation do not count, a year
/// in a project name marks the same project in another year, and two texts are about the same thing when
/// they share a two-character word that is not one of the filler words every indicator uses.
/// </summary>
public static class NameKeys
{
    /// <summary>
    /// Two-character words too common in indicator names and goals to show that two of them measure the
    /// same thing.
    /// </summary>
    public static IReadOnlySet<string> FillerWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "项目", "工作", "开展", "完成", "服务", "提高", "提升", "保障", "全年", "年度", "达到", "以上", "以下", "不少",
        "少于", "不低", "低于", "不超", "超过", "确保", "实现", "进行", "有效", "情况", "相关", "建设", "管理", "推进",
        "加强", "全面", "进一", "一步", "水平", "能力", "质量", "数量", "指标", "目标", "计划", "本年", "每年", "通过",
        "系统", "单位", "学校", "我校", "全市", "全校", "本项", "资金", "经费", "预算", "支出",
    };

    /// <summary>
    /// The name with width folded and everything but letters, digits and ideographs removed:
    /// <c>服务对象满意度（%）</c> and <c>服务对象满意度(%)</c> both give <c>服务对象满意度</c>.
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unchanged = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) || ChineseText.Map(c) != c || char.IsUpper(c))
            {
                unchanged = false;
                break;
            }
        }

        if (unchanged)
        {
            return text;
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            var c = ChineseText.Map(raw);
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// A target value as compared between indicators: width folded, spaces and trailing punctuation
    /// dropped, comparators kept (<c>≥90%</c> and <c>90%</c> differ; <c>９０％</c> and <c>90%</c> do not).
    /// </summary>
    public static string ValueKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = ChineseText.Normalize(text);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!ChineseText.IsSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd('。', '.', '；', ';', '，', ',');
    }

    /// <summary>The first year (1990–2099) written in <paramref name="text"/>, null when none.</summary>
    public static int? FirstYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = ChineseText.Normalize(text);
        foreach (var (start, length) in Years(normal))
        {
            return int.Parse(normal.AsSpan(start, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>
    /// The part of a project name that stays the same from year to year: the years, a bracketed year and
    /// whatever precedes the last year (usually the unit's name, which changes when a unit is renamed)
    /// are dropped. <c>广州开放大学2022年-2023年信息化运维项目(2022)</c> gives <c>信息化运维项目</c>.
    /// </summary>
    public static string SeriesKey(string projectName)
    {
        var normal = Key(projectName);
        var years = Years(normal).ToList();
        if (years.Count == 0)
        {
            return normal;
        }

        // The text after the last year that is followed by a real name; a year at the very end (as in
        // "(2023)" once the brackets are gone) is only a label.
        for (var i = years.Count - 1; i >= 0; i--)
        {
            var end = years[i].Start + years[i].Length;
            var rest = RemoveYears(normal[end..]);
            if (rest.Length >= 2)
            {
                return rest;
            }
        }

        return RemoveYears(normal);
    }

    /// <summary>The two-character words of <paramref name="text"/> made of ideographs, less the filler words.</summary>
    public static HashSet<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsIdeograph(text[i]) && IsIdeograph(text[i + 1]))
            {
                var word = text.Substring(i, 2);
                if (!FillerWords.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static string RemoveYears(string text)
    {
        var years = Years(text).ToList();
        if (years.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var cut = 0;
        foreach (var (start, length) in years)
        {
            builder.Append(text, cut, start - cut);
            cut = start + length;
        }

        builder.Append(text, cut, text.Length - cut);
        return builder.ToString();
    }

    /// <summary>
    /// Four-digit years not part of a longer number, with a following <c>年</c>/<c>年度</c> and, when the
    /// punctuation is gone, the run of years of a span such as <c>2022年2023年</c> or <c>20232024年</c>.
    /// </summary>
    private static IEnumerable<(int Start, int Length)> Years(string text)
    {
        var i = 0;
        var previousEnd = -1;
        while (i + 4 <= text.Length)
        {
            if (IsYearAt(text, i, afterYear: i == previousEnd))
            {
                var end = i + 4;
                if (end < text.Length && text[end] == '年')
                {
                    end++;
                    if (end < text.Length && text[end] == '度')
                    {
                        end++;
                    }
                }

                yield return (i, end - i);
                i = previousEnd = end;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsYearAt(string text, int i, bool afterYear)
    {
        if (i + 4 > text.Length || (!afterYear && i > 0 && char.IsAsciiDigit(text[i - 1])))
        {
            return false;
        }

        if (!(text[i] == '1' && text[i + 1] == '9') && !(text[i] == '2' && text[i + 1] == '0'))
        {
            return false;
        }

        if (!char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
        {
            return false;
        }

        // 20232024 (two years run together once the dash is gone) is two years; 123456 is not a year.
        var after = i + 4;
        return after >= text.Length || !char.IsAsciiDigit(text[after]) || IsYearAt(text, after, afterYear: true);
    }
}
