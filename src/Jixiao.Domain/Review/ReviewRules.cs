using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Review;

/// <summary>
/// The catalogue of every review rule: one place for codes, default severities, Chinese wording, basis,
/// suggested fixes and examples. <c>docs/review-rules.md</c> is rendered from it and a test runs every
/// example, so the documentation, the examples and the checks cannot drift apart.
/// </summary>
public static class ReviewRules
{
    private const Severity E = Severity.Error;
    private const Severity W = Severity.Warning;
    private const Severity I = Severity.Info;
    private const string Targets2015 = "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）";
    private const string Monitoring2019 = "《中央部门预算绩效运行监控管理暂行办法》（财预〔2019〕136号）";
    private const string Evaluation2020 = "《项目支出绩效评价管理办法》（财预〔2020〕10号）";
    private const string Indicators2021 = "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）";

    private const string Form = "项目支出绩效目标表填报口径：总计 = 财政拨款 + 财政专户拨款 + 其他资金（部门预算公开表样）";
    private const string Quantify = "绩效目标应“细化量化”，能量化的尽量量化，不能量化的采用可衡量的分级定性表述（" + Targets2015 + "）";

    /// <summary>A project's three sources do not add up to its 总计.</summary>
    public static readonly ReviewRule FundRowSum = new(
        "FUND-ROW-SUM", RuleFamily.Arithmetic, FindingScope.Project, E,
        "项目资金来源合计与总计不符",
        "逐行核对：财政拨款、财政专户拨款、其他资金三项之和应等于总计。",
        Form,
        "核对该项目各资金来源金额与总计，更正填错的一项。",
        "总计 {0}，三项资金来源合计 {1}，相差 {2}。",
        "项目：物业管理费；100.00/60.00/30.00/-",
        "项目：物业管理费；100.00/60.00/40.00/-");

    /// <summary>The summary row's sources do not add up to its 总计.</summary>
    public static readonly ReviewRule FundSummarySum = new(
        "FUND-SUMMARY-SUM", RuleFamily.Arithmetic, FindingScope.Unit, E,
        "单位汇总行资金来源合计与总计不符",
        "单位汇总行的财政拨款、财政专户拨款、其他资金三项之和应等于汇总行总计。",
        Form,
        "核对单位汇总行各列金额，更正填错的一列。",
        "汇总行总计 {0}，三项资金来源合计 {1}，相差 {2}。",
        "汇总：100.00/50.00/40.00/-\n项目：物业管理费；100.00/50.00/50.00/-",
        "汇总：100.00/50.00/50.00/-\n项目：物业管理费；100.00/50.00/50.00/-");

    /// <summary>A column of the summary row differs from the sum of the projects.</summary>
    public static readonly ReviewRule FundSummaryTotal = new(
        "FUND-SUMMARY-TOTAL", RuleFamily.Arithmetic, FindingScope.Unit, E,
        "单位汇总行与各项目合计不符",
        "逐列核对：单位汇总行的总计、财政拨款、财政专户拨款、其他资金，应分别等于全部项目该列之和。",
        "汇总行是本表所列项目的合计（部门预算公开表样的填报口径）",
        "核对是否漏列、多列项目或汇总行填错；以项目明细为准重新汇总。",
        "汇总行{0} {1}，{2} 个项目合计 {3}，相差 {4}。",
        "汇总：300.00/300.00/-/-\n项目：设备购置；100.00/100.00/-/-\n项目：场地租赁；150.00/150.00/-/-",
        "汇总：250.00/250.00/-/-\n项目：设备购置；100.00/100.00/-/-\n项目：场地租赁；150.00/150.00/-/-");

    /// <summary>A sum that is off by no more than rounding.</summary>
    public static readonly ReviewRule FundRounding = new(
        "FUND-ROUNDING", RuleFamily.Arithmetic, FindingScope.Unit, I,
        "金额合计存在尾差",
        "合计与明细相差不超过一个最小单位（默认 0.01 万元），通常是各行分别四舍五入造成的尾差。",
        "尾差属于四舍五入，不是差错，但公开的表格最好调平",
        "如需调平，在金额最大的一行调整尾差。",
        "{0}：合计应为 {1}，实为 {2}，相差 {3}，属于四舍五入尾差。",
        "汇总：100.00/100.00/-/-\n项目：设备购置；60.00/60.00/-/-\n项目：场地租赁；40.01/40.01/-/-",
        "汇总：100.00/100.00/-/-\n项目：设备购置；60.00/60.00/-/-\n项目：场地租赁；40.00/40.00/-/-");

