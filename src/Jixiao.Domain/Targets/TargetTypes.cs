namespace Jixiao.Domain.Targets;

/// <summary>计算符号: how the actual value is compared with the target number.</summary>
public enum Comparator
{
    /// <summary>≥ (以上, 不少于, 不低于…).</summary>
    GreaterOrEqual,

    /// <summary>≤ (以下, 以内, 不超过…).</summary>
    LessOrEqual,

    /// <summary>&gt; (大于, 超过…).</summary>
    Greater,

    /// <summary>&lt; (小于, 低于…).</summary>
    Less,

    /// <summary>= (the number as written, or 为).</summary>
    Equal,

    /// <summary>≈ (约, 近, 左右).</summary>
    Approximately,
}

/// <summary>正向/反向/等于: whether more of the measured thing is better.</summary>
public enum Direction
{
    /// <summary>正向: higher is better.</summary>
    Higher,

    /// <summary>反向: lower is better.</summary>
    Lower,

    /// <summary>等于: the value itself is the target.</summary>
    Equal,
}

/// <summary>定量/定性: whether the target carries a number.</summary>
public enum TargetKind
{
    /// <summary>定量: at least one clause of comparator, number and unit.</summary>
    Quantitative,

    /// <summary>定性: words only (及时, 有效, 健全…).</summary>
    Qualitative,

    /// <summary>No value written.</summary>
    Missing,
}

/// <summary>What a qualitative value is, beyond being words.</summary>
public enum QualitativeForm
{
    /// <summary>A graded statement: 及时, 有效, 合法合规, 提升.</summary>
    Statement,

    /// <summary>Vague or relative to another document: 年度计划数, 按计划进行, 支出不超预算金额.</summary>
    Relative,

    /// <summary>A question instead of a target: 是否有影响力.</summary>
    Question,

    /// <summary>A definition of what is measured instead of a value: 平均每用户办理/查询业务数量.</summary>
    Definition,
}

/// <summary>Symbols and Chinese wording of the enums.</summary>
public static class TargetNames
{
    /// <summary>The JSON symbol: &gt;=, &lt;=, &gt;, &lt;, =, ~.</summary>
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.GreaterOrEqual => ">=",
        Comparator.LessOrEqual => "<=",
        Comparator.Greater => ">",
        Comparator.Less => "<",
        Comparator.Equal => "=",
        Comparator.Approximately => "~",
    };

    /// <summary>The printed symbol: ≥, ≤, &gt;, &lt;, =, ≈.</summary>
    public static string Display(this Comparator comparator) => comparator switch
    {
        Comparator.GreaterOrEqual => "≥",
        Comparator.LessOrEqual => "≤",
        Comparator.Greater => ">",
        Comparator.Less => "<",
        Comparator.Equal => "=",
        Comparator.Approximately => "≈",
    };

    /// <summary>The JSON name: higher, lower, equal.</summary>
    public static string JsonName(this Direction direction) => direction switch
    {
        Direction.Higher => "higher",
        Direction.Lower => "lower",
        Direction.Equal => "equal",
    };

    /// <summary>正向, 反向, 等于.</summary>
    public static string Chinese(this Direction direction) => direction switch
    {
        Direction.Higher => "正向",
        Direction.Lower => "反向",
        Direction.Equal => "等于",
    };

    /// <summary>The JSON name: quantitative, qualitative, missing.</summary>
    public static string JsonName(this TargetKind kind) => kind switch
    {
        TargetKind.Quantitative => "quantitative",
        TargetKind.Qualitative => "qualitative",
        TargetKind.Missing => "missing",
    };

    /// <summary>定量, 定性, 缺失.</summary>
    public static string Chinese(this TargetKind kind) => kind switch
    {
        TargetKind.Quantitative => "定量",
        TargetKind.Qualitative => "定性",
        TargetKind.Missing => "缺失",
    };

    /// <summary>The JSON name: statement, relative, question, definition.</summary>
    public static string JsonName(this QualitativeForm form) => form switch
    {
        QualitativeForm.Statement => "statement",
        QualitativeForm.Relative => "relative",
        QualitativeForm.Question => "question",
        QualitativeForm.Definition => "definition",
    };

    /// <summary>
    /// True when meeting the clause means staying at or under its value: <c>≤</c>, <c>&lt;</c>, or
    /// <c>=</c>/<c>≈</c> on a lower-is-better indicator. Everything else is met at or above its value.
    /// </summary>
    public static bool IsLowerIsBetter(this TargetClause clause) =>
        clause.Comparator is Comparator.LessOrEqual or Comparator.Less
        || (clause.Comparator is Comparator.Equal or Comparator.Approximately && clause.Direction == Direction.Lower);

    /// <summary>
    /// The clause as pages and explanations show it: <c>每年 ≥ 30 门</c>, <c>≤ 10 分钟</c>, and large counts
    /// the way officials write them, <c>≥ 50万 次</c> rather than <c>≥ 500000 次</c>.
    /// </summary>
    public static string Describe(this TargetClause clause) =>
        (clause.Period is null ? "" : "每" + clause.Period + " ") + clause.Comparator.Display() + " "
        + Figure(clause.Value) + (clause.Unit.Length > 0 ? " " + clause.Unit : "");

    /// <summary>A number as officials write it: 万 and 亿 for large round figures (<c>360000</c> → <c>36万</c>, <c>120000000</c> → <c>1.2亿</c>), as written otherwise.</summary>
    public static string Figure(decimal value)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var size = Math.Abs(value);
        if (size >= 100_000_000m && value % 1_000_000m == 0)
        {
            return (value / 100_000_000m).ToString("0.##", culture) + "亿";
        }

        return size >= 10_000m && value % 100m == 0
            ? (value / 10_000m).ToString("0.##", culture) + "万"
            : value.ToString("0.######", culture);
    }

    /// <summary>
    /// How a target reads, in Chinese: each clause with its direction (<c>≥ 95 %（正向）</c>, joined by
    /// <c>；</c>), or the kind and form of a target without clauses (<c>定性（问句而非指标值）</c>).
    /// </summary>
    public static string Reading(this Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == TargetKind.Quantitative
            ? string.Join("；", target.Clauses.Select(c => c.Describe() + "（" + c.Direction.Chinese() + "）"))
            : target.Kind.Chinese() + (target.Form is { } form ? "（" + form.Chinese() + "）" : "");
    }

    /// <summary>Chinese label of the form.</summary>
    public static string Chinese(this QualitativeForm form) => form switch
    {
        QualitativeForm.Statement => "定性表述",
        QualitativeForm.Relative => "模糊或引用其他文件",
        QualitativeForm.Question => "问句而非指标值",
        QualitativeForm.Definition => "指标定义而非指标值",
    };
}

