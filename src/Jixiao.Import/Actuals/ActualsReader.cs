using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;
using Jixiao.Import.Tables;

namespace Jixiao.Import.Actuals;

/// <summary>What an actuals file held: the actuals of each project it names, or the rows it could not accept.</summary>
/// <param name="Projects">The projects the file names, in the document's order, with their actuals; empty when there are errors.</param>
/// <param name="Errors">Each rejected row, in Chinese, naming the row. Any error rejects the whole file.</param>
public sealed record ActualsResult(IReadOnlyList<(Project Project, ProjectActuals Actuals)> Projects, IReadOnlyList<string> Errors);

/// <summary>
/// Reads a year-end actuals CSV (header <c>project,seq,actual,percent,note</c>): a row with an empty
/// <c>seq</c> gives the project's 全年执行数 in 万元; a row with a <c>seq</c> gives that indicator's actual
/// (<c>92%</c>, <c>120</c>, <c>120人</c>, several values separated by <c>；</c> for several clauses, or
/// 达成 / 部分达成 / 未达成 with an optional <c>percent</c> inside the band). Every row is checked against
/// the document; one bad row rejects the file, so nothing is half-taken.
/// </summary>
public static class ActualsReader
{
    private static readonly string[] Columns = ["project", "seq", "actual", "percent", "note"];

    /// <summary>Reads <paramref name="content"/> against <paramref name="document"/>.</summary>
    public static ActualsResult Read(byte[] content, TargetDocument document, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        var text = TextDecoder.Decode(content, [])?.ToString();
        if (text is null || ChineseText.IsBlank(text))
        {
            return new ActualsResult([], ["实绩文件为空或不是文本文件。"]);
        }

        var rows = DelimitedRows.Csv(new StringReader(text), DelimitedRows.DetectDelimiter(text), ReadOptions.Default.MaxCellLength).Where(r => r.Cells.Any(c => !ChineseText.IsBlank(c))).ToList();
        if (rows.Count == 0)
        {
            return new ActualsResult([], ["实绩文件没有内容。"]);
        }

        var header = rows[0].Cells.Select(c => ChineseText.TrimSpace(c).ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        if (index["project"] < 0 || index["seq"] < 0 || index["actual"] < 0)
        {
            return new ActualsResult([], [$"实绩文件第 {rows[0].Line} 行应为表头 project,seq,actual,percent,note。"]);
        }

        var byName = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var project in document.Projects)
        {
            byName.TryAdd(ChineseText.TrimSpace(project.Name), project);
        }

        var executed = new Dictionary<Project, Money>();
        var indicators = new Dictionary<Project, Dictionary<int, IndicatorActual>>();
        foreach (var row in rows.Skip(1))
        {
            string Cell(string column) => index[column] >= 0 && index[column] < row.Cells.Length ? ChineseText.TrimSpace(row.Cells[index[column]]) : "";
            var where = $"第 {row.Line} 行";
            var name = Cell("project");
            if (!byName.TryGetValue(name, out var project))
            {
                errors.Add($"{where}：表中没有项目“{name}”。");
                continue;
            }

            indicators.TryAdd(project, []);
            var seqText = Cell("seq");
            var actualText = Cell("actual");
            if (seqText.Length == 0)
            {
                if (AmountParser.Parse(actualText, AmountUnit.WanYuan, out var money) != AmountParser.Outcome.Amount)
                {
                    errors.Add($"{where}：项目“{name}”的全年执行数“{actualText}”不是金额（万元），请填写数字，如 1,250.00。");
                }
                else if (!executed.TryAdd(project, money))
                {
                    errors.Add($"{where}：项目“{name}”的全年执行数重复填写。");
                }

                continue;
            }

            if (!int.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                errors.Add($"{where}：seq“{seqText}”不是指标序号。");
                continue;
            }

            var indicator = project.Indicators.FirstOrDefault(i => i.Seq == seq);
            if (indicator is null)
            {
                errors.Add($"{where}：项目“{name}”没有第 {seq} 个指标。");
                continue;
            }

            if (indicators[project].ContainsKey(seq))
            {
                errors.Add($"{where}：项目“{name}”第 {seq} 个指标的实际完成值重复填写。");
                continue;
            }

            var actual = Indicator(indicator, actualText, Cell("percent"), Cell("note"), settings, $"{where}：指标“{indicator.Name}”", errors);
            if (actual is not null)
            {
                indicators[project][seq] = actual;
            }
        }

        if (errors.Count == 0 && indicators.Count == 0)
        {
            errors.Add("实绩文件没有任何项目的数据。");
        }

        if (errors.Count > 0)
        {
            return new ActualsResult([], errors);
        }

        return new ActualsResult(
            [.. document.Projects.Where(indicators.ContainsKey).Select(p => (p, new ProjectActuals(executed.TryGetValue(p, out var m) ? m : null, null, indicators[p])))],
            []);
    }

    /// <summary>
    /// Reads one indicator's actual as written (a value, several separated by <c>；</c>, or a band with an
    /// optional percentage), checked against its target; null with a Chinese message, prefixed with
    /// <paramref name="label"/>, when it does not fit.
    /// </summary>
    public static IndicatorActual? Indicator(Indicator indicator, string actual, string percentText, string note, ScoringSettings settings, string label, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(percentText);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        if (ScoringNames.ParseBand(actual) is { } band)
        {
            if (indicator.Target.Kind == TargetKind.Quantitative)
            {
                errors.Add($"{label}是定量指标，实际完成值应填写数值，而不是“{actual}”。");
                return null;
            }

            decimal? percent = null;
            if (percentText.Length > 0)
            {
                if (!decimal.TryParse(percentText.TrimEnd('%', '％'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p))
                {
                    errors.Add($"{label}的百分比“{percentText}”不是数字。");
                    return null;
                }

                var range = settings.Range(band);
                if (p < range.Min || p > range.Max)
                {
                    errors.Add($"{label}的百分比 {percentText} 不在“{band.Chinese()}”的区间 {range.Min}–{range.Max} 内。");
                    return null;
                }

                percent = p;
            }

            return new IndicatorActual([], band, percent, note);
        }

        if (indicator.Target.Kind != TargetKind.Quantitative)
        {
            errors.Add($"{label}是定性指标，实际完成值应填写 达成、部分达成 或 未达成，而不是“{actual}”。");
            return null;
        }

        if (percentText.Length > 0)
        {
            errors.Add($"{label}是定量指标，percent 列只用于定性指标的等级，请留空。");
            return null;
        }

        if (ActualValues.Read(actual, indicator.Target, out var problem) is not { } values)
        {
            errors.Add($"{label}的实际完成值{problem}");
            return null;
        }

        if (values.Count == 0)
        {
            errors.Add($"{label}没有填写实际完成值。");
            return null;
        }

        return new IndicatorActual(values, null, null, note);
    }
}
