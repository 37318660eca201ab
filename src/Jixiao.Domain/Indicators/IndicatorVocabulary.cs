using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Indicators;

/// <summary>
/// The words that classify indicators, as data: category labels, the keywords that infer a level 2 from
/// an indicator name, and the keywords that tell whether more is better. Rules are tried in order; the
/// first that matches wins.
/// </summary>
public static class IndicatorVocabulary
{
    /// <summary>Category labels as written before the colon (<c>产出指标：</c>), with the levels they name.</summary>
    public static IReadOnlyList<(string Label, Level1 Level1, Level2? Level2)> Labels { get; } =
    [
        ("产出指标", Level1.Output, null),
        ("效益指标", Level1.Benefit, null),
        ("服务对象满意度指标", Level1.Satisfaction, Level2.Satisfaction),
        ("满意度指标", Level1.Satisfaction, null),
        ("经济成本指标", Level1.Cost, Level2.EconomicCost),
        ("社会成本指标", Level1.Cost, Level2.SocialCost),
        ("生态环境成本指标", Level1.Cost, Level2.EcoCost),
        ("成本指标", Level1.Cost, null),
        ("数量指标", Level1.Output, Level2.Quantity),
        ("质量指标", Level1.Output, Level2.Quality),
        ("时效指标", Level1.Output, Level2.Timeliness),
        ("经济效益指标", Level1.Benefit, Level2.Economic),
        ("社会效益指标", Level1.Benefit, Level2.Social),
        ("生态效益指标", Level1.Benefit, Level2.Ecological),
        ("可持续影响指标", Level1.Benefit, Level2.Sustainability),
    ];

    /// <summary>Level-2 inference for 产出 indicators: keywords in the name.</summary>
    public static IReadOnlyList<(Level2 Level2, string[] Keywords)> OutputRules { get; } =
    [
        (Level2.Timeliness, ["及时", "时效", "响应时间", "响应的时间", "到达时间", "时长", "时限", "期限", "按期", "按时", "进度", "周期", "办结时间", "工期", "处理时间"]),
        (Level2.Cost, ["成本", "预算控制", "造价", "单价", "费用", "经费控制", "资金控制", "支出控制"]),
        (Level2.Quality, ["合格", "成功率", "故障", "事故", "达标", "准确", "质量", "验收", "可用性", "稳定", "出勤率", "完好", "合规", "规范", "安全", "优良", "通过率", "差错", "满足"]),
        (Level2.Quantity, ["数量", "人数", "人次", "场次", "次数", "个数", "篇数", "面积", "覆盖", "规模", "完成率", "频率", "频次", "业务量", "数据量", "并发数", "用户数", "数"]),
    ];

    /// <summary>Level-2 inference for 效益 indicators; what matches none is 社会效益.</summary>
    public static IReadOnlyList<(Level2 Level2, string[] Keywords)> BenefitRules { get; } =
    [
        (Level2.Sustainability, ["可持续", "持续", "长效", "长期", "寿命", "延续"]),
        (Level2.Ecological, ["生态", "环境", "节能", "减排", "绿化", "能耗", "污染", "低碳", "绿色"]),
        (Level2.Economic, ["经济", "收入", "节约", "人工成本", "产值", "利润", "收益", "增收"]),
    ];

    /// <summary>Level-2 inference for 成本 indicators; what matches none is 经济成本.</summary>
    public static IReadOnlyList<(Level2 Level2, string[] Keywords)> CostRules { get; } =
    [
        (Level2.SocialCost, ["社会"]),
        (Level2.EcoCost, ["生态", "环境"]),
    ];

    /// <summary>Units that count things: a bare number with one of them is a 数量 measure.</summary>
    public static IReadOnlySet<string> CountUnits { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "人", "人次", "名", "个", "门", "篇", "份", "场", "讲", "项", "次", "件", "户", "家", "所", "台", "套",
        "册", "本", "部", "条", "期", "批", "间", "辆", "座", "处", "张", "节", "笔", "种", "类", "课时", "学时",
    };

    /// <summary>Units of time: a duration is a 时效 measure.</summary>
    public static IReadOnlySet<string> TimeUnits { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "分钟", "小时", "秒", "天", "日", "个月", "工作日", "周",
    };

