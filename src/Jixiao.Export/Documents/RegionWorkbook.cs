using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Workflow;
using Jixiao.Export.Xlsx;

namespace Jixiao.Export.Documents;

/// <summary>One finding for a unit's sheet: where, how serious, which rule, what.</summary>
public sealed record UnitFinding(string Where, string Severity, string Rule, string Message);

/// <summary>One unit of a department's or region's workbook: its table for the year (null when it has none) and the review of it.</summary>
/// <param name="Unit">The unit's name.</param>
/// <param name="Department">Its department, when it has one.</param>
/// <param name="Document">Its table for the year, null when it has none.</param>
/// <param name="State">The table's workflow state.</param>
/// <param name="Score">The table's quality score.</param>
/// <param name="Findings">The review's findings on the table.</param>
public sealed record UnitSheet(string Unit, string? Department, TargetDocument? Document, WorkState? State, decimal? Score, IReadOnlyList<UnitFinding> Findings);

/// <summary>
/// A department's or region's tables for one year as one workbook: a summary sheet (each unit's state, projects,
/// money, quality score and findings by severity) and a sheet per unit with its table in the published layout
/// and the review's findings below it.
/// </summary>
public static class RegionWorkbook
{
    private const int Title = 1;
    private const int Header = 2;
    private const int Text = 7;
    private const int Amount = 8;
    private const int Number = 4;

    /// <summary>Writes the workbook of <paramref name="units"/>; <paramref name="title"/> heads the summary (e.g. 青溪市 2026 年度项目支出绩效目标汇总).</summary>
    public static void Write(Stream stream, string title, IReadOnlyList<UnitSheet> units)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(units);
        var names = SheetNames(units.Select(u => u.Unit));
        using var sheet = new SheetWriter(stream, ["汇总", .. names], SheetWriter.FormStyles);
        Summary(sheet, title, units);
        for (var i = 0; i < units.Count; i++)
        {
            sheet.NextSheet();
            UnitTable(sheet, units[i]);
        }
    }

    private static void Summary(SheetWriter sheet, string title, IReadOnlyList<UnitSheet> units)
    {
        sheet.Views(frozenRows: 2);
        sheet.Columns([30, 24, 10, 8, 14, 8, 8, 8, 8]);
        sheet.Row(1, [(title, Title)]);
        sheet.Row(2, new object?[] { "单位", "主管部门", "状态", "项目数", "资金总额（万元）", "质量分", "错误", "警告", "提示" }, Header);
        var row = 2;
        foreach (var unit in units)
        {
            row++;
            var total = unit.Document?.Projects.Aggregate(Money.Zero, (sum, p) => sum + (p.Funding.Total ?? Money.Zero));
            sheet.Row(row,
            [
                (unit.Unit, Text), (unit.Department ?? "", Text), (unit.State?.Chinese() ?? "未导入", Text),
                (unit.Document?.Projects.Count, Number), (total?.ToWanYuan(), Amount), (unit.Score, Number),
                (Count(unit, "错误"), Number), (Count(unit, "警告"), Number), (Count(unit, "提示"), Number),
            ]);
        }

        sheet.Merges(["A1:I1"]);
        sheet.PageSetup(landscape: true);
    }

    private static int? Count(UnitSheet unit, string severity) => unit.Document is null ? null : unit.Findings.Count(f => f.Severity == severity);

    private static void UnitTable(SheetWriter sheet, UnitSheet unit)
    {
        sheet.Views(frozenRows: 0);
        sheet.Columns([34, 13, 13, 13, 13, 48, 90]);
        if (unit.Document is not { } document)
        {
            sheet.Row(1, [($"{unit.Unit}：本年度还没有导入绩效目标表。", Text)]);
            sheet.PageSetup(landscape: true);
            return;
        }

        var lines = PublishedLayout.HeaderLines(document);
        sheet.Row(1, [(lines[0], Title)]);
        sheet.Row(2, [(lines[1] + "　" + lines[2] + "　状态：" + (unit.State?.Chinese() ?? "") + (unit.Score is { } s ? $"　质量分：{s:0.0}" : ""), Text)]);
        sheet.Row(3, PublishedLayout.Header.Select(h => (object?)h), Header);
        var row = 3;
        foreach (var project in document.Projects)
        {
            row++;
            var f = project.Funding;
            sheet.Row(row,
            [
                (project.Name, Text), (f.Total?.To(document.AmountUnit), Amount), (f.FiscalAppropriation?.To(document.AmountUnit), Amount),
                (f.SpecialAccount?.To(document.AmountUnit), Amount), (f.OtherFunds?.To(document.AmountUnit), Amount), (project.Goal, Text), (PublishedLayout.IndicatorCell(project), Text),
            ]);
        }

        row += 2;
        sheet.Row(row, new object?[] { "审核发现：位置", "级别", "问题", "说明" }, Header);
        foreach (var finding in unit.Findings)
        {
            row++;
            sheet.Row(row, [(finding.Where, Text), (finding.Severity, Text), (finding.Rule, Text), (finding.Message, Text)]);
        }

        sheet.Merges(["A1:G1", "A2:G2"]);
        sheet.PageSetup(landscape: true);
    }

    /// <summary>Sheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, unique.</summary>
    private static List<string> SheetNames(IEnumerable<string> units)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "汇总" };
        var names = new List<string>();
        foreach (var unit in units)
        {
            var clean = new string([.. unit.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim();
            clean = clean.Length == 0 ? "单位" : clean.Length > 28 ? clean[..28] : clean;
            var name = clean;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{clean}({n})";
            }

            names.Add(name);
        }

        return names;
    }
}
