using System.Globalization;
using System.Text;

namespace Jixiao.Benchmarks;

/// <summary>
/// Writes a large table in the published layout from a fixed seed: header lines, a summary row, projects
/// whose indicator cells mix every target family, and a blank page-break line every 25 projects.
/// </summary>
public static class DocumentGenerator
{
    private static readonly string[] Targets =
    [
        "90%以上", "不少于110人", "≥95%", "10分钟内", "约170人", "及时", "2次/天", "每年30门", "<20%", ">1000万件",
        "开展不少于80场讲座，线上线下参与人次不少于36万", "500用户同时在线操作，平均响应时间≤3秒", "学员满意度≥80%",
        "年度计划数", "是否有影响力", "事故为0", "≧300人", "１２场", "7篇", "在4小时内采用备品替换使用至修复为止",
    ];

    private static readonly string[] Names =
    [
        "培训人数", "用户满意度", "故障响应时间", "系统故障率", "课程建设数量", "信息系统年度业务量(件)", "维修时长",
        "资金完成及时率", "服务对象满意度（%）", "项目支出的合规性",
    ];

    private static readonly string[] Levels = ["产出指标", "效益指标", "满意度指标"];

    /// <summary>The table; <paramref name="indicators"/> per project when given, otherwise 6 to 10.</summary>
    public static string Generate(int projects, int seed = 20261123, int? indicators = null)
    {
        var random = new Random(seed);
        var rows = new StringBuilder(projects * 1100);
        long total = 0;
        for (var p = 0; p < projects; p++)
        {
            if (p > 0 && p % 25 == 0)
            {
                rows.Append('\n');
            }

            var fen = random.NextInt64(1_000_000, 5_000_000_000);
            total += fen;
            var amount = (fen / 1_000_000m).ToString("N2", CultureInfo.InvariantCulture);
            rows.Append(CultureInfo.InvariantCulture, $"第{p + 1}号项目运行经费\t{amount}\t{amount}\t\t\t");
            rows.Append("通过开展本项目，保障单位业务正常运转，提升公共服务能力和水平，全年服务对象不少于500人次，满意度达到90%以上。");
            rows.Append("项目按照预算管理要求组织实施，严格执行政府采购和财务管理制度，确保资金使用安全、规范、有效。");
            rows.Append('\t');
            var count = indicators ?? 6 + random.Next(5);
            for (var i = 1; i <= count; i++)
            {
                var separator = random.Next(4) == 0 ? ":" : "：";
                rows.Append(CultureInfo.InvariantCulture,
                    $"{i}、{Levels[random.Next(Levels.Length)]}{separator}{Names[random.Next(Names.Length)]}，年度指标值{separator}{Targets[random.Next(Targets.Length)]}。");
            }

            rows.Append('\n');
        }

        var totalText = (total / 1_000_000m).ToString("N2", CultureInfo.InvariantCulture);
        return "\n项目支出绩效目标表（含转移支付项目）\n\n单位名称：基准测试单位\n\n单位：万元\n\n"
            + "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
            + $"基准测试单位\t{totalText}\t{totalText}\t\t\t\t\n"
            + rows;
    }
}
