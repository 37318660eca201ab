using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Tests.Review;

/// <summary>
/// Indicators a reviewer would pass must not be reported: each sits in an otherwise complete project,
/// and no finding may point at it (of any severity), so the review never cries wolf on good practice.
/// </summary>
public class SoundTargetTests
{
    public static TheoryData<string, string, string> Sound() => new()
    {
        { "满意度", "用户满意度", "≥95%" },
        { "产出", "论文发表数", "7篇" },
        { "产出", "故障响应时间", "10分钟内" },
        { "产出", "培训人数", "不少于110人" },
        { "产出", "设备故障率", "<20%" },
        { "产出", "现场工程师出勤率", "98%以上" },
        { "产出", "驻场人员数量", "2人或以上" },
        { "效益", "校园安全事故率", "1%以下" },
        { "产出", "信息系统年度业务量(件)", "5000" },
        { "产出", "日常保洁频率", "2次/天" },
        { "产出", "响应时间", "500用户同时在线操作，平均响应时间≤3秒" },
        { "产出", "省设课程建设", "每年30门" },
        { "效益", "播放量增长率", "不低于10%" },
        { "效益", "可持续影响", "可持续影响大于5年" },
        { "满意度", "学员满意度", "学员满意度≥80%" },
        { "产出", "系统故障率", "0" },
        { "效益", "系统稳定性", "事故为0" },
        { "产出", "是否按期完工", "是" },
        { "产出", "维修时长", "在4小时内采用备品替换使用至修复为止" },
        { "产出", "终身学习课程推广", "开展不少于80场讲座，线上线下参与人次不少于36万" },
        { "效益", "编外人员薪酬保障", "按月足额发放，全年无拖欠" },
        { "产出", "验收合格率", "100%" },
        { "效益", "人工成本节约", "每年节约人工成本不少于12万元" },
    };

    [Theory]
    [MemberData(nameof(Sound))]
    public void SoundIndicator_HasNoFinding(string level, string name, string target)
    {
        var example = "项目：示范项目；20.00/20.00/-/-\n目标：按计划完成示范项目，服务全校师生。\n"
            + $"{level}：{name}：{target}\n"
            + "产出：服务人数：≥500人\n效益：服务覆盖率：≥90%\n满意度：服务对象满意度：≥90%";
        var findings = RuleCatalogueTests.Review(example);
        Assert.DoesNotContain(findings, f => f.IndicatorSeq == 1);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
    }
}
