using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Export.Xlsx;

namespace Jixiao.Export.Documents;

/// <summary>
/// A document read from forms, written back as forms: one form after another on one sheet, in the
/// national template's order — title (and the year line), 项目名称 (部门名称 for a department-wide form),
/// 主管部门及代码 and 实施单位, 项目属性 and 项目期, the funding block (for a self-evaluation the
/// 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 grid), 中长期目标 and 年度目标 (预期目标 | 实际完成情况),
/// a department's task list, then the indicator grid with 指标解释 and 指标标准 when any indicator has them,
/// 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 for a self-evaluation and a column per region for a transfer
/// payment, and 总分 / 自评等级. A transfer's allocation table comes first. The reader reads it back to the
/// same document (levels as written; an inferred level 2 is written out).
/// </summary>
public static class FormsXlsx
{
    private const int Plain = 0;
    private const int Title = 1;
    private const int Header = 2;
    private const int Text = 3;
    private const int Number = 4;

    private static readonly double[] Widths = [22, 22, 26, 18, 18, 14, 12, 12, 30, 14, 14, 14];

    /// <summary>Writes the forms of <paramref name="document"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        using var sheet = new SheetWriter(stream, "绩效目标表", SheetWriter.FormStyles);
        sheet.Columns(Widths);
        var writer = new RowWriter(sheet);
        var unit = document.AmountUnit;
        var unitLabel = unit == AmountUnit.WanYuan ? "万元" : "元";
        if (document.Allocations.Count > 0)
        {
            writer.Row((Title0(document), Title));
            writer.Row(($"单位：{unitLabel}", Plain));
            writer.Row(("单位名称", Header), ("合计", Header));
            foreach (var allocation in document.Allocations)
            {
                writer.Row((allocation.Region, Text), (allocation.Amount?.To(unit), Number));
            }

            writer.Blank();
        }

        foreach (var project in document.Projects)
        {
            WriteForm(writer, document, project, unitLabel);
            writer.Blank();
        }

