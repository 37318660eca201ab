using System.Text;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;

namespace Jixiao.Export.Tests;

/// <summary>
/// Random documents of the kind people write, from a seed: every level 1, written and inferred level 2,
/// blank and negative amounts in 万元 and 元, goals over several lines with commas, quotes and tabs, and
/// texts that a spreadsheet would take for a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>). Texts keep to
/// what the published layout can carry (see <c>PublishedLayout</c>): no name holds 年度指标值 and no text
/// holds the start of another indicator item.
/// </summary>
internal static class DocumentGenerator
{
    private static readonly string[] Units = ["青溪市图书馆", "云岭县疾病预防控制中心", "东湖区教育局（机关）", "\"示范\"学校", "=HYPERLINK(\"http://例子\")单位"];

    private static readonly string[] Titles = ["2026年项目支出绩效目标表", "项目支出绩效目标表（含转移支付项目）", "2025年部门预算项目绩效目标", "+预算公开表九"];

    private static readonly string[] NameParts =
    [
        "图书采购", "读者服务", "设备运维", "校舍维修", "疫苗接种", "培训", "信息系统", "应急物资", "\"智慧\"平台", "=SUM(A1:A9)", "+1 服务",
        "-号楼改造", "@全体 通知", "1、2号楼", "50%配套", "Ａ类项目", "第3期", "合计外", "专项,经费", "tab\t内",
    ];

    private static readonly string[] IndicatorNames =
    [
        "培训人数", "采购图书册数", "系统可用率", "维修及时率", "群众满意度", "故障响应时间", "成本控制", "节能率", "服务对象满意度",
        "=1+1", "-5%以内达标率", "@用户数", "覆盖率（%）", "开放时长(小时)", "\"重点\"任务完成率", "年度目标值完成率", "指标值达标率",
    ];

    private static readonly string[] Targets =
    [
        "≥95%", "不少于110人", "及时", "90%以上", "≤2小时", "100%", "=SUM(1,2)", "+10%", "-3%以内", "@全员", "按计划完成",
        "较上年提高5个百分点", "不少于60个教学班，线上课程点播量不少于50万次", "1、2号楼完工", "有效", "\"良好\"", "9月底前", "36万元以内",
        "", "10 个", "≥ 95.5%", "每年30门",
    ];

    private static readonly string[] GoalLines =
    [
        "保障日常运转", "全年开展培训不少于10期，参训人员不少于500人次", "提升服务质量，群众满意度达到90%以上",
        "=cmd|' /C calc'!A0", "通过公开招标，聘请专业公司，\"保障\"安全", "-  完成设备更新", "@各科室配合",
    ];

    /// <summary>A document from <paramref name="seed"/>; with <paramref name="forms"/>, sometimes one read from per-project forms, with attributes and explained indicators (which only the JSON carries).</summary>
    public static TargetDocument Generate(int seed, bool forms = false)
    {
        var random = new Random(seed);
        var amountUnit = random.Next(5) == 0 ? AmountUnit.Yuan : AmountUnit.WanYuan;
        var unitName = Pick(random, Units);
        var kind = forms && random.Next(2) == 0 ? DocumentKind.ProjectForms : DocumentKind.Summary;
        var document = new TargetDocument(Pick(random, Titles), new BudgetUnit(unitName), amountUnit, new DocumentSource("generated", SourceFormat.Text)) { Kind = kind };
        var hasSummary = random.Next(6) != 0;
        if (hasSummary)
        {
            document.SetSummary(new SummaryRow(random.Next(4) == 0 ? unitName + "合计" : unitName, Funding(random, amountUnit), default));
        }

        var projects = random.Next(1, 12);
        for (var p = 0; p < projects; p++)
        {
            var goal = random.Next(8) == 0 ? "" : Goal(random);
            var project = new Project(ProjectName(random, p), Funding(random, amountUnit), goal, default);
            // A row with neither goal nor indicators would read as the unit's summary row.
            var indicators = random.Next(8) == 0 && goal.Length > 0 ? 0 : random.Next(1, 9);

            var seq = 0;
            for (var i = 0; i < indicators; i++)
            {
                seq += random.Next(10) == 0 ? 2 : 1;
                var level1 = (Level1)random.Next(4);
                Level2? level2 = null;
                if (random.Next(3) == 0)
                {
                    var children = Enum.GetValues<Level2>().Where(l => l.Parent() == level1).ToArray();
                    level2 = Pick(random, children);
                }

                var indicator = Indicator.Create(seq, level1, level2, Pick(random, IndicatorNames), Pick(random, Targets), default);
                if (kind == DocumentKind.ProjectForms && random.Next(2) == 0)
                {
                    indicator.Explain(Pick(random, GoalLines), random.Next(2) == 0 ? "" : Pick(random, GoalLines));
                }

                project.AddIndicator(indicator);
            }

            if (kind == DocumentKind.ProjectForms)
            {
                project.ChangeAttributes(new ProjectAttributes(Pick(random, Units), random.Next(2) == 0 ? "206001" : "", Pick(random, Units),
                    random.Next(2) == 0 ? "延续项目" : "", random.Next(2) == 0 ? "2025年1月-2025年12月" : "", random.Next(3) == 0 ? Goal(random) : ""));
            }

            document.AddProject(project);
        }

        return document;
    }

