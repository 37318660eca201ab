using System.Globalization;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;
using Jixiao.Export.Xlsx;

namespace Jixiao.Export.Scoring;

/// <summary>One scored project for the form: the project, what it achieved, and its score.</summary>
/// <param name="Project">The project as in the target table.</param>
/// <param name="Actuals">Its year-end figures.</param>
/// <param name="Score">Its score.</param>
public sealed record ScoredProject(Project Project, ProjectActuals Actuals, ProjectScore Score);

/// <summary>
/// The 项目支出绩效自评表 as a workbook, one form per project stacked on one sheet (A4 landscape): the
/// title, project and unit, the funds block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), the
/// goal, and the indicators grouped under merged 一级指标 cells labelled with their points
/// (<c>产出指标(50分)</c>) with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析及改进措施, then the total
/// and the grade. A last column gives how each score was computed.
/// </summary>
public static class SelfEvaluationXlsx
{
    private const int Title = 1;
    private const int Header = 2;
    private const int Text = 3;
    private const int Number = 4;
    private const int Percent = 5;
    private const int Bold = 6;
    private const int Columns = 9;

    private static readonly double[] Widths = [16, 14, 26, 22, 18, 8, 8, 30, 50];

    /// <summary>Writes the forms of <paramref name="projects"/> of <paramref name="unitName"/>.</summary>
    public static void Write(Stream stream, string unitName, int? year, IReadOnlyList<ScoredProject> projects)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(unitName);
        ArgumentNullException.ThrowIfNull(projects);
        var merges = new List<string>();
        using var sheet = new SheetWriter(stream, "项目支出绩效自评表", SheetWriter.FormStyles);
        sheet.Views(frozenRows: 0);
        sheet.Columns(Widths);
        var row = 0;
        foreach (var scored in projects)
        {
            var (project, actuals, score) = (scored.Project, scored.Actuals, scored.Score);
            row++;
            sheet.Row(row, [("项目支出绩效自评表" + (year is null ? "" : $"（{year}年度）"), Title)]);
            merges.Add(SheetWriter.Range(row, 1, row, Columns));
            row++;
            sheet.Row(row, [("项目名称", Header), (project.Name, Text), (null, Text), (null, Text), ("实施单位", Header), (unitName, Text)]);
            merges.Add(SheetWriter.Range(row, 2, row, 4));
            merges.Add(SheetWriter.Range(row, 6, row, Columns));

            row++;
            sheet.Row(row, [("项目资金（万元）", Header), ("", Header), ("年初预算数", Header), ("全年预算数", Header), ("全年执行数", Header), ("分值", Header), ("执行率", Header), ("得分", Header), ("计分说明", Header)]);
            merges.Add(SheetWriter.Range(row, 1, row, 2));
            row++;
            sheet.Row(row,
            [
                ("年度资金总额", Text), (null, Text), (score.InitialBudget?.ToWanYuan(), Number), (score.AdjustedBudget?.ToWanYuan(), Number),
                (score.Executed?.ToWanYuan(), Number), (score.ExecutionPoints, Number),
                (score.ExecutionRate, Percent), (score.ExecutionScore, Number), (score.ExecutionExplanation, Text),
            ]);
            merges.Add(SheetWriter.Range(row, 1, row, 2));

            row++;
            sheet.Row(row, [("年度总体目标", Header), ("预期目标", Header), (null, Header), (null, Header), ("实际完成情况", Header)]);
            merges.Add(SheetWriter.Range(row, 2, row, 4));
            merges.Add(SheetWriter.Range(row, 5, row, Columns));
            row++;
            sheet.Row(row, [(null, Text), (project.Goal, Text), (null, Text), (null, Text), (null, Text)]);
            merges.Add(SheetWriter.Range(row - 1, 1, row, 1));
            merges.Add(SheetWriter.Range(row, 2, row, 4));
            merges.Add(SheetWriter.Range(row, 5, row, Columns));

            row++;
            sheet.Row(row, [("一级指标", Header), ("二级指标", Header), ("三级指标", Header), ("年度指标值", Header), ("实际完成值", Header), ("分值", Header), ("得分", Header), ("偏差原因分析及改进措施", Header), ("计分说明", Header)]);
            foreach (var group in project.Indicators.Select((indicator, i) => (indicator, score: score.Indicators[i])).GroupBy(x => x.indicator.Level1))
            {
                var first = row + 1;
                var points = Math.Round(score.Level1Points[group.Key], 2, MidpointRounding.AwayFromZero);
                foreach (var (indicator, indicatorScore) in group)
                {
                    row++;
                    var actual = actuals.Indicators.GetValueOrDefault(indicator.Seq);
                    sheet.Row(row,
                    [
                        (row == first ? $"{group.Key.Chinese()}指标({N(points)}分)" : null, Text), (indicator.Level2?.Chinese() ?? "", Text), (indicator.Name, Text),
                        (indicator.TargetText, Text), (Describe(actual), Text), (indicatorScore.Points, Number), (indicatorScore.Score, Number),
                        (actual?.Note ?? "", Text), (indicatorScore.Explanation, Text),
                    ]);
                }

                if (row > first)
                {
                    merges.Add(SheetWriter.Range(first, 1, row, 1));
                }
            }

            row++;
            sheet.Row(row, [("总分", Bold), (score.Score, Number), ("等级", Bold), (score.Grade.Chinese(), Bold)]);
            row++;
        }

        sheet.Merges(merges);
        sheet.PageSetup(landscape: true);
    }

    /// <summary>The actual as written back: values with their units, or the band and its percentage.</summary>
    public static string Describe(IndicatorActual? actual) => actual switch
    {
        null => "",
        { Band: { } band } => band.Chinese() + (actual.Percent is { } p ? $"（{N(p)}%）" : ""),
        _ => string.Join("；", actual.Values.Select(v => N(v.Value) + v.Unit)),
    };

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