    /// <summary>Name keywords meaning less is better (反向): failures, accidents, waiting times, costs.</summary>
    public static IReadOnlyList<string> LowerIsBetter { get; } =
    [
        "故障", "事故", "发生率", "投诉", "差错", "错误", "失误", "违规", "违纪", "未解决", "超支", "超标", "能耗",
        "响应时间", "响应的时间", "到达时间", "维修时长", "处理时间", "处理时长", "等待时间", "办结时间", "修复时间",
        "恢复时间", "损失", "流失率", "辍学率", "空置率", "不合格", "误差", "单位造价", "单价", "延误", "缺陷",
        "成本", "费用", "排放量", "浓度", "逾期", "返工", "隐患", "污染", "事件", "案件", "死亡", "伤亡",
    ];

    /// <summary>Name keywords meaning more is better (正向), checked after <see cref="LowerIsBetter"/>.</summary>
    public static IReadOnlyList<string> HigherIsBetter { get; } =
    [
        "满意度", "率", "数量", "人数", "人次", "场次", "覆盖", "次数", "篇数", "个数", "业务量", "数据量", "并发数", "用户数", "增长", "频次", "频率", "数",
    ];

    /// <summary>True when <c>成本指标</c> in a label is not the end of 经济/社会/生态环境成本指标.</summary>
    private static bool IsPlainCostLabel(ReadOnlySpan<char> label)
    {
        var at = label.IndexOf("成本指标", StringComparison.Ordinal);
        return at >= 0 && (at == 0 || label[at - 1] is not ('济' or '会' or '境'));
    }

    private static KeywordSet LowerSet { get; } = new(LowerIsBetter);

    private static KeywordSet HigherSet { get; } = new(HigherIsBetter);

    private static KeywordSet NegatedSet => MeaningSets.Negated;

    private static KeywordSet OutcomeSet => MeaningSets.Outcome;

    private static KeywordSet AdverseSet => MeaningSets.Adverse;

    private static KeywordSet HandlingSet => MeaningSets.Handling;

    private static KeywordSet ReductionSet => MeaningSets.Reduction;

    /// <summary>The meaning word lists as sets, built on first use (after the lists themselves).</summary>
    private static class MeaningSets
    {
        public static readonly KeywordSet Negated = new(NegatedOutcomes);
        public static readonly KeywordSet Outcome = new(OutcomeMeasures);
        public static readonly KeywordSet Adverse = new(AdverseMeasures);
        public static readonly KeywordSet Handling = new(HandlingWords);
        public static readonly KeywordSet Reduction = new(ReductionWords);
    }

    /// <summary>
    /// Finds the levels a category label names: an exact label (<c>产出指标</c>, <c>数量指标</c>), or a
    /// combined one (<c>产出指标-数量指标</c>, <c>效益指标（社会效益指标）</c>). A missing trailing 指标 is allowed.
    /// </summary>
    public static bool TryFindLabel(string label, out Level1 level1, out Level2? level2)
    {
        ArgumentNullException.ThrowIfNull(label);
        return TryFindLabel(label.AsSpan(), out level1, out level2);
    }

    /// <inheritdoc cref="TryFindLabel(string, out Level1, out Level2?)"/>
    public static bool TryFindLabel(ReadOnlySpan<char> label, out Level1 level1, out Level2? level2)
    {
        var text = label.Trim();
        foreach (var (word, l1, l2) in Labels)
        {
            if (text.SequenceEqual(word) || (word.Length == text.Length + 2 && word.AsSpan().StartsWith(text) && word.EndsWith("指标", StringComparison.Ordinal)))
            {
                level1 = l1;
                level2 = l2;
                return true;
            }
        }

        Level1? foundLevel1 = null;
        level2 = null;
        foreach (var (word, l1, l2) in Labels)
        {
            if (!text.Contains(word, StringComparison.Ordinal))
            {
                continue;
            }


            if (l2 is not null && level2 is null && (foundLevel1 is null || foundLevel1 == l1))
            {
                level2 = l2;
                foundLevel1 = l1;
            }
            else if (l2 is null && foundLevel1 == Level1.Output && l1 == Level1.Cost && level2 is null && IsPlainCostLabel(text))
            {
                // 产出指标-成本指标: the 成本 level 2 of 产出 (2021 framework), not the 成本 level 1.
                level2 = Level2.Cost;
            }
            else if (l2 is null)
            {
                foundLevel1 ??= l1;
            }
        }

        level1 = foundLevel1 ?? default;
        if (level2 is not null && level2.Value.Parent() != level1)
        {
            level2 = null;
        }

        return foundLevel1 is not null;
    }

