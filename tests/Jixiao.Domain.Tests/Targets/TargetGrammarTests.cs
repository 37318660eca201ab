using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

public class TargetGrammarTests
{
    // indicator name, value as written, expected reading. One row per phrase; boundary and near-miss rows included.
    public static TheoryData<string, string, string> Phrases => new()
    {
        // ≥ family
        { "校园绿化保持率", "90%以上", ">= 90 % higher" },
        { "驻场人员数量", "2人或以上", ">= 2 人 higher" },
        { "培训人数", "不少于110人", ">= 110 人 higher" },
        { "播放量增长率", "不低于10%", ">= 10 % higher" },
        { "用户满意度", "≥95%", ">= 95 % higher" },
        { "培训人数", "≧300人", ">= 300 人 higher" },
        { "用户满意度", ">=95%", ">= 95 % higher" },
        { "用户满意度", "＞＝95％", ">= 95 % higher" },
        { "参训人数", "３００人及以上", ">= 300 人 higher" },
        { "课程数量", "至少12门", ">= 12 门 higher" },
        { "培训人次", "不小于500人次", ">= 500 人次 higher" },
        { "合格率", "大于等于98%", ">= 98 % higher" },
        { "服务人次", "达到5000人次", ">= 5000 人次 higher" },
        { "宣传报道", "不少于两篇", ">= 2 篇 higher" },
        { "讲座场次", "不少于十二场", ">= 12 场 higher" },
        { "满意度", "百分之九十五", "qualitative/statement" },
        { "满意度", "不低于百分之95", ">= 95 % higher" },
        { "覆盖率", "95％以上(含)", ">= 95 % higher" },
        // ≤ family
        { "校园安全事故率", "1%以下", "<= 1 % lower" },
        { "故障响应时间", "10分钟内", "<= 10 分钟 lower" },
        { "维修时长", "在4小时内采用备品或备件替换使用至修复为止", "<= 4 小时 lower" },
        { "支出控制", "不超过500万元", "<= 500 万元 lower" },
        { "故障超24小时未解决率", "≤5%", "<= 5 % lower" },
        { "人均成本", "≦1000元/人", "<= 1000 元/人 lower" },
        { "投诉率", "<=2%", "<= 2 % lower" },
        { "办结时间", "3个工作日以内", "<= 3 工作日 lower" },
        { "差错率", "不高于0.5%", "<= 0.5 % lower" },
        { "到达时间", "收到保障后到达时间≤5分钟", "<= 5 分钟 lower" },
        { "单位造价", "不大于3,500元", "<= 3500 元 lower" },
        { "处理时间", "控制在2小时以内", "<= 2 小时 lower" },
        { "审批时限", "15天之内", "<= 15 天 lower" },
        { "差错", "最多3次", "<= 3 次 lower" },
        // > and <
        { "新闻报道数量", ">1篇", "> 1 篇 higher" },
        { "可持续影响指标", "可持续影响大于5年", "> 5 年 higher" },
        { "设备故障率", "<20%", "< 20 % lower" },
        { "能耗下降率", "小于3%", "< 3 % lower" },
        { "开课门数", "超过20门", "> 20 门 higher" },
        { "故障率", "低于1%", "< 1 % lower" },
        { "访问量", "多于1000次", "> 1000 次 higher" },
        { "受益人数", "200余人", "> 200 人 higher" },
        { "受益人数", "300多人", "> 300 人 higher" },
        // ≈
        { "编外合同工人数", "约170人", "~ 170 人 higher" },
        { "颁奖数量", "为近200名获得大赛入围项目人员录制视频及颁奖", "~ 200 名 higher" },
        { "年度活跃用户数（个）", "约20万个", "~ 200000 个 higher" },
        { "参与人数", "5000人左右", "~ 5000 人 higher" },
        { "服务人次", "将近3万人次", "~ 30000 人次 higher" },
        // = as written
        { "工程验收合格率", "100%", "= 100 % higher" },
        { "论文发表数", "7篇", "= 7 篇 higher" },
        { "日常保洁频率", "2次/天", "= 2 次/天 higher" },
        { "课程建设", "每年30门", "= 30 门 higher per 年" },
        { "专家验收次数", "每年不少于4次", ">= 4 次 higher per 年" },
        { "开展直播课", "40讲", "= 40 讲 higher" },
        { "系统故障率", "0%", "= 0 % lower" },
        { "系统故障率", "0", "= 0 lower" },
        { "系统稳定性", "事故为0", "= 0 lower" },
        { "年度新增数据量", "≥44000", ">= 44000 higher" },
        { "系统性能系统并发数", "10000", "= 10000 higher" },
        { "研究报告数量", "2份", "= 2 份 higher" },
        { "建设基地数量", "3个", "= 3 个 higher" },
        { "特色项目数量", "10项", "= 10 项 higher" },
        { "专项培训场次", "20场", "= 20 场 higher" },
        { "巡检频次", "1次/周", "= 1 次/周 higher" },
        { "使用面积", "1,200平方米", "= 1200 平方米 equal" },
        { "培训课时", "每学期24课时", "= 24 课时 higher per 学期" },
        // 万 and 亿
        { "业务量", ">1000万件", "> 10000000 件 higher" },
        { "参与人次", "36万人次", "= 360000 人次 higher" },
        { "访问量", "不少于1.5亿次", ">= 150000000 次 higher" },
        { "服务人次", "8万人次以上", ">= 80000 人次 higher" },
        { "项目资金", "120万元", "= 120 万元 equal" },
        // compound values and conditions
        { "终身学习课程推广覆盖面", "开展不少于80场讲座，线上线下参与人次不少于36万", ">= 80 场 higher & >= 360000 人次 higher" },
        { "响应时间", "500用户同时在线操作，平均响应时间≤3秒", "<= 3 秒 lower when 500用户同时在线操作" },
        { "培训组织", "举办培训班3期；培训人数不少于150人", "= 3 期 higher & >= 150 人 higher" },
        { "满意度", "90%-95%", ">= 90 % higher & <= 95 % lower" },
        { "办理时限", "3至5天", ">= 3 天 higher & <= 5 天 lower" },
        { "参与会议人次", "参与会议人次不少于60人次", ">= 60 人次 higher" },
        // the name repeated in the value
        { "课程推广参与学员满意度", "学员满意度≥80%", ">= 80 % higher" },
        { "服务对象满意度(%)", "全校师生满意度95%以上", ">= 95 % higher" },
        { "公务活动保障", "保障率90%以上", ">= 90 % higher" },
        { "进一步保障师生安全", "校园安全事故率1%以下", "<= 1 % lower" },
        { "运营效果", "视频矩阵平台的运营播放量增长率不低于10%", ">= 10 % higher" },
        // the unit from the name
        { "信息系统年度业务量(件)", "5000", "= 5000 件 higher" },
        { "服务对象满意度（%）", "90", "= 90 % higher" },
        { "培训人数", "110", "= 110 人 higher" },
        { "参训人次", "不少于600", ">= 600 人次 higher" },
        // years and dates are not targets
        { "项目完成时间", "2021年12月31日前完成", "qualitative/statement" },
        { "完工时间", "2025-12-31", "qualitative/statement" },
        { "完工时间", "2025/12/31前", "qualitative/statement" },
        { "验收时间", "2025.11", "qualitative/statement" },
        { "培训人数", "2020-2500人", ">= 2020 人 higher & <= 2500 人 lower" },
        { "建设进度", "6月底前完成招标", "qualitative/statement" },
        { "项目周期", "2022年-2023年", "qualitative/statement" },
        { "覆盖年度", "2023年度完成全部建设", "qualitative/statement" },
        { "培训人次", "2021年参与培训人次不少于600", ">= 600 人次 higher" },
        // identifiers are not quantities
        { "认证", "通过ISO9001认证", "qualitative/statement" },
        { "网络", "建成5G网络", "qualitative/statement" },
        // qualitative statements
        { "校园应急情况配合处理及时性", "及时", "qualitative/statement" },
        { "资金保障有效性", "有效", "qualitative/statement" },
        { "项目支出的合规性", "合法合规", "qualitative/statement" },
        { "财务管理制度", "健全", "qualitative/statement" },
        { "财务管理信息化水平", "提升", "qualitative/statement" },
        { "影响力", "是", "qualitative/statement" },
        { "终身教育推广有效性", "参与人次呈上升态势", "qualitative/statement" },
        { "系统运行状态", "确保系统在线状态", "qualitative/statement" },
        // vague or relative to another document
        { "物业管理面积", "年度计划数", "qualitative/relative" },
        { "项目预算执行率（%）", "按计划进行", "qualitative/relative" },
        { "预算控制", "支出不超预算金额", "qualitative/relative" },
        { "教学改革质量", "达到验收标准", "qualitative/relative" },
        { "按照项目预算要求", "每月预算执行率", "qualitative/relative" },
        { "按合同金额执行", "不超支", "qualitative/statement" },
        // questions and definitions
        { "影响力", "是否有影响力", "qualitative/question" },
        { "推广性", "有否推广产生社会效益", "qualitative/question" },
        { "成果应用", "能否推广应用？", "qualitative/question" },
        { "年度人均业务量", "平均每用户办理/查询业务数量", "qualitative/definition" },
        { "资源利用", "教学资源的利用率", "qualitative/definition" },
        // missing
        { "培训人数", "", "missing" },
        { "培训人数", "  ", "missing" },
        { "培训人数", "无", "missing" },
        { "培训人数", "—", "missing" },
        { "培训人数", "待定", "missing" },
        // full-width forms and punctuation
        { "满意度", "≥９５％。", ">= 95 % higher" },
        { "培训人数", "不少于１，２００人", ">= 1200 人 higher" },
        { "故障率", "﹤１％", "< 1 % lower" },
        { "满意度", "﹦100%", "= 100 % higher" },
        { "资料", "保证正常运行及信息资源服务*100%", "= 100 % higher" },
        { "满足教学使用", "正常使用，0教学事故", "= 0 lower" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Parse_Phrase_ReadsAsAReaderWould(string name, string text, string expected)
    {
        var target = TargetGrammar.Parse(text, name);
        Assert.Equal(expected, TargetDescription.Describe(target));
    }

    [Fact]
    public void Phrases_CoverAtLeastEightyDistinctValues()
    {
        var distinct = Phrases.Select(row => (string)row.Data.Item2).Distinct().Count();
        Assert.True(distinct >= 80, $"only {distinct} distinct phrases");
    }

    [Fact]
    public void Parse_KeepsTheTextAsWritten()
    {
        var target = TargetGrammar.Parse("  ≥９５％。 ", "满意度");
        Assert.Equal("≥９５％。", target.Text);
    }

    [Fact]
    public void Parse_RepeatedName_KeepsTheSubject()
    {
        var clause = Assert.Single(TargetGrammar.Parse("学员满意度≥80%", "课程推广参与学员满意度").Clauses);
        Assert.Equal("学员满意度", clause.Subject);
    }

    [Fact]
    public void Parse_UnitFromName_SaysWhereItCameFrom()
    {
        var clause = Assert.Single(TargetGrammar.Parse("5000", "信息系统年度业务量(件)").Clauses);
        Assert.Equal(UnitSource.IndicatorName, clause.UnitSource);
        var subjectClause = TargetGrammar.Parse("开展不少于80场讲座，线上线下参与人次不少于36万", "覆盖面").Clauses[1];
        Assert.Equal(UnitSource.Subject, subjectClause.UnitSource);
    }

    [Fact]
    public void Parse_MixedDirections_HasNoCommonDirection()
    {
        var target = TargetGrammar.Parse("90%-95%", "满意度");
        Assert.Null(target.Direction);
        Assert.Equal(Direction.Higher, TargetGrammar.Parse("≥95%", "满意度").Direction);
    }

    [Theory]
    [InlineData("信息系统年度业务量(件)", "件")]
    [InlineData("服务对象满意度（%）", "%")]
    [InlineData("交通事故发生率(%)", "%")]
    [InlineData("培训覆盖率（区域、学校、学科或培养对象）", null)]
    [InlineData("培训人数", null)]
    [InlineData("", null)]
    public void UnitInName_BracketHoldsAUnit_ReturnsIt(string name, string? expected) =>
        Assert.Equal(expected, TargetGrammar.UnitInName(name));

    [Theory]
    [InlineData("不少于60个教学班，线上访问不少于50万次", "≥ 60 个（正向）；≥ 50万 次（正向）")]
    [InlineData("参与人次不少于36万", "≥ 36万 人次（正向）")]
    [InlineData("不少于1.5亿人次", "≥ 1.5亿 人次（正向）")]
    [InlineData(">1.2亿元", "> 1.2 亿元（正向）")]
    [InlineData("≥12345人", "≥ 12345 人（正向）")]
    [InlineData("≥95%", "≥ 95 %（正向）")]
    public void Reading_WritesLargeRoundFiguresIn万And亿(string text, string reading) =>
        Assert.Equal(reading, TargetGrammar.Parse(text).Reading());
}
