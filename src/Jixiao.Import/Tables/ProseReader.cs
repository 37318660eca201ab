using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// Reads targets written as numbered prose (layouts.md §1.6): <c>一、产出指标 (一)数量指标 培训人数≧300人；
/// (二)质量指标 结业率≥100%；二、效益指标 …</c>. The levels come from the headings, wherever the lines
/// break; each <c>name + comparator/value</c> up to <c>；</c>, <c>。</c>, a numbered item or a line end is
/// an indicator, and a qualitative value may follow a comma or colon (<c>学员技术水平，提高</c>). The
/// text before the first heading gives the project's name (<c>项目名称：</c>, else the title line), unit,
/// money and goal; each <c>项目名称：</c> starts a project of its own.
/// </summary>
internal static class ProseReader
{
    /// <summary>Prose is a notice or a report, never the size of a table; past this many characters the rest is not read.</summary>
    private const int MaxCharacters = 2_000_000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The level headings, longest first where one ends another; a label may be broken over lines.</summary>
    private static readonly string[] Labels =
    [
        "服务对象满意度指标", "满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "成本指标", "产出指标", "效益指标",
        "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
    ];

    private static readonly Regex Heading = new(
        @"(?<num>[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|(?<![\d.])\d{1,2}\s*[、．](?!\d))?\s*"
        + "(?<label>" + string.Join('|', Labels.Select(l => string.Join(@"\s*", l.ToCharArray()))) + @")\s*[：:]?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    /// <summary>Where one item ends and the next begins: a separator, or a numbered item after text.</summary>
    private static readonly Regex ItemBreak = new(
        @"[；;。\n]+|(?<=\S)\s*(?=(?<![\d.])\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    private static readonly Regex ItemNumber = new(
        @"^\s*(?:\d{1,2}\s*[、．.)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|[（(]\d{1,2}[)）])\s*",
        RegexOptions.CultureInvariant, MatchTimeout);

    private static readonly Regex Comparator = new(
        "[≥≤≧≦＞＞＜<>=＝﹦≈〉〈]|不少于|不低于|不高于|不超过|不多于|不大于|不小于|大于|小于|高于|低于|多于|少于|达到|控制在",
        RegexOptions.CultureInvariant, MatchTimeout);

    private static readonly Regex NameField = Field("项目名称|项目名|专项名称");

    private static readonly Regex UnitField = Field("实施单位|申报单位|预算单位|单位名称");

    private static readonly Regex DepartmentField = Field("主管部门");

    private static readonly Regex GoalField = new(
        @"(?:年度绩效目标|年度总体目标|年度目标|总体目标|绩效目标)\s*[：:]\s*(?<v>[^\n]{1,1000}?)(?=\s+[^\s：:，,。；;]{2,10}[：:]|\s*\n|\s*$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    private static readonly Regex MoneyField = new(
        @"(?:资金总额|项目资金|预算金额|资金规模|项目金额|预算资金|年度资金)[^\d\n]{0,12}?(?<v>\d{1,12}(?:\.\d{1,6})?)\s*(?<u>万元|元)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    private static readonly Regex ProjectStart = new(@"(?:项目名称|专项名称)\s*[：:]", RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>
    /// True when the rows read as prose targets: lines of text (not a grid of columns) holding level
    /// headings, either two different level-1 headings or one level-1 with a level-2 heading, and a value.
    /// </summary>
    public static bool LooksLikeProse(IReadOnlyList<RawRow> rows)
    {
        var content = 0;
        var wide = 0;
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var filled = row.Cells.Count(c => !ChineseText.IsBlank(c));
            if (filled == 0)
            {
                continue;
            }

            content++;
            wide += filled >= 3 ? 1 : 0;
            foreach (var cell in row.Cells)
            {
                text.Append(cell).Append('\n');
            }

            if (text.Length > 200_000)
            {
                break;
            }
        }

        if (content == 0 || wide * 2 > content)
        {
            return false;
        }

        var level1 = new HashSet<Level1>();
        var level2 = false;
        try
        {
            foreach (Match m in Heading.Matches(text.ToString()))
            {
                if (IndicatorVocabulary.TryFindLabel(Label(m), out var l1, out var l2))
                {
                    level1.Add(l1);
                    level2 |= l2 is not null;
                }
            }

            return (level1.Count >= 2 || (level1.Count == 1 && level2)) && Comparator.IsMatch(text.ToString());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The projects the prose holds; a project with no indicator is still one, and says so.</summary>
    public static List<FormProject> Read(IEnumerable<RawRow> rows, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        var lines = new List<(int Offset, int Line)>();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                if (ChineseText.IsBlank(cell))
                {
                    continue;
                }

                lines.Add((text.Length, row.Line));
                text.Append(cell.Trim()).Append('\n');
            }

            if (text.Length > MaxCharacters)
            {
                diagnostics.Add(Messages.ProseTruncated.At(new SourceLocation(row.Line), row.Line));
                break;
            }
        }

        var all = text.ToString();
        var projects = new List<FormProject>();
        try
        {
            var starts = ProjectStart.Matches(all).Select(m => m.Index).ToList();
            if (starts.Count <= 1)
            {
                starts = [0];
            }
            else
            {
                starts[0] = 0;
            }

            string? title = null;
            for (var s = 0; s < starts.Count; s++)
            {
                var end = s + 1 < starts.Count ? starts[s + 1] : all.Length;
                var section = all[starts[s]..end];
                var read = ReadSection(section, starts[s], lines, ref title, budget, diagnostics);
                if (read is not null)
                {
                    projects.Add(read);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            diagnostics.Add(Messages.ReadLimit.At(SourceLocation.File, "文字叙述的处理时间"));
            projects.Clear();
        }

        return projects;
    }

    private static FormProject? ReadSection(string section, int offset, List<(int Offset, int Line)> lines, ref string? title, ReadBudget budget, List<Diagnostic> diagnostics)
    {
        var headings = Heading.Matches(section).Where(m => IndicatorVocabulary.TryFindLabel(Label(m), out _, out _)).ToList();
        var head = headings.Count > 0 ? section[..headings[0].Index] : section;
        title ??= TitleOf(head);
        var explicitName = Value(NameField, head);
        var name = explicitName ?? ProjectNameFromTitle(title);
        var location = new SourceLocation(LineAt(lines, offset));
        if (name is null)
        {
            if (headings.Count > 0)
            {
                diagnostics.Add(Messages.FormNameMissing.At(location));
            }

            return null;
        }

        var indicators = new List<Indicator>();
        Level1? level1 = null;
        Level2? level2 = null;
        for (var h = 0; h < headings.Count; h++)
        {
            var m = headings[h];
            IndicatorVocabulary.TryFindLabel(Label(m), out var l1, out var l2);
            var numberedAsSub = m.Groups["num"].Value.TrimStart().StartsWith('(') || m.Groups["num"].Value.TrimStart().StartsWith('（');
            if (l2 is null && numberedAsSub && level1 is { } current && current != l1)
            {
                // (三)成本指标 under 一、产出指标 is 产出's 成本 level 2; (一)满意度指标 under 三、满意度指标 its only level 2.
                (level1, level2) = current == Level1.Output && l1 == Level1.Cost ? (Level1.Output, Level2.Cost) : (l1, (Level2?)null);
            }
            else if (l2 is null && numberedAsSub && level1 == l1 && l1 == Level1.Satisfaction)
            {
                level2 = Level2.Satisfaction;
            }
            else if (l2 is null)
            {
                (level1, level2) = (l1, null);
            }
            else
            {
                (level1, level2) = (l2.Value.Parent(), l2);
            }

            var from = m.Index + m.Length;
            var to = h + 1 < headings.Count ? headings[h + 1].Index : section.Length;
            foreach (var (itemText, itemAt) in Items(section, from, to).SelectMany(SplitAtCommas))
            {
                var where = new SourceLocation(LineAt(lines, offset + itemAt));
                if (Split(itemText) is not { } item)
                {
                    if (itemText.Length > 2 && Comparator.IsMatch(itemText))
                    {
                        diagnostics.Add(Messages.ProseItemUnread.At(where, ChineseText.Excerpt(itemText)));
                    }

                    continue;
                }

                indicators.Add(Indicator.Create(indicators.Count + 1, level1!.Value, level2, item.Name, item.Target, where));
            }
        }

        var project = new Project(name, MoneyOf(head), Value(GoalField, head) ?? "", location);
        var unit = Value(UnitField, head) ?? "";
        var department = Value(DepartmentField, head) ?? "";
        if (unit.Length > 0 || department.Length > 0)
        {
            project.ChangeAttributes(new ProjectAttributes(department, "", unit, "", "", ""));
        }

        foreach (var indicator in indicators)
        {
            project.AddIndicator(indicator);
        }

        if (indicators.Count == 0)
        {
            diagnostics.Add(Messages.FormNoIndicators.At(location, ChineseText.Excerpt(name)));
        }

        if (!budget.Project(indicators.Count, location))
        {
            return null;
        }

        var confidence = indicators.Count == 0 ? 0.25m
            : 0.55m + (explicitName is not null ? 0.2m : 0) + (project.Funding.Total is not null ? 0.1m : 0) + (project.Goal.Length > 0 ? 0.15m : 0);
        return new FormProject(project, title, confidence, DocumentKind.Prose, unit.Length > 0 ? unit : department, [], [],
            Domain.Review.NameKeys.FirstYear(title ?? ""));
    }

    /// <summary>
    /// An item holding several indicators joined by commas (<c>培训人数≥300人，结业率≥95%</c>) as one item each:
    /// cut at a comma where the parts on both sides carry a comparator; a part without one stays with the one before.
    /// </summary>
    private static IEnumerable<(string Text, int At)> SplitAtCommas((string Text, int At) item)
    {
        var (text, at) = item;
        if (Comparator.Matches(text).Count < 2 || text.IndexOfAny(['，', ',']) < 0)
        {
            yield return item;
            yield break;
        }

        var start = 0;
        var parts = new List<(string, int)>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '，' or ',')
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    if (parts.Count > 0 && !Comparator.IsMatch(part))
                    {
                        var (before, beforeAt) = parts[^1];
                        parts[^1] = (before + text[(beforeAt - at + before.Length)..i], beforeAt);
                    }
                    else
                    {
                        parts.Add((part, at + start));
                    }
                }

                start = i + 1;
            }
        }

