using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Years and dates are not quantities: <c>2021年</c>, <c>2025年度</c>, <c>6月底</c>, <c>12月31日</c>, and a
/// whole cell that is a deadline (<c>2025-12-31</c>, <c>2025/12/31前</c>, <c>2025.12</c>).
/// </summary>
internal static class Dates
{
    /// <summary>Words after a month that make it a time rather than a count of months.</summary>
    public static IReadOnlyList<string> MonthFollowers { get; } = ["底", "末", "前", "份", "中旬", "上旬", "下旬", "初"];

    private static readonly System.Text.RegularExpressions.Regex Deadline = new(
        @"^(?:于|在)?\s*(?:19|20)\d{2}\s*[-/.年]\s*(?<m>\d{1,2})\s*(?:[-/.月]\s*(?<d>\d{1,2})\s*日?|月)?\s*(?:前|之前|以前|底前|底|末|完成|内|止|为止)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True for a whole cell that is a date or a month with an optional 前 / 完成.</summary>
    public static bool IsDeadline(string core)
    {
        if (core.Length is < 6 or > 24 || Deadline.Match(core) is not { Success: true } m)
        {
            return false;
        }

        var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    public static bool IsYear(decimal value, string unit) =>
        unit == "年" && value >= 1900 && value <= 2100 && value == decimal.Truncate(value);

    /// <summary>A year, a month of the calendar or a day of one, unless a comparator makes it a quantity (<c>不超过3个月</c>).</summary>
    public static Reading Reject(string s, ref Draft draft, List<Mention> before)
    {
        var m = draft.Mention;
        if (m.Written is not null && !m.RangeLow)
        {
            return Reading.Go;
        }

        var afterUnit = draft.AfterUnit;
        var isDate = IsYear(m.Value, m.Unit) || (m.Unit == "年" && Scanning.At(s, afterUnit, "度"));
        if (!isDate && m.Unit == "月")
        {
            isDate = MonthFollowers.Any(follower => Scanning.At(s, afterUnit, follower)) || DayFollows(s, afterUnit);
        }

        // 31日 right after 12月 belongs to the date.
        isDate |= m.Unit == "日" && m.Start > 0 && s[m.Start - 1] == '月';
        return isDate ? Reading.Reject : Reading.Go;
    }

    private static bool DayFollows(string s, int afterMonth)
    {
        var day = afterMonth;
        while (day < s.Length && ChineseText.IsDigit(s[day]))
        {
            day++;
        }

        return day > afterMonth && Scanning.At(s, day, "日");
    }
}
