using System.Globalization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Review;

namespace Jixiao.Export.Review;

/// <summary>
/// The readable review report: per document the unit's findings, then the projects worst first with each
/// finding and its suggested fix; projects without findings are listed together at the end.
/// </summary>
public static class ReviewText
{
    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter w, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w.WriteLine($"绩效目标审核报告（{report.Settings.Name}）");
        w.WriteLine($"共 {report.Documents.Count} 个文件，{report.Documents.Sum(d => d.Projects.Count)} 个项目；"
            + $"错误 {report.Count(Severity.Error)} 条，警告 {report.Count(Severity.Warning)} 条，提示 {report.Count(Severity.Info)} 条。");
        foreach (var document in report.Documents)
        {
            var d = document.Document;
            w.WriteLine();
            w.WriteLine($"== {d.Unit.Name}（{d.Source.FileName}）  质量分 {Score(document.Score)} ==");
            if (document.UnitFindings.Count > 0)
            {
                w.WriteLine("单位汇总：");
                foreach (var finding in document.UnitFindings)
                {
                    WriteFinding(w, finding);
                }
            }

            var withFindings = document.Projects.Where(p => p.Findings.Count > 0)
                .OrderBy(p => p.Score).ThenBy(p => p.Index).ToList();
            if (withFindings.Count > 0)
            {
                w.WriteLine("项目（按质量分从低到高）：");
            }

            foreach (var project in withFindings)
            {
                var errors = project.Findings.Count(f => f.Severity == Severity.Error);
                var warnings = project.Findings.Count(f => f.Severity == Severity.Warning);
                var infos = project.Findings.Count(f => f.Severity == Severity.Info);
                w.WriteLine();
                w.WriteLine($"  {Score(project.Score),5}  [{project.Index + 1}] {project.Project.Name}（{project.Project.Location}）  错误 {errors} · 警告 {warnings} · 提示 {infos}");
                foreach (var finding in project.Findings)
                {
                    WriteFinding(w, finding);
                }
            }

            var clean = document.Projects.Where(p => p.Findings.Count == 0).ToList();
            if (clean.Count > 0)
            {
                w.WriteLine();
                w.WriteLine($"未发现问题的项目 {clean.Count} 个：" + string.Join("；", clean.Select(p => $"[{p.Index + 1}] {p.Project.Name}")));
            }
        }
    }

    private static void WriteFinding(TextWriter w, Finding finding)
    {
        var where = finding.IndicatorSeq is { } seq ? $"第 {seq.ToString(CultureInfo.InvariantCulture)} 个指标：" : "";
        w.WriteLine($"     [{finding.Severity.Chinese()}] {finding.Rule.Title}：{where}{finding.Message}");
        w.WriteLine($"            建议：{finding.Rule.Suggestion}");
    }

    internal static string Score(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