        foreach (var part in parts)
        {
            yield return part;
        }
    }

    /// <summary>The items between two headings, each with its offset in the section.</summary>
    private static IEnumerable<(string Text, int At)> Items(string section, int from, int to)
    {
        var span = section[from..to];
        var at = 0;
        foreach (Match brk in ItemBreak.Matches(span))
        {
            if (Clean(span[at..brk.Index]) is { Length: > 0 } item)
            {
                yield return (item, from + at);
            }

            at = brk.Index + brk.Length;
        }

        if (Clean(span[at..]) is { Length: > 0 } last)
        {
            yield return (last, from + at);
        }

        static string Clean(string item) => ItemNumber.Replace(item, "").Trim(' ', '\t', '，', ',', '、');
    }

    /// <summary>
    /// An item's name and target: split at a colon or comma before any comparator (<c>学员技术水平，提高</c>,
    /// <c>培训人数：≥300人</c>), else at the comparator (<c>培训人数≧300人</c>), else before the number that
    /// starts the value (<c>培训人数300人</c>). Null when there is no name or no value.
    /// </summary>
    private static (string Name, string Target)? Split(string item)
    {
        var comparator = Comparator.Match(item);
        var separator = item.IndexOfAny(['：', ':', '，', ',']);
        if (separator > 0 && (!comparator.Success || separator < comparator.Index))
        {
            return Pair(item[..separator], item[(separator + 1)..]);
        }

        if (comparator.Success && comparator.Index > 0)
        {
            return Pair(item[..comparator.Index], item[comparator.Index..]);
        }

        for (var i = 1; i < item.Length; i++)
        {
            if (char.IsDigit(item[i]) && !char.IsDigit(item[i - 1]) && item[i - 1] is not ('.' or '．'))
            {
                var target = item[i..];
                var parsed = Domain.Targets.TargetGrammar.Parse(target, item[..i]);
                if (parsed.Kind == Domain.Targets.TargetKind.Quantitative)
                {
                    return Pair(item[..i], target);
                }
            }
        }

        return null;

        static (string, string)? Pair(string name, string target)
        {
            name = name.Trim(' ', '\t', '：', ':', '，', ',');
            target = target.Trim(' ', '\t', '：', ':', '，', ',');
            return name.Length is > 0 and <= 100 && target.Length is > 0 and <= 200 ? (name, target) : null;
        }
    }

    private static Funding MoneyOf(string head)
    {
        var m = MoneyField.Match(head);
        if (!m.Success || !decimal.TryParse(ChineseText.Normalize(m.Groups["v"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !Money.TryFrom(value, m.Groups["u"].Value == "万元" ? AmountUnit.WanYuan : AmountUnit.Yuan, out var money))
        {
            return new Funding(null, null, null, null);
        }

        return new Funding(money, null, null, null);
    }

    private static string? Value(Regex field, string head)
    {
        var m = field.Match(head);
        var value = m.Success ? m.Groups["v"].Value.Trim() : "";
        return value.Length > 0 ? value : null;
    }

    /// <summary>The first short line that is not a field: the notice's or the table's title.</summary>
    private static string? TitleOf(string head)
    {
        foreach (var line in head.Split('\n'))
        {
            var text = line.Trim();
            if (text.Length is > 2 and <= 60 && !text.Contains('：', StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal) && !Comparator.IsMatch(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A title that names the project (<c>2025年乡村医生培训项目绩效目标</c> → <c>乡村医生培训项目</c>); null when it does not.</summary>
    private static string? ProjectNameFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var name = Regex.Replace(title, @"^\s*\d{4}\s*年(度)?", "", RegexOptions.CultureInvariant, MatchTimeout);
        name = Regex.Replace(name, "(的)?(项目支出)?(绩效目标|绩效指标)(申报表|表|说明|情况)?$", "", RegexOptions.CultureInvariant, MatchTimeout).Trim();
        return name.Length >= 2 ? name : null;
    }

    private static string Label(Match heading) => string.Concat(heading.Groups["label"].Value.Where(c => !char.IsWhiteSpace(c)));

    private static int? LineAt(List<(int Offset, int Line)> lines, int offset)
    {
        var lo = 0;
        var hi = lines.Count - 1;
        int? found = null;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (lines[mid].Offset <= offset)
            {
                found = lines[mid].Line;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static Regex Field(string labels) => new(
        $@"(?:{labels})\s*[：:]\s*(?<v>[^\n；;，,。]{{1,80}}?)(?=\s+[^\s：:，,。；;]{{2,10}}[：:]|\s*[\n；;，,。]|\s*$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
}
