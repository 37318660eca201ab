using Jixiao.Export.Xlsx;
using static Jixiao.Export.Xlsx.FormSheet;

namespace Jixiao.Export.Review;

/// <summary>One opinion on a table: where it applies, what it says, who wrote it and when (a date as the reader reads it).</summary>
public sealed record OpinionLine(string Where, string Text, string Author, string Date);

/// <summary>One open finding: where, how serious, which rule, what, the basis and the suggested correction.</summary>
public sealed record OpinionFindingLine(string Where, string Severity, string Rule, string Message, string Basis, string Suggestion);

/// <summary>What a 审核意见书 says, ready to write.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Title">The table's title.</param>
/// <param name="Year">The budget year, null when the table has none.</param>
/// <param name="Version">The table's version.</param>
/// <param name="Decision">The decision in words (已批复, 已退回…).</param>
/// <param name="Score">The quality score, as shown.</param>
/// <param name="Reviewer">The reviewer's name; empty for a line to sign on.</param>
/// <param name="Date">The decision's date; empty for a line to write on.</param>
/// <param name="Opinions">The opinions.</param>
/// <param name="Findings">The open findings.</param>
public sealed record OpinionPaper(string Unit, string Title, int? Year, int Version, string Decision, string Score, string Reviewer, string Date,
    IReadOnlyList<OpinionLine> Opinions, IReadOnlyList<OpinionFindingLine> Findings)
{
    /// <summary>Each stage's decision, in order: the stage as Where, the decision as Text.</summary>
    public IReadOnlyList<OpinionLine> Stages { get; init; } = [];
}

/// <summary>The 项目支出绩效目标审核意见书 as a one-sheet workbook (A4 landscape), the same content as the printable page.</summary>
public static class OpinionXlsx
{
    private static readonly double[] Widths = [26, 8, 20, 40, 40, 40];

    public static void Write(Stream stream, OpinionPaper paper)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(paper);
        using var form = new FormSheet(stream, "审核意见书", Widths);
        form.TitleRow("项目支出绩效目标审核意见书");
        form.Next([("单位", Header), (paper.Unit, Text), (null, Text), ("预算年度", Header), (paper.Year is { } y ? $"{y} 年" : "未填", Text), (null, Text)]);
        form.Merge(form.Row, 2, form.Row, 3);
        form.Merge(form.Row, 5, form.Row, 6);
        form.Next([("绩效目标表", Header), (paper.Title.Length > 0 ? paper.Title : "（无标题）", Text), (null, Text), ("版本", Header), ($"第 {paper.Version} 版", Text), (null, Text)]);
        form.Merge(form.Row, 2, form.Row, 3);
        form.Merge(form.Row, 5, form.Row, 6);
        form.Next([("审核结论", Header), (paper.Decision, Text), (null, Text), ("质量分", Header), (paper.Score, Text), (null, Text)]);
        form.Merge(form.Row, 2, form.Row, 3);
        form.Merge(form.Row, 5, form.Row, 6);

        if (paper.Stages.Count > 0)
        {
            form.Skip();
            form.Next([("审核环节", Header), ("结论", Header), ("审核人", Header), ("日期", Header)]);
            foreach (var stage in paper.Stages)
            {
                form.Next([(stage.Where, Text), (stage.Text, Text), (stage.Author, Text), (stage.Date, Text)]);
            }
        }

        form.Skip();
        form.Next([("审核意见", Bold)]);
        form.Merge(form.Row, 1, form.Row, 0);
        if (paper.Opinions.Count == 0)
        {
            form.Next([("（无）", Text)]);
        }

        foreach (var opinion in paper.Opinions)
        {
            form.Next([(opinion.Where, Text), (opinion.Text + $"（{opinion.Author}，{opinion.Date}）", Text)]);
            form.Merge(form.Row, 2, form.Row, 0);
        }

        form.Skip();
        form.Next([("位置", Header), ("级别", Header), ("问题", Header), ("说明", Header), ("依据", Header), ("修改建议", Header)]);
        foreach (var finding in paper.Findings)
        {
            form.Next([(finding.Where, Text), (finding.Severity, Text), (finding.Rule, Text), (finding.Message, Text), (finding.Basis, Text), (finding.Suggestion, Text)]);
        }

        form.Skip();
        form.Next([("审核人", Header), (paper.Reviewer, Text), ("日期", Header), (paper.Date, Text), ("（盖章）", Text), (null, Text)]);
        form.Merge(form.Row, 5, form.Row, 6);
    }
}
