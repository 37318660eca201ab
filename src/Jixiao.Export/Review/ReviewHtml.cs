using System.Globalization;
using System.Net;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;

namespace Jixiao.Export.Review;

/// <summary>
/// The review as one self-contained HTML page (no script, no external stylesheet, font or image) that a
/// reviewer can open offline and print on A4. Every text from a document is HTML-encoded.
/// </summary>
public static class ReviewHtml
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#1b1b1b;font-size:14px;line-height:1.5}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #444;padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 6px}p.meta{color:#555;margin:2px 0}
        table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#eee}td.num{text-align:right;white-space:nowrap}
        .sev{white-space:nowrap;font-weight:bold}.error{color:#b00020}.warning{color:#a15c00}.info{color:#1f5fa8}
        .code{font-family:monospace;white-space:nowrap}.hint{color:#444}
        section.project{page-break-inside:avoid}
        @page{size:A4;margin:15mm}
        @media print{body{margin:0;font-size:11pt}h2{page-break-before:auto}a{color:inherit;text-decoration:none}}
        """;

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter w, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>绩效目标审核报告 - {E(string.Join("、", report.Documents.Select(d => d.Document.Unit.Name).Distinct()))}</title>");
        w.WriteLine($"<style>{Style}</style></head><body>");
        w.WriteLine("<h1>绩效目标审核报告</h1>");
        w.WriteLine($"<p class=\"meta\">审核规则：{E(report.Settings.Name)}；共 {report.Documents.Count} 个文件，{report.Documents.Sum(d => d.Projects.Count)} 个项目；"
            + $"错误 {report.Count(Severity.Error)} 条，警告 {report.Count(Severity.Warning)} 条，提示 {report.Count(Severity.Info)} 条。</p>");

        var documentNumber = 0;
        foreach (var document in report.Documents)
        {
            documentNumber++;
            var d = document.Document;
            w.WriteLine($"<h2>{E(d.Unit.Name)}　质量分 {ReviewText.Score(document.Score)}</h2>");
            w.WriteLine($"<p class=\"meta\">{E(d.Title)}　文件：{E(d.Source.FileName)}</p>");
            if (document.UnitFindings.Count > 0)
            {
                w.WriteLine("<h3>单位汇总</h3>");
                WriteFindings(w, document.UnitFindings);
            }

            var ranked = document.Projects.OrderBy(p => p.Score).ThenBy(p => p.Index).ToList();
            w.WriteLine("<h3>项目质量分（从低到高）</h3>");
            w.WriteLine("<table><thead><tr><th>质量分</th><th>序号</th><th>项目名称</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>");
            foreach (var p in ranked)
            {
                var anchor = $"d{documentNumber}p{p.Index + 1}";
                var name = p.Findings.Count > 0 ? $"<a href=\"#{anchor}\">{E(p.Project.Name)}</a>" : E(p.Project.Name);
                w.WriteLine($"<tr><td class=\"num\">{ReviewText.Score(p.Score)}</td><td class=\"num\">{p.Index + 1}</td><td>{name}</td>"
                    + $"<td class=\"num\">{Count(p, Severity.Error)}</td><td class=\"num\">{Count(p, Severity.Warning)}</td><td class=\"num\">{Count(p, Severity.Info)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
            foreach (var p in ranked.Where(p => p.Findings.Count > 0))
            {
                w.WriteLine($"<section class=\"project\" id=\"d{documentNumber}p{p.Index + 1}\">");
                w.WriteLine($"<h3>[{p.Index + 1}] {E(p.Project.Name)}　质量分 {ReviewText.Score(p.Score)}</h3>");
                WriteFindings(w, p.Findings);
                w.WriteLine("</section>");
            }
        }

        w.WriteLine("</body></html>");
    }

    private static void WriteFindings(TextWriter w, IEnumerable<Finding> findings)
    {
        w.WriteLine("<table><thead><tr><th>级别</th><th>指标</th><th>问题</th><th>修改建议</th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            var seq = f.IndicatorSeq?.ToString(CultureInfo.InvariantCulture) ?? "";
            w.WriteLine($"<tr><td class=\"sev {f.Severity.JsonName()}\">{f.Severity.Chinese()}</td><td class=\"num\">{seq}</td>"
                + $"<td><b>{E(f.Rule.Title)}</b><br>{E(f.Message)}</td><td class=\"hint\">{E(f.Rule.Suggestion)}</td></tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static int Count(ProjectReview project, Severity severity) => project.Findings.Count(f => f.Severity == severity);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
