using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Export.Xlsx;

namespace Jixiao.Export.Documents;

/// <summary>
/// A document as a workbook in the published layout: the title across the table, the unit line, 单位：万元,
/// the header row, the summary row and one row per project with the numbered indicator cell; amounts are
/// numbers formatted <c>#,##0.00</c>, long texts wrap, the page is A4 landscape. The reader reads it back
/// to the same document. A document read from forms is written as forms instead (<see cref="FormsXlsx"/>).
/// </summary>
public static class DocumentXlsx
{
    private const int Plain = 0;
    private const int Title = 1;
    private const int Header = 2;
    private const int Text = 7;
    private const int Amount = 8;

    private static readonly double[] Widths = [34, 13, 13, 13, 13, 48, 90];

    /// <summary>Writes the workbook to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, TargetDocument document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Kind is not (DocumentKind.Summary or DocumentKind.Prose))
        {
            // Forms go back out as forms, which carry what the summary layout has no place for.
            FormsXlsx.Write(stream, document);
            return;
        }

        var lines = PublishedLayout.HeaderLines(document);
        using var sheet = new SheetWriter(stream, "项目支出绩效目标表", SheetWriter.FormStyles);
        sheet.Views(frozenRows: 4);
        sheet.Columns(Widths);
        sheet.Row(1, [(lines[0], Title)]);
        sheet.Row(2, [(lines[1], Plain)]);
        sheet.Row(3, [(lines[2], Plain)]);
        sheet.Row(4, PublishedLayout.Header.Select(h => (object?)h), Header);
        var row = 4;
        if (document.Summary is { } summary)
        {
            row++;
            sheet.Row(row, Cells(summary.Name, summary.Funding, document.AmountUnit, "", ""));
        }

        foreach (var project in document.Projects)
        {
            row++;
            sheet.Row(row, Cells(project.Name, project.Funding, document.AmountUnit, project.Goal, PublishedLayout.IndicatorCell(project)));
        }

        sheet.Merges(["A1:G1"]);
        sheet.PageSetup(landscape: true);
    }

    private static (object?, int)[] Cells(string name, Funding funding, AmountUnit unit, string goal, string indicators) =>
    [
        (name, Text),
        (funding.Total?.To(unit), Amount), (funding.FiscalAppropriation?.To(unit), Amount),
        (funding.SpecialAccount?.To(unit), Amount), (funding.OtherFunds?.To(unit), Amount),
        (goal, Text), (indicators, Text),
    ];
}
