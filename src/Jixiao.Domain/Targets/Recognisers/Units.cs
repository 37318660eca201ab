using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// What follows the number: <c>多</c> or <c>余</c> (more than it), <c>万</c> and <c>亿</c> (a magnitude, or
/// <c>万元</c> / <c>亿元</c>), the unit of measure, and letters that make it an identifier (<c>5G</c>).
/// </summary>
internal static class Units
{
    /// <summary>Units of measure written after a number.</summary>
    public static IReadOnlyList<string> Words { get; } = Scanning.LongestFirst(
    [
        "%", "‰", "个百分点", "百分点",
        "万元", "亿元", "千元", "元/人", "元", "分",
        "人次", "人日", "人天", "户次", "件次", "门次", "册次", "场次", "批次", "课时", "学时",
        "人", "名", "个", "门", "篇", "份", "场", "讲", "项", "次", "件", "户", "家", "所", "台", "套",
        "册", "本", "部", "条", "期", "批", "间", "辆", "座", "处", "张", "节", "笔", "种", "类", "支",
        "棵", "株", "课", "轮", "届", "组", "队", "校", "班", "页", "字", "单", "用户", "倍",
        "分钟", "小时", "个月", "工作日", "个工作日", "学期", "季度", "秒", "天", "日", "年", "月", "周",
        "平方米", "平方公里", "平米", "㎡", "公里", "千米", "米", "亩", "吨", "千瓦时", "度",
        "公斤", "千克", "克", "公顷", "厘米", "毫米", "立方米", "万人", "万人次", "万册", "万份",
        "元/亩", "元/平方米", "元/册", "元/生/年", "元/人/年", "元/生", "人次/年", "百分比",
        "TB", "GB", "MB", "Mbps", "M",
    ]);

    /// <summary>Units written in more than one way, mapped to the form the product shows.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["个工作日"] = "工作日",
        ["平米"] = "平方米",
        ["㎡"] = "平方米",
        ["百分比"] = "%",
        ["千克"] = "公斤",
    };

    /// <summary>Words before a number that name what is counted, and the unit they imply (<c>参与人次不少于36万</c>).</summary>
    public static IReadOnlyList<(string Word, string Unit)> OfSubjects { get; } = Scanning.LongestFirst(
    [
        ("人次", "人次"), ("人数", "人"), ("次数", "次"), ("场次", "场"), ("篇数", "篇"), ("门数", "门"),
        ("个数", "个"), ("件数", "件"), ("天数", "天"), ("户数", "户"), ("项数", "项"), ("课时", "课时"), ("学时", "学时"),
    ]);

    private static readonly KeywordSet WordSet = new(Words);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        new HashSet<string>(Words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="text"/> is a unit and nothing else.</summary>
    public static bool IsUnit(ReadOnlySpan<char> text) => Lookup.Contains(text);

    /// <summary><c>多</c>/<c>余</c>, then <c>万</c>/<c>亿</c> (a magnitude, or part of 万元); the value is final after this.</summary>
    public static Reading ReadMagnitude(string s, ref Draft draft, List<Mention> before)
    {
        var j = Scanning.SkipSpaces(s, draft.Position);
        if (j < s.Length && s[j] is '多' or '余')
        {
            draft.More = true;
            j++;
        }

        if (draft.Mention.Unit.Length == 0 && j < s.Length && s[j] is '万' or '亿')
        {
            if (j + 1 < s.Length && s[j + 1] == '元')
            {
                draft.Mention.Unit = s[j] == '万' ? "万元" : "亿元";
                j += 2;
            }
            else
            {
                if (draft.Value > 1e18m)
                {
                    draft.Position = j + 1;
                    return Reading.Reject;
                }

                draft.Value *= s[j] == '万' ? 10_000m : 100_000_000m;
                j++;
                if (j < s.Length && s[j] is '多' or '余')
                {
                    draft.More = true;
                    j++;
                }
            }
        }

        draft.Mention.Value = draft.Value / 1.000000000000000000000000000000000m;
        draft.Position = j;
        return Reading.Go;
    }

    /// <summary>The unit of measure after the number, written as the product shows it.</summary>
    public static Reading ReadUnit(string s, ref Draft draft, List<Mention> before)
    {
        if (draft.Mention.Unit.Length == 0)
        {
            var at = Scanning.SkipSpaces(s, draft.Position);
            if (WordSet.MatchAt(s, at) is { } unit)
            {
                draft.Mention.Unit = Aliases.GetValueOrDefault(unit, unit);
                draft.Position = at + unit.Length;
            }
        }

        return Reading.Go;
    }

    /// <summary>A number glued to letters (<c>5G</c>, <c>2B</c>) is an identifier, not a quantity.</summary>
    public static Reading RejectIdentifier(string s, ref Draft draft, List<Mention> before)
    {
        var j = draft.Position;
        if (draft.Mention.Unit.Length == 0 && j < s.Length && ChineseText.IsAsciiLetter(s[j]))
        {
            draft.Position = Scanning.SkipIdentifier(s, j);
            return Reading.Reject;
        }

        draft.AfterUnit = j;
        return Reading.Go;
    }

    /// <summary>The unit a clause without one takes: from its subject (<c>参与人次</c>), the indicator name's brackets, or the name's ending.</summary>
    public static (string Unit, UnitSource Source) Implied(string subject, string name, string? nameUnit)
    {
        var normalizedSubject = ChineseText.Normalize(subject);
        foreach (var (word, unit) in OfSubjects)
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

        foreach (var (word, unit) in OfSubjects)
        {
            if (name.EndsWith(word, StringComparison.Ordinal))
            {
                return (unit, UnitSource.IndicatorName);
            }
        }

        return ("", UnitSource.Written);
    }
}