    /// <summary>A project with no money.</summary>
    public static readonly ReviewRule FundMissing = new(
        "FUND-MISSING", RuleFamily.Arithmetic, FindingScope.Project, W,
        "项目未填列资金",
        "项目行的总计和各资金来源均为空或为零。",
        "绩效目标与预算资金同步申报，目标应与资金量“相应匹配”（" + Targets2015 + "）",
        "填列项目预算资金，或将没有资金安排的项目从表中删除。",
        "项目没有填列任何资金。",
        "项目：调研经费；-/-/-/-",
        "项目：调研经费；5.00/5.00/-/-");

    /// <summary>A project without indicators.</summary>
    public static readonly ReviewRule IndicatorsNone = new(
        "IND-NONE", RuleFamily.Completeness, FindingScope.Project, E,
        "项目没有绩效指标",
        "项目行的绩效指标栏为空。",
        "每个项目都应设置产出、效益、满意度指标（" + Targets2015 + "；" + Indicators2021 + "）",
        "为项目补充产出、效益和满意度指标及年度指标值。",
        "项目没有填写任何绩效指标。",
        "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。",
        "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。\n产出：调研报告数量：≥2份");

    /// <summary>A required level-1 category is absent.</summary>
    public static readonly ReviewRule Level1Missing = new(
        "IND-LEVEL1-MISSING", RuleFamily.Completeness, FindingScope.Project, E,
        "缺少必备的一级指标",
        "项目应具备审核规则文件 requiredLevel1 所列的全部一级指标（全国默认：产出、效益、满意度）。",
        "绩效指标须包括产出、效益和满意度指标（" + Targets2015 + "；" + Indicators2021 + "）",
        "补充缺少的一级指标，如服务对象满意度“≥90%”。",
        "项目缺少{0}指标。",
        "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。\n产出：调研报告数量：≥2份\n效益：成果采纳数：≥1项",
        "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。\n产出：调研报告数量：≥2份\n效益：成果采纳数：≥1项\n满意度：委托部门满意度：≥90%");

    /// <summary>An empty goal.</summary>
    public static readonly ReviewRule GoalMissing = new(
        "GOAL-MISSING", RuleFamily.Completeness, FindingScope.Project, E,
        "绩效目标为空",
        "项目行的绩效目标栏没有内容。",
        "绩效目标是指标的依据，应“指向明确”（" + Targets2015 + "）",
        "用一两句话写明项目在本年度要完成什么、达到什么效果。",
        "项目没有填写绩效目标。",
        "项目：调研经费；5.00/5.00/-/-\n产出：调研报告数量：≥2份",
        "项目：调研经费；5.00/5.00/-/-\n目标：完成年度专题调研。\n产出：调研报告数量：≥2份");

    /// <summary>An indicator with no target value.</summary>
    public static readonly ReviewRule TargetMissing = new(
        "IND-TARGET-MISSING", RuleFamily.Completeness, FindingScope.Indicator, E,
        "指标值为空",
        "指标有名称但没有年度指标值，或只填了“无”“/”之类的占位。",
        "每个指标都要有年度指标值，否则无法监控和评价（" + Targets2015 + "；" + Monitoring2019 + "）",
        "填写年度指标值，如“≥120人”。",
        "指标“{0}”没有年度指标值。",
        "产出：培训人数：",
        "产出：培训人数：120人");

    /// <summary>A question in place of a target.</summary>
    public static readonly ReviewRule Question = new(
        "IND-QUESTION", RuleFamily.Quantification, FindingScope.Indicator, E,
        "指标值是问句",
        "指标值写成了“是否……”“有否……”之类的问句，没有给出要达到的目标。",
        "问句（如“是否有影响力”）不是目标，等于没有指标值（" + Targets2015 + "：绩效目标应细化量化）",
        "改为可衡量的结果，如“被市级以上媒体报道不少于2次”。",
        "指标“{0}”的指标值“{1}”是问句，不是目标。",
        "效益：影响力：是否有影响力",
        "效益：影响力：被市级以上媒体报道不少于2次");

    /// <summary>A definition in place of a target.</summary>
    public static readonly ReviewRule Definition = new(
        "IND-DEFINITION", RuleFamily.Quantification, FindingScope.Indicator, E,
        "指标值是指标定义",
        "指标值只解释了指标的含义或计算口径，没有给出数值。",
        "指标的定义（如“平均每用户办理/查询业务数量”）不是目标，等于没有指标值（" + Targets2015 + "：绩效目标应细化量化）",
        "把口径写进指标名称，指标值填数值，如“≥12件”。",
        "指标“{0}”的指标值“{1}”是指标定义，没有给出目标数值。",
        "产出：年度人均业务量：平均每用户办理/查询业务数量",
        "产出：年度人均业务量：≥12件");

