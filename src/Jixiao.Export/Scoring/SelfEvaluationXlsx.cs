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
        using var sheet = new SheetWriter(stream, "项目支出绩效自评表", Styles);
        sheet.Views(frozenRows: 0);
        sheet.Columns(Widths);
        var row = 0;
        foreach (var scored in projects)
        {
            var (project, actuals, score) = (scored.Project, scored.Actuals, scored.Score);
            row++;
            sheet.Row(row, [("项目支出绩效自评表" + (year is null ? "" : $"（{year}年度）"), Title)]);
            merges.Add(Range(row, 1, row, Columns));
            row++;
            sheet.Row(row, [("项目名称", Header), (project.Name, Text), (null, Text), (null, Text), ("实施单位", Header), (unitName, Text)]);
            merges.Add(Range(row, 2, row, 4));
            merges.Add(Range(row, 6, row, Columns));

            row++;
            sheet.Row(row, [("项目资金（万元）", Header), ("", Header), ("年初预算数", Header), ("全年预算数", Header), ("全年执行数", Header), ("分值", Header), ("执行率", Header), ("得分", Header), ("计分说明", Header)]);
            merges.Add(Range(row, 1, row, 2));
            row++;
            sheet.Row(row,
            [
                ("年度资金总额", Text), (null, Text), (score.InitialBudget?.ToWanYuan(), Number), (score.AdjustedBudget?.ToWanYuan(), Number),
                (score.Executed?.ToWanYuan(), Number), (score.ExecutionPoints, Number),
                (score.ExecutionRate, Percent), (score.ExecutionScore, Number), (score.ExecutionExplanation, Text),
            ]);
            merges.Add(Range(row, 1, row, 2));

            row++;
            sheet.Row(row, [("年度总体目标", Header), ("预期目标", Header), (null, Header), (null, Header), ("实际完成情况", Header)]);
            merges.Add(Range(row, 2, row, 4));
            merges.Add(Range(row, 5, row, Columns));
            row++;
            sheet.Row(row, [(null, Text), (project.Goal, Text), (null, Text), (null, Text), (null, Text)]);
            merges.Add(Range(row - 1, 1, row, 1));
            merges.Add(Range(row, 2, row, 4));
            merges.Add(Range(row, 5, row, Columns));

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
                    merges.Add(Range(first, 1, row, 1));
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

    private static string Range(int fromRow, int fromColumn, int toRow, int toColumn) =>
        $"{SheetWriter.ColumnName(fromColumn)}{fromRow.ToString(CultureInfo.InvariantCulture)}:{SheetWriter.ColumnName(toColumn)}{toRow.ToString(CultureInfo.InvariantCulture)}";

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>0 plain, 1 title, 2 header, 3 wrapped text, 4 number 0.00, 5 percent 0.00%, 6 bold; all but 0 and 1 bordered.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font><font><b/><sz val="16"/><name val="宋体"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="7">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
        <xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        </cellXfs>
        </styleSheet>
        """;
}
