using System.Globalization;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;
using Jixiao.Export.Xlsx;
using static Jixiao.Export.Xlsx.FormSheet;

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
    private static readonly double[] Widths = [16, 14, 26, 22, 18, 8, 8, 30, 50];

    /// <summary>Writes the forms of <paramref name="projects"/> of <paramref name="unitName"/>.</summary>
    public static void Write(Stream stream, string unitName, int? year, IReadOnlyList<ScoredProject> projects)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(unitName);
        ArgumentNullException.ThrowIfNull(projects);
        using var form = new FormSheet(stream, "项目支出绩效自评表", Widths);
        foreach (var scored in projects)
        {
            var (project, actuals, score) = (scored.Project, scored.Actuals, scored.Score);
            form.TitleRow("项目支出绩效自评表" + (year is null ? "" : $"（{year}年度）"));
            form.ProjectRow(project.Name, unitName);

            form.Next([("项目资金（万元）", Header), ("", Header), ("年初预算数", Header), ("全年预算数", Header), ("全年执行数", Header), ("分值", Header), ("执行率", Header), ("得分", Header), ("计分说明", Header)]);
            form.Merge(form.Row, 1, form.Row, 2);
            form.Next(
            [
                ("年度资金总额", Text), (null, Text), (score.InitialBudget?.ToWanYuan(), Number), (score.AdjustedBudget?.ToWanYuan(), Number),
                (score.Executed?.ToWanYuan(), Number), (score.ExecutionPoints, Number),
                (score.ExecutionRate, Percent), (score.ExecutionScore, Number), (score.ExecutionExplanation, Text),
            ]);
            form.Merge(form.Row, 1, form.Row, 2);

            form.Next([("年度总体目标", Header), ("预期目标", Header), (null, Header), (null, Header), ("实际完成情况", Header)]);
            form.Merge(form.Row, 2, form.Row, 4);
            form.Merge(form.Row, 5, form.Row, 0);
            form.Next([(null, Text), (project.Goal, Text), (null, Text), (null, Text), (null, Text)]);
            form.Merge(form.Row - 1, 1, form.Row, 1);
            form.Merge(form.Row, 2, form.Row, 4);
            form.Merge(form.Row, 5, form.Row, 0);

            form.Next([("一级指标", Header), ("二级指标", Header), ("三级指标", Header), ("年度指标值", Header), ("实际完成值", Header), ("分值", Header), ("得分", Header), ("偏差原因分析及改进措施", Header), ("计分说明", Header)]);
            form.Grouped(project.Indicators.Select((indicator, i) => (indicator, score: score.Indicators[i])).GroupBy(x => x.indicator.Level1),
                group => $"{group.Key.Chinese()}指标({N(Math.Round(score.Level1Points[group.Key], 2, MidpointRounding.AwayFromZero))}分)",
                item =>
                {
                    var actual = actuals.Indicators.GetValueOrDefault(item.indicator.Seq);
                    return
                    [
                        (item.indicator.Level2?.Chinese() ?? "", Text), (item.indicator.Name, Text), (item.indicator.TargetText, Text), (Describe(actual), Text),
                        (item.score.Points, Number), (item.score.Score, Number), (actual?.Note ?? "", Text), (item.score.Explanation, Text),
                    ];
                });

            form.Next([("总分", Bold), (score.Score, Number), ("等级", Bold), (score.Grade.Chinese(), Bold)]);
            form.Skip();
        }
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