    /// <summary>A name that declares (%) with a non-numeric value.</summary>
    public static readonly ReviewRule PercentText = new(
        "IND-PERCENT-TEXT", RuleFamily.Quantification, FindingScope.Indicator, E,
        "百分比指标填了文字",
        "指标名称注明“（%）”，指标值却是文字，没有百分比数值。",
        Quantify,
        "填写百分比目标值，如“≥95%”。",
        "指标“{0}”要求百分比，指标值却是“{1}”。",
        "产出：课程完成率（%）：按计划进行",
        "产出：课程完成率（%）：≥95%");

    /// <summary>A rate with a non-numeric value.</summary>
    public static readonly ReviewRule RateText = new(
        "IND-RATE-TEXT", RuleFamily.Quantification, FindingScope.Indicator, W,
        "比率指标填了文字",
        "指标名称是“……率”，指标值却是文字，没有比率数值。",
        Quantify,
        "填写比率目标值，如“≥98%”。",
        "指标“{0}”是比率，指标值却是“{1}”。",
        "产出：设备完好率：良好",
        "产出：设备完好率：≥98%");

    /// <summary>A quantity indicator with a vague value.</summary>
    public static readonly ReviewRule Vague = new(
        "IND-VAGUE", RuleFamily.Quantification, FindingScope.Indicator, W,
        "数量指标未量化",
        "数量类指标（人数、次数、面积、数量等）填了“年度计划数”“按计划”等文字，没有具体数值。",
        Quantify,
        "填写具体数量及计量单位，如“12000平方米”“≥8辆”。",
        "数量指标“{0}”的指标值“{1}”没有具体数值。",
        "产出：物业管理面积：年度计划数",
        "产出：物业管理面积：12000平方米");

    /// <summary>A number without a unit.</summary>
    public static readonly ReviewRule UnitMissing = new(
        "IND-UNIT-MISSING", RuleFamily.Quantification, FindingScope.Indicator, W,
        "指标值缺少计量单位",
        "定量指标值只有数字，指标名称中也没有注明单位，看不出是多少“什么”（0 除外）。",
        "指标值由计算符号、数值和计量单位组成，单位不可缺（" + Indicators2021 + "）",
        "在数字后写上计量单位，如“≥44000条”，或在指标名称后注明“（条）”。",
        "指标“{0}”的指标值“{1}”没有计量单位。",
        "产出：年度新增数据量：≥44000",
        "产出：年度新增数据量：≥44000条");

    /// <summary>A bare yes as the target.</summary>
    public static readonly ReviewRule YesNo = new(
        "IND-YESNO", RuleFamily.Quantification, FindingScope.Indicator, W,
        "指标值只有“是”或“有”",
        "指标值只写“是”“有”“否”，而指标名称本身并不是“是否……”的判断题，看不出要达到什么程度。",
        Quantify,
        "写出可衡量的程度或结果；确需是非判断的，把名称写成“是否……”。",
        "指标“{0}”的指标值只有“{1}”。",
        "效益：推广性：是",
        "产出：是否按期完工：是");

    /// <summary>A value that only repeats the name.</summary>
    public static readonly ReviewRule RestatesName = new(
        "IND-RESTATES-NAME", RuleFamily.Quantification, FindingScope.Indicator, W,
        "指标值只是复述指标名称",
        "定性指标值与指标名称说的是同一件事（如“及时性：及时”“影响力：具有一定影响力”），没有给出衡量标准。",
        Quantify,
        "给出衡量标准，如“工资于每月10日前发放”“成果被不少于3家单位采用”。",
        "指标“{0}”的指标值“{1}”只是复述了指标名称。",
        "效益：影响力：项目成果具有一定影响力",
        "效益：影响力：成果被不少于3家单位采用");

    /// <summary>A percentage above 100 on an indicator that cannot exceed it.</summary>
    public static readonly ReviewRule PercentRange = new(
        "IND-PERCENT-RANGE", RuleFamily.Quantification, FindingScope.Indicator, E,
        "百分比超过100%",
        "满意度、合格率、完成率等比率不可能超过100%；增长率等名称含 percentMayExceed100Keywords 的除外。",
        "比率的取值范围是 0～100%",
        "核对指标值，可能是多写了一位或把数量写成了百分比。",
        "指标“{0}”的目标值 {1}% 超过了100%。",
        "满意度：学员满意度：≥120%",
        "效益：播放量增长率：≥150%");

