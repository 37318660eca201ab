using System.Text;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;

namespace Jixiao.Export.Documents;

/// <summary>
/// The cells of the published 项目支出绩效目标表 layout, shared by the exports: header lines, the header
/// row, the summary row and one row per project with the numbered indicator cell
/// (<c>1、产出指标：name，年度指标值：target。</c>, with a written level 2 as <c>产出指标-质量指标</c>), which the
/// readers read back to the same document. What the layout cannot carry: an indicator name holding
/// <c>年度指标值</c>, or a name or target holding the start of another item (<c>2、效益指标：</c>); the JSON
/// export carries everything.
/// </summary>
public static class PublishedLayout
{
    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Header { get; } = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"];

    /// <summary>The lines above the header row: title (blank when the table had none, so it reads back the same), 单位名称, 单位.</summary>
    public static IReadOnlyList<string> HeaderLines(TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return
        [
            document.Title,
            "单位名称：" + document.Unit.Name,
            document.AmountUnit == AmountUnit.WanYuan ? "单位：万元" : "单位：元",
        ];
    }

    /// <summary>The summary row, null when the document has none.</summary>
    public static IReadOnlyList<string>? SummaryRow(TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Summary is { } summary ? [summary.Name, .. Amounts(summary.Funding, document.AmountUnit), "", ""] : null;
    }

    /// <summary>The row of one project.</summary>
    public static IReadOnlyList<string> ProjectRow(Project project, AmountUnit unit)
    {
        ArgumentNullException.ThrowIfNull(project);
        return [project.Name, .. Amounts(project.Funding, unit), project.Goal, IndicatorCell(project)];
    }

    /// <summary>The numbered indicator cell of a project.</summary>
    public static string IndicatorCell(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var cell = new StringBuilder();
        foreach (var indicator in project.Indicators)
        {
            cell.Append(indicator.Seq).Append('、').Append(Label(indicator)).Append('：')
                .Append(indicator.Name).Append("，年度指标值：").Append(indicator.TargetText).Append('。');
        }

        return cell.ToString();
    }

    /// <summary>The category label: <c>产出指标</c>, or <c>产出指标-质量指标</c> when the level 2 was written (an inferred one is left to be inferred again).</summary>
    public static string Label(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var label = indicator.Level1.Chinese() + "指标";
        return indicator.WrittenLevel2 is { } level2 ? label + "-" + level2.Chinese() + "指标" : label;
    }

    private static string[] Amounts(Funding funding, AmountUnit unit) =>
        [Amount(funding.Total, unit), Amount(funding.FiscalAppropriation, unit), Amount(funding.SpecialAccount, unit), Amount(funding.OtherFunds, unit)];

    private static string Amount(Money? money, AmountUnit unit) => money?.Format(unit) ?? "";
}
