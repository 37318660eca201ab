using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>A field of a per-project form's header, funding or goal block.</summary>
internal enum FormField
{
    /// <summary>Not a field label.</summary>
    None,

    Name,
    Department,
    ImplementingUnit,
    Category,
    Period,

    /// <summary>A label heading the funding block (<c>项目资金（万元）</c>): gives the unit, holds no value.</summary>
    FundingGroup,

    Total,
    Fiscal,
    Special,
    Other,

    /// <summary>Money over the whole project period (中长期资金总额): read past, not the year's money.</summary>
    LongTermTotal,

    AnnualGoal,
    LongTermGoal,

    /// <summary>部门（单位）名称 of a department-wide form (and a form's unit where it names no 实施单位).</summary>
    DepartmentName,

    /// <summary>部门编码 / 单位代码.</summary>
    DepartmentCode,

    /// <summary>实际完成情况 of the year's goal, on a self-evaluation form.</summary>
    GoalOutcome,

    /// <summary>总分 declared on a self-evaluation form.</summary>
    TotalScore,

    /// <summary>自评等级 declared on a self-evaluation form.</summary>
    Grade,

    /// <summary>The region a transfer form's following grid is for (区域, 地区…).</summary>
    Region,

    /// <summary>A label whose value is not kept (项目负责人, 联系电话…), so its value is not taken for another field.</summary>
    Ignored,
}

/// <summary>A column of a self-evaluation form's funding grid (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分).</summary>
internal enum ExecutionColumn
{
    None,
    InitialBudget,
    AdjustedBudget,
    Executed,
    Points,
    Rate,
    Score,
}

/// <summary>A column of a department-wide form's task list.</summary>
internal enum TaskColumn
{
    None,
    Function,
    Task,
    Projects,
    Amount,
}

/// <summary>A column of a per-project form's indicator grid.</summary>
internal enum GridColumn
{
    None,
    Level1,
    Level2,
    Name,
    Value,
    Operator,
    Unit,
    Explanation,
    Standard,

    /// <summary>实际完成值 (self-evaluation).</summary>
    Actual,

    /// <summary>分值 / 权重 (self-evaluation).</summary>
    Points,

    /// <summary>得分 (self-evaluation).</summary>
    Score,

    /// <summary>偏差原因分析及改进措施 (self-evaluation).</summary>
    Deviation,
}

