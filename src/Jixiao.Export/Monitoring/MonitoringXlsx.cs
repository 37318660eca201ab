using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Export.Xlsx;

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
    private const int Title = 1;
    private const int Header = 2;
    private const int Text = 3;
    private const int Number = 4;
    private const int Percent = 5;
    private const int Columns = 9;

    private static readonly double[] Widths = [14, 26, 20, 18, 18, 12, 26, 12, 10];

    /// <summary>Writes the table.</summary>
    public static void Write(Stream stream, string unitName, Project project, int month, Money? executedSoFar, Money? projectedExecution,
        IReadOnlyDictionary<int, ProgressRow> progress, MonitoringResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(result);
        var merges = new List<string>();
        using var sheet = new SheetWriter(stream, "项目支出绩效运行监控表", SheetWriter.FormStyles);
        sheet.Views(frozenRows: 0);
        sheet.Columns(Widths);
        var row = 1;
        sheet.Row(row, [($"项目支出绩效运行监控表（1~{month}月）", Title)]);
        merges.Add(SheetWriter.Range(row, 1, row, Columns));
        row++;
        sheet.Row(row, [("项目名称", Header), (project.Name, Text), (null, Text), (null, Text), ("实施单位", Header), (unitName, Text)]);
        merges.Add(SheetWriter.Range(row, 2, row, 4));
        merges.Add(SheetWriter.Range(row, 6, row, Columns));
        row++;
        sheet.Row(row, [("预算执行（万元）", Header), ("年初预算数", Header), ($"1~{month}月执行数", Header), ("执行率", Header), ("全年预计执行数", Header), ("时间进度", Header), ("预警", Header)]);
        row++;
        sheet.Row(row,
        [
            (null, Text), (project.Funding.Total?.ToWanYuan(), Number), (executedSoFar?.ToWanYuan(), Number), (result.ExecutionRate, Percent),
            (projectedExecution?.ToWanYuan(), Number), (result.YearShare, Percent), (result.Light.Chinese(), Text),
        ]);
        merges.Add(SheetWriter.Range(row - 1, 1, row, 1));
        row++;
        sheet.Row(row, [("一级指标", Header), ("三级指标", Header), ("年度指标值", Header), ($"1~{month}月完成情况", Header), ("全年预计完成情况", Header), ("偏差原因", Header), ("说明", Header), ("完成可能性", Header), ("预警", Header)]);
        foreach (var group in project.Indicators.GroupBy(i => i.Level1))
        {
            var first = row + 1;
            foreach (var indicator in group)
            {
                row++;
                var entered = progress.GetValueOrDefault(indicator.Seq);
                var light = result.Warnings.Where(w => w.IndicatorSeq == indicator.Seq).Select(w => w.Light).DefaultIfEmpty(Light.Green).Max();
                sheet.Row(row,
                [
                    (row == first ? group.Key.Chinese() + "指标" : null, Text), (indicator.Name, Text), (indicator.TargetText, Text),
                    (entered?.SoFar ?? "", Text), (entered?.Projected ?? "", Text), (entered?.Cause ?? "", Text), (entered?.Note ?? "", Text),
                    (entered?.Likelihood ?? "", Text), (light.Chinese(), Text),
                ]);
            }

            if (row > first)
            {
                merges.Add(SheetWriter.Range(first, 1, row, 1));
            }
        }

        foreach (var warning in result.Warnings)
        {
            row++;
            sheet.Row(row, [(warning.Light.Chinese(), Text), (warning.Reason, Text)]);
            merges.Add(SheetWriter.Range(row, 2, row, Columns));
        }

        sheet.Merges(merges);
        sheet.PageSetup(landscape: true);
    }
}