    /// <summary>
    /// Infers the level 2 of an indicator from its name and, failing that, the unit of its first clause.
    /// Null when nothing in the name or unit points to one.
    /// </summary>
    public static Level2? InferLevel2(Level1 level1, string name, string? unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        switch (level1)
        {
            case Level1.Satisfaction:
                return Level2.Satisfaction;
            case Level1.Benefit:
                return Match(BenefitRules, name) ?? Level2.Social;
            case Level1.Cost:
                return Match(CostRules, name) ?? Level2.EconomicCost;
            case Level1.Output:
                var fromName = Match(OutputRules, name);
                if (fromName is not null || unit is null)
                {
                    return fromName;
                }

                if (CountUnits.Contains(unit))
                {
                    return Level2.Quantity;
                }

                return TimeUnits.Contains(unit) ? Level2.Timeliness : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(level1), level1, null);
        }
    }

    /// <summary>The direction an indicator's meaning implies when its target is written as a bare number.</summary>
    public static Direction DirectionFromMeaning(string name, string subject, string unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(subject);
        return DirectionFromMeaning(name, subject, [], unit);
    }

    /// <summary>
    /// As <see cref="DirectionFromMeaning(string, string, string)"/>, with words after the number
    /// (<c>0教学事故</c>) as context too. What the clause's own words measure (before the number, then after
    /// it) decides first, then what the name measures (<see cref="MeaningOf"/>); failing all three, a
    /// percentage or a count is higher-is-better and anything else is to be met exactly.
    /// </summary>
    public static Direction DirectionFromMeaning(string name, ReadOnlySpan<char> subject, ReadOnlySpan<char> after, string unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        if ((MeaningOf(subject) ?? MeaningOf(after) ?? MeaningOf(name)) is { } meant)
        {
            return meant;
        }

        return unit == "%" || CountUnits.Contains(unit) ? Direction.Higher : Direction.Equal;
    }

    /// <summary>
    /// Whether more or less of what a name measures is better, from what it measures rather than from a
    /// word anywhere in it: the measure is the end of the name (a Chinese noun phrase ends in its head), so
    /// <c>故障及时处理率</c> is a rate of handling (higher) and <c>故障率</c> a rate of faults (lower). In order:
    /// a negated outcome at the end (<c>不合格率</c>) is lower; an outcome or handling measure at the end
    /// (<see cref="OutcomeMeasures"/>: <c>…处理率</c>, <c>…达标率</c>, <c>…降低率</c>) is higher; a measure of
    /// something bad at the end (<see cref="AdverseMeasures"/>: <c>…发生率</c>, <c>响应时间</c>) is lower; a
    /// bad thing named (<see cref="LowerIsBetter"/>) is lower unless a handling word follows it
    /// (<c>投诉处理件数</c>) or a reduction word precedes it (<c>降低人工成本</c>); a good measure named (<see cref="HigherIsBetter"/>) is higher. Null when the
    /// text says nothing either way.
    /// </summary>
    public static Direction? MeaningOf(ReadOnlySpan<char> text)
    {
        var t = WithoutTrailingUnit(text.Trim());
        if (t.IsEmpty)
        {
            return null;
        }

        if (NegatedSet.MatchEndingAt(t, t.Length) is not null)
        {
            return Direction.Lower;
        }

        if (OutcomeSet.MatchEndingAt(t, t.Length) is not null)
        {
            return Direction.Higher;
        }

        if (AdverseSet.MatchEndingAt(t, t.Length) is not null)
        {
            return Direction.Lower;
        }

        for (var bad = t.Length - 1; bad >= 0; bad--)
        {
            if (LowerSet.MatchAt(t, bad) is { } word)
            {
                // 降低人工成本 / 减少碳排放量 measure a reduction; 投诉处理件数 measures handling.
                return HandlingSet.ContainsAny(t[(bad + word.Length)..]) || ReductionSet.ContainsAny(t[..bad]) ? Direction.Higher : Direction.Lower;
            }
        }

        return HigherSet.ContainsAny(t) ? Direction.Higher : null;
    }

    /// <summary>Outcomes negated at the end of a name: a rate of failing to reach something good (lower is better).</summary>
    public static IReadOnlyList<string> NegatedOutcomes { get; } =
    [
        "不合格率", "未完成率", "不达标率", "未达标率", "不及格率", "未通过率", "未结率", "未办结率", "不满意率", "未解决率", "未整改率",
    ];

    /// <summary>Measures of an outcome or of handling something, at the end of a name (higher is better whatever they handle).</summary>
    public static IReadOnlyList<string> OutcomeMeasures { get; } =
    [
        "处理率", "解决率", "办结率", "整改率", "修复率", "排除率", "完成率", "达标率", "合格率", "及时率", "覆盖率", "到位率", "响应率",
        "满意度", "满意率", "降低率", "下降率", "减少率", "降幅", "节约率", "节能率", "控制率", "知晓率", "通过率", "利用率", "使用率",
        "回复率", "答复率", "处置率", "结案率", "查处率", "化解率", "销号率", "执行率", "落实率", "巩固率", "受理率", "优良率", "准确率",
        "正确率", "完好率", "在线率", "可用率", "成功率", "出勤率", "验收率", "清运率", "收集率", "救治率", "治愈率", "排查率", "消除率",
        "治理率", "调处率", "办理率", "挽回率",
    ];

    /// <summary>Measures of something bad, or of waiting for something, at the end of a name (lower is better).</summary>
    public static IReadOnlyList<string> AdverseMeasures { get; } =
    [
        "故障率", "事故率", "发生率", "差错率", "错误率", "出错率", "投诉率", "违规率", "违纪率", "流失率", "辍学率", "空置率", "超支率",
        "失误率", "返工率", "误差率", "损失率", "死亡率", "发病率", "感染率", "患病率", "缺陷率", "延误率", "逾期率", "误报率", "漏报率",
        "失败率", "退货率", "闲置率", "欠费率", "复发率", "犯罪率", "中断率", "掉线率", "丢包率", "返贫率", "失业率", "重复率",
        .. LatencyWords.SelectMany(verb => new[] { verb + "时间", verb + "时长", verb + "用时", verb + "时限", verb + "周期" }),
    ];

    /// <summary>Words that, after a bad thing, turn the measure into one of handling it (<c>投诉处理件数</c>).</summary>
    public static IReadOnlyList<string> HandlingWords { get; } =
    [
        "处理", "解决", "办结", "整改", "修复", "排除", "处置", "查处", "回复", "答复", "化解", "降低", "下降", "减少", "控制", "防控",
        "预防", "排查", "消除", "结案", "销号", "治理", "调处", "受理", "挽回", "救治", "清理", "清运",
    ];

    /// <summary>Words that, before a bad thing, make the measure the amount it is reduced by (<c>降低人工成本</c>).</summary>
    public static IReadOnlyList<string> ReductionWords { get; } = ["降低", "减少", "节约", "节省", "下降", "压缩", "压减", "缩短", "消除", "避免", "挽回"];

    private static string[] LatencyWords =>
        ["响应", "等待", "处理", "办理", "办结", "维修", "修复", "恢复", "到达", "审批", "排队", "停机", "中断", "到场", "出警", "反馈", "回复", "处置", "抢修"];

    private static ReadOnlySpan<char> WithoutTrailingUnit(ReadOnlySpan<char> text)
    {
        // 合格率(%) / 响应时间（分钟）: the unit in brackets at the end is not what is measured.
        if (text.Length > 2 && text[^1] is ')' or '）')
        {
            var open = text.LastIndexOfAny('(', '（');
            if (open > 0 && text.Length - open <= 8)
            {
                return text[..open].TrimEnd();
            }
        }

        return text;
    }

    private static Level2? Match(IReadOnlyList<(Level2 Level2, string[] Keywords)> rules, string name)
    {
        foreach (var (level2, keywords) in rules)
        {
            if (ContainsAny(name, keywords))
            {
                return level2;
            }
        }

        return null;
    }

    internal static bool ContainsAny(ReadOnlySpan<char> text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