        sheet.PageSetup(landscape: true);
    }

    private static string Title0(TargetDocument document) => document.Title.Length > 0 ? document.Title : document.Kind switch
    {
        DocumentKind.SelfEvaluation => "项目支出绩效自评表",
        DocumentKind.DepartmentWide => "部门整体支出绩效目标表",
        DocumentKind.Transfer => "转移支付区域绩效目标表",
        DocumentKind.Summary or DocumentKind.ProjectForms or DocumentKind.Prose => "项目支出绩效目标表",
    };

    private static void WriteForm(RowWriter writer, TargetDocument document, Project project, string unitLabel)
    {
        var unit = document.AmountUnit;
        var a = project.Attributes;
        var title = Title0(document);
        writer.Row((title, Title));
        if (document.Year is { } year && !title.Contains(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            writer.Row(($"（{year}年度）", Plain));
        }

        var departmentWide = document.Kind == DocumentKind.DepartmentWide;
        var code = a.DepartmentCode.Length > 0 ? $"[{a.DepartmentCode}]" : "";
        if (departmentWide)
        {
            writer.Row(("部门名称", Header), (code + project.Name, Text));
        }
        else
        {
            writer.Row(("项目名称", Header), (project.Name, Text));
            var implementing = a.ImplementingUnit.Length > 0 ? a.ImplementingUnit : a.Department.Length == 0 ? document.Unit.Name : "";
            var cells = new List<(object?, int)>();
            if (a.Department.Length > 0 || code.Length > 0)
            {
                cells.AddRange([("主管部门及代码", Header), (code + a.Department, Text)]);
            }

            if (implementing.Length > 0)
            {
                cells.AddRange([("实施单位", Header), (implementing, Text)]);
            }

            if (cells.Count > 0)
            {
                writer.Row([.. cells]);
            }
        }

        if (a.Category.Length > 0 || a.Period.Length > 0)
        {
            writer.Row(("项目属性", Header), (a.Category, Text), ("项目期", Header), (a.Period, Text));
        }

        var funding = project.Funding;
        var group = departmentWide ? $"年度预算安排（{unitLabel}）" : $"项目资金（{unitLabel}）";
        if (project.Execution is { } e)
        {
            writer.Row((group, Header), (null, Header), ("年初预算数", Header), ("全年预算数", Header), ("全年执行数", Header), ("分值", Header), ("执行率", Header), ("得分", Header));
            writer.Row((null, Text), ("年度资金总额", Text), ((e.InitialBudget ?? funding.Total)?.To(unit), Number), (e.AdjustedBudget?.To(unit), Number),
                (e.Executed?.To(unit), Number), (e.Points, Number), (e.Rate is { } rate ? Percent(rate) : null, Text), (e.Score, Number));
            Sources(writer, funding, unit, indent: true);
        }
        else
        {
            writer.Row((group, Header), (departmentWide ? "资金总额" : "年度资金总额", Text), (funding.Total?.To(unit), Number));
            Sources(writer, funding, unit, indent: true);
        }

        if (a.LongTermGoal.Length > 0)
        {
            writer.Row(("中长期目标", Header), (a.LongTermGoal, Text));
        }

        if (project.Execution is { } outcome)
        {
            writer.Row(("年度总体目标", Header), ("预期目标", Header), ("实际完成情况", Header));
            writer.Row((null, Text), (project.Goal, Text), (outcome.GoalOutcome, Text));
        }
        else
        {
            writer.Row((departmentWide ? "年度总体目标" : "年度目标", Header), (project.Goal, Text));
        }

        if (departmentWide && document.Tasks.Count > 0)
        {
            writer.Row(("年度主要任务", Header), ("部门职能", Header), ("年度目标任务", Header), ("支出项目名称", Header), ("预算金额", Header));
            foreach (var task in document.Tasks)
            {
                writer.Row((null, Text), (task.Function, Text), (task.Task, Text), (task.Projects, Text), (task.Amount?.To(unit), Number));
            }
        }

        Grid(writer, document, project);
        if (project.Execution is { } declared)
        {
            if (declared.TotalScore is { } total)
            {
                writer.Row(("总分", Header), (total, Number));
            }

            if (declared.Grade.Length > 0)
            {
                writer.Row(("自评等级", Header), (declared.Grade, Text));
            }
        }
    }

    private static void Sources(RowWriter writer, Funding funding, AmountUnit unit, bool indent)
    {
        foreach (var (label, amount) in new[] { ("其中：财政拨款", funding.FiscalAppropriation), ("财政专户拨款", funding.SpecialAccount), ("其他资金", funding.OtherFunds) })
        {
            if (amount is { } money)
            {
                writer.Row((indent ? null : "", Text), (label, Text), (money.To(unit), Number));
            }
        }
    }

    private static void Grid(RowWriter writer, TargetDocument document, Project project)
    {
        var explained = project.Indicators.Any(i => i.Explanation.Length > 0);
        var standard = project.Indicators.Any(i => i.Standard.Length > 0);
        var evaluated = project.Indicators.Any(i => i.Evaluation is not null);
        var regions = project.Indicators.SelectMany(i => i.RegionTargets.Select(r => r.Region)).Distinct(StringComparer.Ordinal).ToList();
        var header = new List<(object?, int)> { ("一级指标", Header), ("二级指标", Header), ("三级指标", Header) };
        header.Add((regions.Count > 0 ? "区域目标值" : evaluated ? "年度指标值" : "指标值", Header));
        header.AddRange(regions.Select(r => ((object?)r, Header)));
        if (explained)
        {
            header.Add(("指标解释", Header));
        }

        if (standard)
        {
            header.Add(("指标标准或依据", Header));
        }

        if (evaluated)
        {
            header.AddRange([("实际完成值", Header), ("分值", Header), ("得分", Header), ("偏差原因分析及改进措施", Header)]);
        }

        writer.Row([.. header]);
        foreach (var i in project.Indicators)
        {
            var row = new List<(object?, int)>
            {
                (i.Level1.Chinese() + "指标", Text),
                (i.Level2 is { } l2 ? l2.Chinese() + "指标" : null, Text),
                (i.Name, Text),
                (i.TargetText, Text),
            };
            row.AddRange(regions.Select(r => ((object?)(i.RegionTargets.FirstOrDefault(t => t.Region == r)?.TargetText), Text)));
            if (explained)
            {
                row.Add((i.Explanation, Text));
            }

            if (standard)
            {
                row.Add((i.Standard, Text));
            }

            if (i.Evaluation is { } e)
            {
                row.AddRange([(e.Actual, Text), (e.Points, Number), (e.Score, Number), (e.Deviation, Text)]);
            }

            writer.Row([.. row]);
        }
    }

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Rows in order, counting their numbers.</summary>
    private sealed class RowWriter(SheetWriter sheet)
    {
        private int _row;

        public void Row(params (object? Value, int Style)[] cells) => sheet.Row(++_row, cells);

        public void Blank() => _row++;
    }
}