    /// <summary>A budget-management row used as a performance indicator.</summary>
    public static readonly ReviewRule BudgetRow = new(
        "IND-BUDGET-ROW", RuleFamily.Appropriateness, FindingScope.Indicator, W,
        "预算管理要求当作绩效指标",
        "预算执行率、资金使用合规性、支付进度、预算控制等是预算管理的共性要求，不反映项目的产出和效益。名单见审核规则文件 budgetManagementKeywords。",
        "绩效指标应反映项目的产出和效果；预算执行率在绩效评价中单独计分（" + Evaluation2020 + "）。此类写法常见，只作警告",
        "改为反映本项目产出或效益的指标；预算执行情况无须列为绩效指标。",
        "指标“{0}”（含“{1}”）是预算管理要求，不是项目绩效指标。",
        "产出：预算执行率：≥95%",
        "产出：培训完成率：≥95%");

    /// <summary>A satisfaction indicator outside 满意度.</summary>
    public static readonly ReviewRule SatisfactionLevel = new(
        "IND-SATISFACTION-LEVEL", RuleFamily.Appropriateness, FindingScope.Indicator, W,
        "满意度指标列错了一级指标",
        "名称含“满意度”的指标应列在“满意度指标”下，而不是产出或效益指标下。",
        "满意度是独立的一级指标（" + Indicators2021 + "）",
        "把该指标移到“满意度指标”下。",
        "指标“{0}”是满意度指标，却列在{1}指标下。",
        "效益：学员满意度：≥90%",
        "满意度：学员满意度：≥90%");

    /// <summary>An accident indicator filed as an output.</summary>
    public static readonly ReviewRule AccidentOutput = new(
        "IND-ACCIDENT-OUTPUT", RuleFamily.Appropriateness, FindingScope.Indicator, W,
        "事故类指标列为产出指标",
        "事故率、事故次数反映的是安全效果，不是项目产出，宜列在效益指标（社会效益）下。关键词见 accidentKeywords。",
        "产出指标衡量提供了什么，事故率衡量效果，应列为效益指标（" + Indicators2021 + "）",
        "把该指标移到“效益指标/社会效益”下，产出下改列数量、质量、时效指标。",
        "指标“{0}：{1}”衡量的是事故，却列在产出指标下。",
        "产出：交通事故发生率：1%以下",
        "效益：交通事故发生率：1%以下");

    /// <summary>A number in the goal text that contradicts an indicator.</summary>
    public static readonly ReviewRule GoalContradicts = new(
        "GOAL-CONTRADICTS", RuleFamily.Consistency, FindingScope.Indicator, W,
        "绩效目标与指标值矛盾",
        "绩效目标文字中的数字与衡量同一事项（计量单位相同且有共同关键词）的指标值对不上。",
        "指标是对目标的细化，二者应一致，如目标写“培训人次不少于600”，指标不应是“400人次”（" + Targets2015 + "）",
        "统一目标文字与指标值，以实际计划为准。",
        "绩效目标写“{0}”，指标“{1}”却是“{2}”。",
        "目标：全年开展教师培训，培训人次不少于600人次。\n产出：培训人次：400人次",
        "目标：全年开展教师培训，培训人次不少于600人次。\n产出：培训人次：≥600人次");

    /// <summary>The same indicator twice in one project.</summary>
    public static readonly ReviewRule Duplicate = new(
        "IND-DUPLICATE", RuleFamily.Consistency, FindingScope.Indicator, W,
        "指标重复",
        "同一项目内两个指标的名称相同。",
        "重复指标会重复计分，也说明指标未经推敲",
        "合并重复的指标，或改写名称使其衡量不同的内容。",
        "指标“{0}”与第 {1} 个指标重名。",
        "效益：影响力：被市级媒体报道不少于2次\n效益：影响力：成果被不少于3家单位采用",
        "效益：媒体影响力：被市级媒体报道不少于2次\n效益：成果推广：成果被不少于3家单位采用");

    /// <summary>One value pasted over many indicators.</summary>
    public static readonly ReviewRule PastedValue = new(
        "IND-PASTED-VALUE", RuleFamily.Consistency, FindingScope.Project, W,
        "多个指标填了同一个值",
        "同一项目内至少 pastedValue.minCount 个不同指标的指标值完全相同（100%、0 等天然常见的值除外），像是复制粘贴而非逐项测算。",
        "每个指标值应有设定依据：计划标准、行业标准、历史标准或其他标准（" + Indicators2021 + "）",
        "逐项核对指标值的测算依据，按实际情况分别填写。",
        "{0} 个指标的指标值都是“{1}”（第 {2} 个）。",
        "产出：培训覆盖率：90%\n产出：学时完成率：90%\n产出：作业提交率：90%\n效益：考核通过率：90%",
        "产出：验收合格率：100%\n产出：学时完成率：100%\n产出：作业提交率：100%\n效益：资料归档率：100%");

