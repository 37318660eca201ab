using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// A target without a number: missing (<c>无</c>, <c>待定</c>, a template cell nobody filled in), a question
/// (<c>是否…</c>), relative to another document (<c>按计划</c>), a definition of what is measured
/// (<c>…业务数量</c>) or a statement (<c>及时</c>, <c>有效提升</c>).
/// </summary>
internal static class QualitativeWords
{
    /// <summary>Values that mean no value was written.</summary>
    public static IReadOnlyList<string> Missing { get; } = ["", "无", "-", "—", "/", "暂无", "待定", "空", "N/A", "n/a"];

    /// <summary>Markers of a question in place of a value.</summary>
    public static IReadOnlyList<string> QuestionMarkers { get; } =
        ["是否", "有否", "有无", "能否", "可否", "是不是", "会否", "有没有", "?", "？"];

    /// <summary>Markers of a value relative to another document or plan.</summary>
    public static IReadOnlyList<string> RelativeMarkers { get; } =
        ["计划", "预算", "合同", "上年", "同期", "往年", "要求", "标准", "规定", "方案", "批复", "任务书"];

    /// <summary>Nouns that end a definition of what is measured (<c>…业务数量</c>).</summary>
    public static IReadOnlyList<string> MeasureNouns { get; } =
        ["数量", "数目", "人数", "次数", "个数", "金额", "比例", "比率", "总数", "总量", "业务量", "数", "量", "率", "值"];

    /// <summary>Words that open an achievement, so the text is a statement rather than a definition.</summary>
    public static IReadOnlyList<string> StatementOpeners { get; } =
    [
        "提高", "提升", "降低", "减少", "增加", "确保", "保证", "保障", "达到", "完成", "实现", "促进", "加强", "保持",
        "维持", "有效", "按", "不", "符合", "满足", "控制", "力争", "进一步", "逐步", "稳步", "显著", "明显", "大幅", "无",
    ];

    private static readonly KeywordSet QuestionSet = new(QuestionMarkers);

    private static readonly KeywordSet RelativeSet = new(RelativeMarkers);

    /// <summary>True when nothing was written, or only a template cell's unit or comparator.</summary>
    public static bool IsMissing(string core) => Missing.Contains(core) || IsUnfilledTemplate(core);

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
        var hadComparator = ComparatorWords.StartsTemplate(ref rest);
        return rest.IsEmpty ? hadComparator : Units.IsUnit(rest);
    }

    /// <summary>The form of a target in words.</summary>
    public static QualitativeForm Classify(string core)
    {
        if (QuestionSet.ContainsAny(core))
        {
            return QualitativeForm.Question;
        }

        if (RelativeSet.ContainsAny(core))
        {
            return QualitativeForm.Relative;
        }

        if (StatementOpeners.Any(opener => core.StartsWith(opener, StringComparison.Ordinal)))
        {
            return QualitativeForm.Statement;
        }

        // A short word such as 数 or 率 alone is a statement; a definition names what is counted.
        return MeasureNouns.Any(noun => core.Length > noun.Length + 1 && core.EndsWith(noun, StringComparison.Ordinal))
            ? QualitativeForm.Definition
            : QualitativeForm.Statement;
    }
}
