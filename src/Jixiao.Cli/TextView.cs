using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Import;

namespace Jixiao.Cli;

/// <summary>The readable view of <c>jixiao parse</c>: unit, amounts, projects with indicators, then diagnostics.</summary>
internal static class TextView
{
    public static void Write(TextWriter w, ReadResult result)
    {
        var d = result.Document!;
        var unit = d.AmountUnit;
        w.WriteLine(d.Title.Length > 0 ? d.Title : "（无标题）");
        w.WriteLine($"单位名称：{d.Unit.Name}    金额单位：{(unit == AmountUnit.WanYuan ? "万元" : "元")}    来源：{d.Source.FileName}");
        w.WriteLine($"项目 {d.Projects.Count} 个，指标 {d.IndicatorCount} 条");
        if (d.Kind != DocumentKind.Summary)
        {
            w.WriteLine($"表样：{KindName(d.Kind)}，识别把握 {result.Confidence * 100:0}%");
        }

        if (d.Year is { } year)
        {
            w.WriteLine($"预算年度：{year}");
        }

        if (d.Summary is { } summary)
        {
            w.WriteLine($"单位汇总：{Amounts(summary.Funding, unit)}");
        }

        foreach (var task in d.Tasks)
        {
            w.WriteLine($"年度主要任务：{task.Function}｜{task.Task}｜{task.Projects}｜{Amount(task.Amount, unit)}");
        }

        foreach (var allocation in d.Allocations)
        {
            w.WriteLine($"资金分配：{allocation.Region} {Amount(allocation.Amount, unit)}");
        }

        for (var p = 0; p < d.Projects.Count; p++)
        {
            var project = d.Projects[p];
            w.WriteLine();
            w.WriteLine($"[{p + 1}] {project.Name}（{project.Location}）");
            w.WriteLine($"    资金：{Amounts(project.Funding, unit)}");
            w.WriteLine($"    目标：{(project.Goal.Length > 0 ? project.Goal : "（空）")}");
            if (!project.Attributes.IsEmpty)
            {
                var a = project.Attributes;
                var fields = new[] { ("主管部门", a.Department + (a.DepartmentCode.Length > 0 ? $"（{a.DepartmentCode}）" : "")), ("实施单位", a.ImplementingUnit),
                    ("项目属性", a.Category), ("项目期", a.Period), ("中长期目标", a.LongTermGoal) };
                w.WriteLine("    " + string.Join("    ", fields.Where(f => f.Item2.Length > 0).Select(f => $"{f.Item1}：{f.Item2}")));
            }

            if (project.Execution is { } e)
            {
                w.WriteLine($"    预算执行：年初预算数 {Amount(e.InitialBudget, unit)}　全年预算数 {Amount(e.AdjustedBudget, unit)}　全年执行数 {Amount(e.Executed, unit)}"
                    + (e.Rate is { } rate ? $"　执行率 {rate * 100:0.##}%" : "") + (e.Score is { } es ? $"　得分 {es:0.##}" : "")
                    + (e.TotalScore is { } total ? $"　总分 {total:0.##}" : "") + (e.Grade.Length > 0 ? $"　自评等级 {e.Grade}" : ""));
                if (e.GoalOutcome.Length > 0)
                {
                    w.WriteLine($"    实际完成情况：{e.GoalOutcome}");
                }
            }

            foreach (var indicator in project.Indicators)
            {
                var level2 = indicator.Level2 is { } l2 ? "/" + l2.Chinese() + (indicator.Level2Inferred ? "*" : "") : "";
                w.WriteLine($"    {indicator.Seq,2}. {indicator.Level1.Chinese()}{level2}  {indicator.Name}：{indicator.TargetText}  → {Describe(indicator.Target)}");
                if (indicator.Explanation.Length > 0 || indicator.Standard.Length > 0)
                {
                    w.WriteLine($"        {(indicator.Explanation.Length > 0 ? "指标解释：" + indicator.Explanation : "")}{(indicator.Explanation.Length > 0 && indicator.Standard.Length > 0 ? "；" : "")}{(indicator.Standard.Length > 0 ? "标准或依据：" + indicator.Standard : "")}");
                }

                if (indicator.RegionTargets.Count > 0)
                {
                    w.WriteLine("        " + string.Join("；", indicator.RegionTargets.Select(r => $"{r.Region}：{r.TargetText}")));
                }

                if (indicator.Evaluation is { } ev)
                {
                    w.WriteLine($"        实际完成值：{ev.Actual}" + (ev.Points is { } points ? $"　分值 {points:0.##}" : "") + (ev.Score is { } got ? $"　得分 {got:0.##}" : "")
                        + (ev.Deviation.Length > 0 ? $"　偏差原因：{ev.Deviation}" : ""));
                }

            }
        }

        w.WriteLine();
        w.WriteLine("（* 表示二级指标由指标名称推断）");
        w.WriteLine($"诊断 {result.Diagnostics.Count} 条：");
        foreach (var diagnostic in result.Diagnostics)
        {
            w.WriteLine($"  [{Severity(diagnostic.Severity)}] {diagnostic.Location}：{diagnostic.Message}");
        }
    }

    private static string KindName(DocumentKind kind) => kind.Chinese();

    private static string Amounts(Funding f, AmountUnit unit) =>
        string.Join(" | ", FundingColumns.All.Select(c => $"{c.Chinese()} {(f.Get(c) is { } m ? m.Format(unit) : "—")}"));

    private static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Missing => "缺失",
        TargetKind.Qualitative => "定性（" + target.Form!.Value.Chinese() + "）",
        TargetKind.Quantitative => string.Join("；", target.Clauses.Select(Describe)),
    };

    private static string Describe(TargetClause c)
    {
        var text = $"{c.Comparator.Display()} {c.Value.ToString(CultureInfo.InvariantCulture)}{(c.Unit.Length > 0 ? " " + c.Unit : "")}（{c.Direction.Chinese()}）";
        if (c.Period is not null)
        {
            text = "每" + c.Period + " " + text;
        }

        return c.Condition is null ? text : $"{text}，条件：{c.Condition}";
    }

    private static string Severity(Severity s) => s switch
    {
        Jixiao.Domain.Diagnostics.Severity.Error => "错误",
        Jixiao.Domain.Diagnostics.Severity.Warning => "警告",
        Jixiao.Domain.Diagnostics.Severity.Info => "提示",
    };

    private static string Amount(Money? money, AmountUnit unit) =>
        money is { } m ? m.To(unit).ToString("#,##0.00####", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