    private static string ProjectName(Random random, int index)
    {
        var name = Pick(random, NameParts) + (random.Next(2) == 0 ? "经费" : "项目");
        return random.Next(3) == 0 ? name : name + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Goal(Random random)
    {
        var lines = random.Next(1, 4);
        var goal = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            if (i > 0)
            {
                goal.Append(random.Next(2) == 0 ? "\n" : "；");
            }

            goal.Append(Pick(random, GoalLines));
        }

        return goal.ToString().Trim();
    }

    private static Funding Funding(Random random, AmountUnit unit)
    {
        Money? Amount()
        {
            var kind = random.Next(6);
            if (kind == 0)
            {
                return null;
            }

            var fen = kind == 1 ? -random.NextInt64(1, 10_000_000) : random.NextInt64(0, 50_000_000_000);
            // 万元 carry fen exactly; a table in 元 prints them with two decimals.
            return new Money(fen);
        }

        _ = unit;
        return new Funding(Amount(), Amount(), Amount(), Amount());
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// The document as one line per item, with everything a user wrote and nothing about where it was read
    /// from (file, lines, diagnostics), so a document and its re-import compare as text.
    /// </summary>
    public static string Dump(TargetDocument document)
    {
        var text = new StringBuilder();
        text.Append("title ").Append(Show(document.Title)).Append(' ').Append(document.Kind).Append('\n');
        text.Append("unit ").Append(Show(document.Unit.Name)).Append(' ').Append(document.AmountUnit).Append('\n');
        if (document.Summary is { } summary)
        {
            text.Append("summary ").Append(Show(summary.Name)).Append(' ').Append(Amounts(summary.Funding)).Append('\n');
        }

        foreach (var project in document.Projects)
        {
            text.Append("project ").Append(Show(project.Name)).Append(' ').Append(Amounts(project.Funding)).Append(" goal ").Append(Show(project.Goal)).Append('\n');
            if (!project.Attributes.IsEmpty)
            {
                var a = project.Attributes;
                text.Append("  attributes ").AppendJoin(' ', new[] { a.Department, a.DepartmentCode, a.ImplementingUnit, a.Category, a.Period, a.LongTermGoal }.Select(Show)).Append('\n');
            }

            foreach (var indicator in project.Indicators)
            {
                text.Append("  ").Append(indicator.Seq).Append(' ').Append(indicator.Level1.JsonName()).Append('/')
                    .Append(indicator.WrittenLevel2?.JsonName() ?? "(" + (indicator.Level2?.JsonName() ?? "none") + ")")
                    .Append(' ').Append(Show(indicator.Name)).Append(" = ").Append(Show(indicator.TargetText))
                    .Append(indicator.Explanation.Length + indicator.Standard.Length > 0 ? " explained " + Show(indicator.Explanation) + " " + Show(indicator.Standard) : "").Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Amounts(Funding funding) =>
        string.Join(' ', new[] { funding.Total, funding.FiscalAppropriation, funding.SpecialAccount, funding.OtherFunds }.Select(m => m is null ? "-" : m.Value.Fen.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Quoted, with line breaks and tabs made visible.</summary>
    private static string Show(string text) => "«" + text.Replace("\n", "⏎", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal).Replace("\t", "⇥", StringComparison.Ordinal) + "»";

    /// <summary>Diagnostics worth failing a round trip for: errors and warnings about the content.</summary>
    public static IEnumerable<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity != Severity.Info && d.Code is not ("AMOUNT-NEGATIVE" or "TABLE-TITLE-MISSING" or "TABLE-NO-PROJECTS"));
}