/// <summary>
/// The words of per-project forms (layouts.md §1.2), as data: header, funding and goal labels, and the
/// column names of the indicator grid. Labels are compared after <see cref="Key"/> (full-width folded,
/// spaces, colons and a trailing unit in brackets removed), so <c>项目名称：</c> and <c>年度资金总额（万元）</c> match.
/// </summary>
internal static class FormVocabulary
{
    private static readonly (FormField Field, string[] Labels)[] Fields =
    [
        (FormField.Name, ["项目名称", "项目名", "转移支付名称", "专项名称", "专项资金名称", "转移支付项目名称", "资金名称", "转移支付项目", "转移支付(项目)名称", "项目(转移支付)名称", "专项资金(项目)名称"]),
        (FormField.Department, ["主管部门", "主管部门及代码", "主管部门及编码", "主管部门名称", "主管单位", "主管部门（单位）", "主管部门(单位)", "地方主管部门", "省级主管部门", "市级主管部门", "县级主管部门"]),
        (FormField.ImplementingUnit, ["实施单位", "项目实施单位", "执行单位", "预算单位", "项目单位", "项目执行单位"]),
        (FormField.Category, ["项目属性", "项目类型", "项目类别", "项目性质"]),
        (FormField.Period, ["项目期", "项目起止时间", "项目周期", "实施期限", "项目实施期", "起止时间", "项目期限", "实施周期", "项目实施周期", "项目起止年限", "实施期"]),
        (FormField.FundingGroup, ["项目资金", "资金情况", "项目资金情况", "资金来源", "项目预算", "资金投入", "年度预算安排", "预算安排", "年度预算情况", "部门年度预算", "年度部门预算", "预算情况", "资金安排", "预算执行情况", "项目资金执行情况"]),
        (FormField.Total, ["年度资金总额", "资金总额", "项目金额", "年度金额", "项目资金总额", "年度预算资金", "项目总金额", "资金需求", "年度资金需求", "预算金额", "年度预算", "当年资金总额", "年度资金"]),
        (FormField.Fiscal, ["财政拨款", "其中财政拨款", "其中:财政拨款", "当年财政拨款", "财政资金", "当年财政资金", "本级财政资金", "市级财政资金", "区级财政资金", "县级财政资金", "省级财政资金", "一般公共预算", "其中财政资金",
            "一般公共预算拨款", "政府性基金", "政府性基金预算", "国有资本经营预算", "上级资金", "上级补助", "中央补助", "中央补助资金", "中央财政资金", "省级补助", "省级补助资金", "地方资金", "地方财政资金", "本级资金", "市级资金", "县级资金", "区级资金"]),
        (FormField.Special, ["财政专户拨款", "财政专户", "专户资金", "财政专户资金"]),
        (FormField.Other, ["其他资金", "其他", "自有资金", "单位自筹", "自筹资金", "其中其他资金"]),
        (FormField.LongTermTotal, ["中长期资金总额", "实施期资金总额", "总资金", "项目总投资"]),
        (FormField.AnnualGoal, ["年度目标", "年度绩效目标", "年度总体目标", "当年绩效目标", "绩效目标", "项目绩效目标", "年度目标任务", "年度预期目标", "预期目标", "区域年度目标", "年度总体绩效目标", "部门年度总体目标", "整体绩效目标"]),
        (FormField.LongTermGoal, ["中长期目标", "实施期目标", "长期目标", "总体目标", "实施期绩效目标", "中长期绩效目标", "项目总体目标"]),
        (FormField.DepartmentName, ["部门名称", "部门(单位)名称", "单位名称", "部门单位名称", "预算部门名称", "预算单位名称", "部门(单位)", "部门"]),
        (FormField.DepartmentCode, ["部门编码", "部门代码", "单位编码", "单位代码", "部门(单位)编码", "部门(单位)代码", "预算单位编码", "预算部门编码"]),
        (FormField.GoalOutcome, ["实际完成情况", "年度目标完成情况", "目标完成情况", "全年实际完成情况", "实际完成", "总体目标完成情况", "完成情况"]),
        (FormField.TotalScore, ["总分", "合计得分", "自评总分", "总得分", "综合得分", "自评得分", "总计得分"]),
        (FormField.Grade, ["自评等级", "评价等级", "绩效等级", "自评结果等级", "综合评价等级", "评价结果", "自评结论"]),
        (FormField.Region, ["区域", "地区", "地区名称", "区域名称", "县(市、区)", "市县", "实施地区", "实施区域", "县(市区)"]),
        (FormField.Ignored, ["项目负责人", "负责人", "联系人", "联系电话", "电话", "填报人", "填报日期", "项目编码", "项目代码", "预算年度", "年度",
            "上年结转资金", "上年结转", "基本支出", "项目支出", "按收入性质分", "按支出性质分", "中央主管部门"]),
    ];

    private static readonly (ExecutionColumn Column, string[] Names)[] ExecutionColumns =
    [
        (ExecutionColumn.InitialBudget, ["年初预算数", "年初预算", "年初预算金额", "年初预算资金"]),
        (ExecutionColumn.AdjustedBudget, ["全年预算数", "调整后预算数", "调整后预算", "全年预算", "预算调整数", "全年预算金额", "调整预算数"]),
        (ExecutionColumn.Executed, ["全年执行数", "预算执行数", "全年执行", "执行数", "实际支出数", "全年实际支出", "实际执行数", "全年支出数"]),
        (ExecutionColumn.Points, ["分值", "权重", "分数"]),
        (ExecutionColumn.Rate, ["执行率", "预算执行率", "资金执行率"]),
        (ExecutionColumn.Score, ["得分", "自评得分"]),
    ];

