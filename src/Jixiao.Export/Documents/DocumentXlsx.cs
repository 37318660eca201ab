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
    private const int Text = 3;
    private const int Amount = 4;

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
        using var sheet = new SheetWriter(stream, "项目支出绩效目标表", Styles);
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

    /// <summary>0 plain, 1 title (bold, larger, centred), 2 header (bold, grey, bordered, centred), 3 wrapped text with borders, 4 amount #,##0.00 with borders.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font><font><b/><sz val="16"/><name val="宋体"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="5">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
        <xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
        </cellXfs>
        </styleSheet>
        """;
}