/// <summary>
/// One comparison in a target: <see cref="Comparator"/>, <see cref="Value"/> (with 万/亿 applied, so
/// <c>36万</c> is 360000) and <see cref="Unit"/> (<c>""</c> when there is none; <c>次/天</c> for rates).
/// </summary>
/// <param name="Comparator">The comparison; <see cref="Comparator.Equal"/> when none is written.</param>
/// <param name="Value">The number, exact as written, multiplied out for 万 (10⁴) and 亿 (10⁸).</param>
/// <param name="Unit">The unit of measure, <c>""</c> when none is written or implied.</param>
/// <param name="Direction">Whether more is better for this clause.</param>
/// <param name="Subject">The words before the comparison (<c>学员满意度</c> in <c>学员满意度≥80%</c>), <c>""</c> when none.</param>
/// <param name="Condition">Text the clause holds under (<c>500用户同时在线操作</c>), null when none.</param>
/// <param name="Period">The period of <c>每年30门</c> (<c>年</c>), null when none.</param>
/// <param name="ComparatorWritten">False when the comparator is the default <c>=</c> of a bare number.</param>
/// <param name="UnitSource">Where the unit came from.</param>
public readonly record struct TargetClause(
    Comparator Comparator,
    decimal Value,
    string Unit,
    Direction Direction,
    string Subject,
    string? Condition,
    string? Period,
    bool ComparatorWritten,
    UnitSource UnitSource);

/// <summary>Where a clause's unit came from.</summary>
public enum UnitSource
{
    /// <summary>Written after the number, or no unit at all.</summary>
    Written,

    /// <summary>From the words before the number (<c>参与人次不少于36万</c>).</summary>
    Subject,

    /// <summary>From the indicator name (<c>信息系统年度业务量(件)</c>, <c>培训人数</c>).</summary>
    IndicatorName,
}

/// <summary>
/// A parsed 年度指标值. <see cref="Text"/> is the value as written. A quantitative target has one or more
/// <see cref="Clauses"/>; a qualitative one has none and a <see cref="Form"/>.
/// </summary>
/// <param name="Text">The value exactly as written (trimmed of surrounding spaces).</param>
/// <param name="Kind">Quantitative, qualitative or missing.</param>
/// <param name="Clauses">The comparisons, in the order written; empty unless quantitative.</param>
/// <param name="Direction">The direction shared by all clauses; null when qualitative, missing or mixed.</param>
/// <param name="Form">For qualitative values, what kind of words they are; null otherwise.</param>
public sealed record Target(
    string Text,
    TargetKind Kind,
    IReadOnlyList<TargetClause> Clauses,
    Direction? Direction,
    QualitativeForm? Form)
{
    /// <summary>A target with no value.</summary>
    public static Target Missing(string text) => new(text, TargetKind.Missing, [], null, null);
}