    /// <summary>Two projects of one document with near-identical indicator sets.</summary>
    public static readonly ReviewRule CopySimilar = new(
        "COPY-SIMILAR", RuleFamily.Copying, FindingScope.Project, W,
        "项目指标与另一项目雷同",
        "同一文件中两个不同项目的指标名称集合高度相似（Jaccard 相似度不低于 copying.minSimilarity），可能是照搬其他项目的指标。",
        "绩效指标应针对项目本身设置，体现项目的特点（" + Indicators2021 + "）",
        "按本项目的内容和资金重新设置指标，保留确属共性的指标。",
        "与项目“{0}”（第 {1} 行）的指标相似度 {2}%：{3} 个指标名称相同，其中 {4} 个指标值也相同。",
        "项目：教师培训；10.00/10.00/-/-\n产出：培训人数：≥100人\n产出：培训场次：≥10场\n效益：考核通过率：≥90%\n满意度：学员满意度：≥90%\n"
            + "项目：校园绿化；10.00/10.00/-/-\n产出：培训人数：≥100人\n产出：培训场次：≥10场\n效益：考核通过率：≥90%\n满意度：学员满意度：≥90%",
        "项目：教师培训；10.00/10.00/-/-\n产出：培训人数：≥100人\n产出：培训场次：≥10场\n效益：考核通过率：≥90%\n满意度：学员满意度：≥90%\n"
            + "项目：校园绿化；10.00/10.00/-/-\n产出：绿化面积：≥2000平方米\n产出：苗木成活率：≥95%\n效益：考核通过率：≥90%\n满意度：学员满意度：≥90%");

    /// <summary>A repeat project whose target was lowered.</summary>
    public static readonly ReviewRule CopyLowered = new(
        "COPY-LOWERED", RuleFamily.Copying, FindingScope.Indicator, W,
        "指标值比上年降低",
        "同一单位同一项目在较早年度的表中也有同名指标，本年度的目标值反而降低了。",
        "延续项目的目标一般应不低于以前年度的实际水平（" + Indicators2021 + "：历史标准）",
        "说明降低目标的理由，或恢复到不低于上年的水平。",
        "指标“{0}”：{1}年为“{2}”，{3}年降为“{4}”。",
        "文件：2024年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n满意度：用户满意度：≥95%\n"
            + "文件：2025年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n满意度：用户满意度：≥90%",
        "文件：2024年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n满意度：用户满意度：≥90%\n"
            + "文件：2025年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n满意度：用户满意度：≥95%");

    /// <summary>A repeat project whose targets were all carried over unchanged.</summary>
    public static readonly ReviewRule CopyUnchanged = new(
        "COPY-UNCHANGED", RuleFamily.Copying, FindingScope.Project, I,
        "指标与上年完全相同",
        "同一单位同一项目在较早年度的表中指标名称和指标值完全一样。",
        "延续项目可以沿用指标，但目标值应结合上年完成情况重新测算（" + Indicators2021 + "：历史标准）",
        "结合上年实际完成情况重新测算目标值。",
        "{0} 个指标与{1}年的同一项目完全相同。",
        "文件：2024年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n产出：驻场人员数量：≥2人\n满意度：用户满意度：≥95%\n"
            + "文件：2025年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n产出：驻场人员数量：≥2人\n满意度：用户满意度：≥95%",
        "文件：2024年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n产出：驻场人员数量：≥2人\n满意度：用户满意度：≥95%\n"
            + "文件：2025年项目支出绩效目标表；示例单位\n项目：信息化运维；10.00/10.00/-/-\n产出：驻场人员数量：≥3人\n满意度：用户满意度：≥95%");

    /// <summary>Every rule, in the order the documentation lists them.</summary>
    public static IReadOnlyList<ReviewRule> All { get; } =
    [
        FundRowSum, FundSummarySum, FundSummaryTotal, FundRounding, FundMissing,
        IndicatorsNone, Level1Missing, GoalMissing, TargetMissing,
        Question, Definition, PercentText, RateText, Vague, UnitMissing, YesNo, RestatesName, PercentRange,
        BudgetRow, SatisfactionLevel, AccidentOutput,
        GoalContradicts, Duplicate, PastedValue,
        CopySimilar, CopyLowered, CopyUnchanged,
    ];

    private static readonly Dictionary<string, ReviewRule> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The rule with <paramref name="code"/>, null when there is none.</summary>
    public static ReviewRule? Find(string code) => ByCode.GetValueOrDefault(code);
}