    private static readonly (TaskColumn Column, string[] Names)[] TaskColumns =
    [
        (TaskColumn.Function, ["任务名称", "年度主要任务", "部门职能", "主要职能", "职能", "任务", "主要任务", "工作任务", "重点工作"]),
        (TaskColumn.Task, ["年度目标任务", "主要内容", "任务内容", "工作内容", "主要任务内容", "目标任务", "主要工作内容", "任务描述"]),
        (TaskColumn.Projects, ["支出项目名称", "对应项目", "对应支出项目", "支出项目", "对应项目名称", "项目名称"]),
        (TaskColumn.Amount, ["预算金额", "资金预算", "预算资金", "金额", "预算数", "资金总额", "预算金额(万元)"]),
    ];

    private static readonly (GridColumn Column, string[] Names)[] Columns =
    [
        (GridColumn.Level1, ["一级指标"]),
        (GridColumn.Level2, ["二级指标"]),
        (GridColumn.Name, ["三级指标", "指标名称", "三级指标名称", "绩效指标", "具体指标"]),
        (GridColumn.Operator, ["指标性质", "计算符号", "运算符号", "符号", "比较符号", "指标值符号"]),
        (GridColumn.Unit, ["度量单位", "计量单位", "单位", "指标单位"]),
        (GridColumn.Explanation, ["指标解释", "指标说明", "指标内涵", "指标定义", "指标含义"]),
        (GridColumn.Standard, ["指标标准", "指标依据", "标准或依据", "指标标准或依据", "指标值设定依据", "指标值确定依据", "评分标准", "评(扣)分标准", "计分方法", "评分规则", "指标来源"]),
        (GridColumn.Actual, ["实际完成值", "实际值", "完成值", "全年实际值", "实际完成情况", "年度实际完成值", "实际完成指标值", "全年实际完成值", "实际完成数", "实际完成"]),
        (GridColumn.Points, ["分值", "权重", "指标分值", "权重(分值)", "分值(权重)", "标准分值"]),
        (GridColumn.Score, ["得分", "自评得分", "评分", "实际得分", "指标得分"]),
        (GridColumn.Deviation, ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "原因分析及改进措施", "未完成原因分析", "未完成原因及改进措施", "偏差原因及改进措施", "偏差原因分析和改进措施", "未完成原因", "偏差分析", "原因分析"]),
    ];

    private static readonly Dictionary<string, FormField> FieldByKey = BuildFields();

    /// <summary>The field a label names, <see cref="FormField.None"/> when it names none.</summary>
    public static FormField Field(string cell)
    {
        var key = Key(cell);
        if (key.Length == 0 || key.Length > 20)
        {
            return FormField.None;
        }

        if (FieldByKey.TryGetValue(key, out var field))
        {
            return field;
        }

        // 项目名称 and 主管部门 often carry more words (项目名称及编码, 主管部门及代码（单位）).
        if (key.StartsWith("项目名称", StringComparison.Ordinal))
        {
            return FormField.Name;
        }

        return key.StartsWith("主管部门", StringComparison.Ordinal) ? FormField.Department : FormField.None;
    }

    /// <summary>
    /// A label and its value in one cell (<c>项目名称：乡村道路养护</c>, <c>主管部门: 某局</c>), split at the
    /// first colon; null when the text before it names no field or nothing follows it.
    /// </summary>
    public static (FormField Field, string Label, string Value)? SplitLabel(string cell)
    {
        var colon = cell.AsSpan().IndexOfAny(':', '：');
        if (colon <= 0 || colon > 24)
        {
            return null;
        }

        var label = cell[..colon];
        var value = ChineseText.TrimSpace(cell[(colon + 1)..]);
        var field = Field(label);
        return field == FormField.None || value.Length == 0 ? null : (field, label, value);
    }

    /// <summary>The indicator-grid column a header cell names.</summary>
    public static GridColumn Column(string cell)
    {
        var key = Key(cell);
        if (key.Length == 0 || key.Length > 24)
        {
            return GridColumn.None;
        }

        foreach (var (column, names) in Columns)
        {
            if (names.Contains(key))
            {
                return column;
            }
        }

        if (key.Contains("实际", StringComparison.Ordinal) && (key.EndsWith("值", StringComparison.Ordinal) || key.EndsWith("情况", StringComparison.Ordinal)))
        {
            return GridColumn.Actual;
        }

        return IsValueHeader(key) ? GridColumn.Value : GridColumn.None;
    }

    /// <summary>The funding-grid column of a self-evaluation form a header cell names.</summary>
    public static ExecutionColumn Execution(string cell) => Find(ExecutionColumns, Key(cell));

    /// <summary>The task-list column of a department-wide form a header cell names.</summary>
    public static TaskColumn Task(string cell) => Find(TaskColumns, Key(cell));

    /// <summary>True for the overall region's value column of a transfer form (区域目标值, and its typo 区域目标质).</summary>
    public static bool IsRegionValue(string cell)
    {
        var key = Key(cell);
        return key.StartsWith("区域目标", StringComparison.Ordinal) || key is "区域指标值" or "区域年度指标值" or "总体目标值" or "全省目标值" or "全市目标值";
    }

    private static T Find<T>((T Column, string[] Names)[] table, string key)
        where T : struct, Enum
    {
        if (key.Length is 0 or > 24)
        {
            return default;
        }

        foreach (var (column, names) in table)
        {
            if (names.Contains(key))
            {
                return column;
            }
        }

        return default;
    }

    /// <summary>
    /// A target-value column: 指标值, 年度指标值, 目标值, 预期值 and the like, with or without a year
    /// (<c>2024年预期实现值</c>); 实际 / 完成 columns count too (the caller prefers the planned one).
    /// </summary>
    private static bool IsValueHeader(string key) =>
        key.EndsWith("指标值", StringComparison.Ordinal) || key.EndsWith("目标值", StringComparison.Ordinal)
        || key.EndsWith("预期值", StringComparison.Ordinal) || key.EndsWith("实现值", StringComparison.Ordinal)
        || key.EndsWith("期望值", StringComparison.Ordinal) || key.EndsWith("标准值", StringComparison.Ordinal)
        || key.StartsWith("区域目标", StringComparison.Ordinal)
        || key is "指标值(年度)" or "目标" or "年度目标" or "指标值" or "值";

    /// <summary>How much a value column looks like the year's planned target: higher is better.</summary>
    public static int ValuePreference(string header)
    {
        var key = Key(header);
        var score = 0;
        if (key.Contains("实际", StringComparison.Ordinal) || key.Contains("完成", StringComparison.Ordinal))
        {
            score -= 100;
        }

        if (key.Contains("中长期", StringComparison.Ordinal) || key.Contains("实施期", StringComparison.Ordinal))
        {
            score -= 10;
        }

        if (key.Contains("年度", StringComparison.Ordinal) || key.Contains("预期", StringComparison.Ordinal)
            || key.Contains("目标", StringComparison.Ordinal) || key.Contains("计划", StringComparison.Ordinal))
        {
            score += 10;
        }

        // A later year is the one being planned (2024年预期 beside 2023年实际).
        var year = Domain.Review.NameKeys.FirstYear(key);
        return score + (year is { } y ? y - 2000 : 0);
    }

    /// <summary>True for text that ends a form: signatures, stamps, notes.</summary>
    public static bool IsFooter(string cell)
    {
        var key = Key(cell);
        return key.StartsWith("填报单位", StringComparison.Ordinal) || key.StartsWith("填表人", StringComparison.Ordinal)
            || key.StartsWith("填报人", StringComparison.Ordinal) || key.Contains("盖章", StringComparison.Ordinal)
            || key.StartsWith("审核人", StringComparison.Ordinal) || key.StartsWith("填表说明", StringComparison.Ordinal)
            || key.StartsWith("注:", StringComparison.Ordinal) || key.StartsWith("备注:", StringComparison.Ordinal)
            || key.StartsWith("说明:", StringComparison.Ordinal) || key.StartsWith("单位负责人", StringComparison.Ordinal)
            || key.StartsWith("财务负责人", StringComparison.Ordinal) || key.StartsWith("签字", StringComparison.Ordinal);
    }

    /// <summary>True for a form's title: a 绩效目标表, 申报表, 批复表 or the like.</summary>
    public static bool IsTitle(string cell)
    {
        var key = Key(cell);
        return key.Length is > 4 and <= 60 && key.Contains("绩效", StringComparison.Ordinal)
            && (key.EndsWith("表", StringComparison.Ordinal) || key.Contains("目标表", StringComparison.Ordinal) || key.Contains("申报表", StringComparison.Ordinal)
                || key.Contains("批复表", StringComparison.Ordinal));
    }

    /// <summary>
    /// The unit a label or value names for money: 元 when it says <c>（元）</c> or ends in <c>元</c> but not
    /// <c>万元</c>; 万元 when it says 万元; null when it says neither.
    /// </summary>
    public static Domain.Amounts.AmountUnit? MoneyUnit(string text)
    {
        var folded = ChineseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        if (folded.Contains("万元", StringComparison.Ordinal))
        {
            return Domain.Amounts.AmountUnit.WanYuan;
        }

        return folded.Contains("(元)", StringComparison.Ordinal) || folded.EndsWith('元') || folded.Contains("单位:元", StringComparison.Ordinal)
            ? Domain.Amounts.AmountUnit.Yuan
            : null;
    }

    /// <summary>A label as compared: full-width folded, without spaces, colons, a leading 其中 and a trailing unit in brackets.</summary>
    /// <summary>The text without any white space (spaces, line breaks, tabs).</summary>
    public static string WithoutSpace(string text)
    {
        if (!text.AsSpan().ContainsAny(" \t\r\n\u3000\u00A0"))
        {
            return text;
        }

        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    public static string Key(string cell)
    {
        // Labels wrap inside their cells (项目\n名称, 主管部门\n及代码): every kind of white space goes.
        var text = WithoutSpace(ChineseText.Normalize(ChineseText.TrimSpace(cell)));
        text = text.TrimEnd(':', '：');
        foreach (var unit in new[] { "(万元)", "(元)", "(%)", "(分)" })
        {
            if (text.EndsWith(unit, StringComparison.Ordinal))
            {
                text = text[..^unit.Length];
            }
        }

        // Points after a label: 产出指标(50分), 预算执行情况(10分).
        if (text.EndsWith("分)", StringComparison.Ordinal) && text.LastIndexOf('(') is var open and > 0
            && text.AsSpan(open + 1, text.Length - open - 3).IndexOfAnyExcept("0123456789.") < 0)
        {
            text = text[..open];
        }

        if (text.StartsWith("其中:", StringComparison.Ordinal))
        {
            text = text[3..];
        }
        else if (text.StartsWith("其中", StringComparison.Ordinal) && text.Length > 2)
        {
            text = text[2..];
        }

        return text.TrimEnd(':');
    }

    private static Dictionary<string, FormField> BuildFields()
    {
        var map = new Dictionary<string, FormField>(StringComparer.Ordinal);
        foreach (var (field, labels) in Fields)
        {
            foreach (var label in labels)
            {
                map.TryAdd(Key(label), field);
            }
        }

        return map;
    }
}
