using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Export.Xlsx;
using static Jixiao.Export.Xlsx.FormSheet;

namespace Jixiao.Export.Monitoring;

/// <summary>One indicator's row of the monitoring table as entered.</summary>
/// <param name="SoFar">1~N月完成情况.</param>
/// <param name="Projected">全年预计完成情况.</param>
/// <param name="Cause">偏差原因.</param>
/// <param name="Note">说明.</param>
/// <param name="Likelihood">完成可能性.</param>
public sealed record ProgressRow(string SoFar, string Projected, string Cause, string Note, string Likelihood);

/// <summary>
/// The 项目支出绩效运行监控表 of one project and window as a workbook (A4 landscape): title with the window,
/// project and unit, the budget block (年初预算数, 1~N月执行数, 执行率, 全年预计执行数, 时间进度, 预警), the
/// indicators under merged 一级指标 cells (年度指标值, 1~N月完成情况, 全年预计完成情况, 偏差原因, 说明, 完成可能性,
/// 预警), and the warnings with their reasons.
/// </summary>
public static class MonitoringXlsx
{
    private static readonly double[] Widths = [14, 26, 20, 18, 18, 12, 26, 12, 10];

    /// <summary>Writes the table.</summary>
    public static void Write(Stream stream, string unitName, Project project, int month, Money? executedSoFar, Money? projectedExecution,
        IReadOnlyDictionary<int, ProgressRow> progress, MonitoringResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(result);
        using var form = new FormSheet(stream, "项目支出绩效运行监控表", Widths);
        form.TitleRow($"项目支出绩效运行监控表（1~{month}月）");
        form.ProjectRow(project.Name, unitName);
        form.Next([("预算执行（万元）", Header), ("年初预算数", Header), ($"1~{month}月执行数", Header), ("执行率", Header), ("全年预计执行数", Header), ("时间进度", Header), ("预警", Header)]);
        form.Next(
        [
            (null, Text), (project.Funding.Total?.ToWanYuan(), Number), (executedSoFar?.ToWanYuan(), Number), (result.ExecutionRate, Percent),
            (projectedExecution?.ToWanYuan(), Number), (result.YearShare, Percent), (result.Light.Chinese(), Text),
        ]);
        form.Merge(form.Row - 1, 1, form.Row, 1);
        form.Next([("一级指标", Header), ("三级指标", Header), ("年度指标值", Header), ($"1~{month}月完成情况", Header), ("全年预计完成情况", Header), ("偏差原因", Header), ("说明", Header), ("完成可能性", Header), ("预警", Header)]);
        form.Grouped(project.Indicators.GroupBy(i => i.Level1), group => group.Key.Chinese() + "指标", indicator =>
        {
            var entered = progress.GetValueOrDefault(indicator.Seq);
            var light = result.Warnings.Where(w => w.IndicatorSeq == indicator.Seq).Select(w => w.Light).DefaultIfEmpty(Light.Green).Max();
            return
            [
                (indicator.Name, Text), (indicator.TargetText, Text), (entered?.SoFar ?? "", Text), (entered?.Projected ?? "", Text),
                (entered?.Cause ?? "", Text), (entered?.Note ?? "", Text), (entered?.Likelihood ?? "", Text), (light.Chinese(), Text),
            ];
        });

        foreach (var warning in result.Warnings)
        {
            form.Next([(warning.Light.Chinese(), Text), (warning.Reason, Text)]);
            form.Merge(form.Row, 2, form.Row, 0);
        }
    }
}
