using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// The Chinese words the target grammar recognises, as data. Lists that are matched at a position are
/// tried longest first, so <c>不少于</c> wins over <c>少于</c> and <c>分钟</c> over <c>分</c>.
/// </summary>
public static class TargetVocabulary
{
    /// <summary>Units of measure written after a number.</summary>
    public static IReadOnlyList<string> Units { get; } = LongestFirst(
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
    public static IReadOnlyDictionary<string, string> UnitAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["个工作日"] = "工作日",
        ["平米"] = "平方米",
        ["㎡"] = "平方米",
        ["百分比"] = "%",
        ["千克"] = "公斤",
    };

    /// <summary>Words after <c>/</c> or <c>每</c> that make a rate: <c>2次/天</c>, <c>每年30门</c>.</summary>
    public static IReadOnlyList<string> Periods { get; } = LongestFirst(
        ["天", "日", "年", "月", "周", "季度", "学期", "小时", "次", "人", "户", "台", "个", "课", "班"]);

    /// <summary>Comparator words and symbols written before the number.</summary>
    public static IReadOnlyList<(string Word, Comparator Comparator)> Prefixes { get; } = LongestFirst(
    [
        (">=", Comparator.GreaterOrEqual), ("≥", Comparator.GreaterOrEqual), ("=>", Comparator.GreaterOrEqual),
        ("大于等于", Comparator.GreaterOrEqual), ("大于或等于", Comparator.GreaterOrEqual), ("不少于", Comparator.GreaterOrEqual),
        ("不低于", Comparator.GreaterOrEqual), ("不小于", Comparator.GreaterOrEqual), ("不下于", Comparator.GreaterOrEqual),
        ("至少", Comparator.GreaterOrEqual), ("最少", Comparator.GreaterOrEqual),
        ("最低", Comparator.GreaterOrEqual), ("达到", Comparator.GreaterOrEqual), ("达", Comparator.GreaterOrEqual),
        ("≮", Comparator.GreaterOrEqual),
        ("<=", Comparator.LessOrEqual), ("≤", Comparator.LessOrEqual), ("=<", Comparator.LessOrEqual),
        ("小于等于", Comparator.LessOrEqual), ("小于或等于", Comparator.LessOrEqual), ("不超过", Comparator.LessOrEqual),
        ("不超出", Comparator.LessOrEqual), ("不高于", Comparator.LessOrEqual), ("不大于", Comparator.LessOrEqual),
        ("不多于", Comparator.LessOrEqual), ("未超过", Comparator.LessOrEqual), ("至多", Comparator.LessOrEqual),
        ("最多", Comparator.LessOrEqual), ("最高", Comparator.LessOrEqual), ("控制在", Comparator.LessOrEqual),
        ("≯", Comparator.LessOrEqual),
        (">", Comparator.Greater), ("大于", Comparator.Greater), ("高于", Comparator.Greater), ("超过", Comparator.Greater),
        ("多于", Comparator.Greater), ("逾", Comparator.Greater),
        ("<", Comparator.Less), ("小于", Comparator.Less), ("低于", Comparator.Less), ("少于", Comparator.Less),
        ("不足", Comparator.Less), ("不到", Comparator.Less),
        ("~", Comparator.Approximately), ("≈", Comparator.Approximately), ("约", Comparator.Approximately),
        ("近", Comparator.Approximately), ("将近", Comparator.Approximately), ("接近", Comparator.Approximately),
        ("大约", Comparator.Approximately), ("约为", Comparator.Approximately),
        ("=", Comparator.Equal), ("==", Comparator.Equal), ("等于", Comparator.Equal), ("为", Comparator.Equal),
    ]);

    /// <summary>Comparator words written after the number and unit.</summary>
    public static IReadOnlyList<(string Word, Comparator Comparator)> Suffixes { get; } = LongestFirst(
    [
        ("或以上", Comparator.GreaterOrEqual), ("及以上", Comparator.GreaterOrEqual), ("以上", Comparator.GreaterOrEqual),
        ("或更多", Comparator.GreaterOrEqual), ("或更高", Comparator.GreaterOrEqual),
        ("或以下", Comparator.LessOrEqual), ("及以下", Comparator.LessOrEqual), ("以下", Comparator.LessOrEqual),
        ("以内", Comparator.LessOrEqual), ("之内", Comparator.LessOrEqual), ("内", Comparator.LessOrEqual),
        ("或更少", Comparator.LessOrEqual), ("或更低", Comparator.LessOrEqual),
        ("左右", Comparator.Approximately), ("上下", Comparator.Approximately),
    ]);

    /// <summary>Separators between the two numbers of a range: <c>90%-95%</c>, <c>3至5天</c>.</summary>
    public static IReadOnlyList<string> RangeSeparators { get; } = LongestFirst(["-", "~", "—", "–", "至", "到"]);

    /// <summary>Words before a number that name what is counted, and the unit they imply (<c>参与人次不少于36万</c>).</summary>
    public static IReadOnlyList<(string Word, string Unit)> SubjectUnits { get; } = LongestFirst(
    [
        ("人次", "人次"), ("人数", "人"), ("次数", "次"), ("场次", "场"), ("篇数", "篇"), ("门数", "门"),
        ("个数", "个"), ("件数", "件"), ("天数", "天"), ("户数", "户"), ("项数", "项"), ("课时", "课时"), ("学时", "学时"),
    ]);

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

    /// <summary>Values that mean no value was written.</summary>
    public static IReadOnlyList<string> MissingValues { get; } = ["", "无", "-", "—", "/", "暂无", "待定", "空", "N/A", "n/a"];

    /// <summary>Chinese numerals accepted after a comparator word (<c>不少于两次</c>).</summary>
    public static IReadOnlyDictionary<char, int> ChineseDigits { get; } = new Dictionary<char, int>
    {
        ['零'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4,
        ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    internal static KeywordSet UnitSet { get; } = new(Units);

    internal static KeywordSet PeriodSet { get; } = new(Periods);

    internal static KeywordSet RangeSeparatorSet { get; } = new(RangeSeparators);

    internal static KeywordSet PrefixSet { get; } = new(Prefixes.Select(p => p.Word));

    internal static Dictionary<string, Comparator> PrefixComparators { get; } = Prefixes.ToDictionary(p => p.Word, p => p.Comparator, StringComparer.Ordinal);

    internal static KeywordSet SuffixSet { get; } = new(Suffixes.Select(p => p.Word));

    internal static Dictionary<string, Comparator> SuffixComparators { get; } = Suffixes.ToDictionary(p => p.Word, p => p.Comparator, StringComparer.Ordinal);

    internal static KeywordSet QuestionSet { get; } = new(QuestionMarkers);

    internal static KeywordSet RelativeSet { get; } = new(RelativeMarkers);

    private static IReadOnlyList<string> LongestFirst(string[] words) =>
        [.. words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];

    private static IReadOnlyList<(string, T)> LongestFirst<T>((string, T)[] words) =>
        [.. words.OrderByDescending(w => w.Item1.Length).ThenBy(w => w.Item1, StringComparer.Ordinal)];
}
