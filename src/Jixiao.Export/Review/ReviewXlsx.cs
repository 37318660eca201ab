using Jixiao.Domain.Review;
using Jixiao.Export.Xlsx;

namespace Jixiao.Export.Review;

/// <summary>
/// The review as a workbook with one sheet, 审核发现, one row per finding under a header row (frozen, with
/// a filter), so a reviewer can sort and filter in Excel.
/// </summary>
public static class ReviewXlsx
{
    private const int HeaderStyle = 1;
    private const int WrapStyle = 2;

    private static readonly (string Header, double Width)[] Columns =
    [
        ("文件", 24), ("单位名称", 22), ("项目序号", 8), ("项目名称", 36), ("项目质量分", 10), ("指标序号", 8),
        ("级别", 8), ("类别", 10), ("问题", 24), ("说明", 60), ("修改建议", 40), ("依据", 40),
    ];

    /// <summary>Writes the workbook to <paramref name="stream"/> (writable; it need not be seekable).</summary>
    public static void Write(Stream stream, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var scores = report.Documents.SelectMany(d => d.Projects).ToDictionary(p => p.Project);
        using var sheet = new SheetWriter(stream, "审核发现", Styles);
        sheet.Views(frozenRows: 1);
        sheet.Columns(Columns.Select(c => c.Width));
        sheet.Row(1, Columns.Select(c => (object?)c.Header), HeaderStyle);
        var row = 1;
        foreach (var f in report.Findings)
        {
            row++;
            var project = f.Project is null ? null : scores[f.Project];
            sheet.Row(row,
            [
                f.Document.Source.FileName, f.Document.Unit.Name, project is null ? null : project.Index + 1, f.Project?.Name ?? "（单位汇总）",
                project?.Score, f.IndicatorSeq, f.Severity.Chinese(), f.Rule.Family.Chinese(), f.Rule.Title, f.Message,
                f.Rule.Suggestion, report.Settings.BasisOf(f.Rule),
            ], WrapStyle);
        }

        sheet.AutoFilter($"A1:{SheetWriter.ColumnName(Columns.Length)}{row}");
        sheet.PageSetup(landscape: true);
    }

    /// <summary>Style 0 default, 1 bold header on a grey fill, 2 wrapped text aligned to the top.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill></fills>
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>
        </styleSheet>
        """;
}
