using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// What a read table says that is probably not what its writer meant (layouts.md §3), reported and never
/// corrected: an amount in 元 inside a table headed 万元 (so large beside the table's other amounts that it
/// can only be 元), a rate whose target is a bare <c>1</c> (100 % in some tables, 1 % in others), and a text
/// that stops in the middle of its last row.
/// </summary>
internal static class Plausibility
{
    /// <summary>An amount this many times the table's median (and at least 10 亿元) is taken for 元.</summary>
    private const decimal YuanFactor = 1000m;

    private static readonly Money Floor = Money.FromWanYuan(100_000m);

    public static void Check(TargetDocument document, List<Diagnostic> diagnostics)
    {
        Amounts(document, diagnostics);
        foreach (var project in document.Projects)
        {
            foreach (var indicator in project.Indicators)
            {
                var written = indicator.TargetText.AsSpan().Trim();
                if (written.Length is 0 or > 6 || written[0] is not ('1' or '１') || indicator.Target.Kind != TargetKind.Quantitative)
                {
                    continue;
                }

                var text = ChineseText.TrimSpace(ChineseText.Normalize(indicator.TargetText));
                if (text is "1" or "1.0" or "1.00" && IsRate(indicator.Name, indicator.NameUnit))
                {
                    diagnostics.Add(Messages.RateBareOne.At(indicator.Location, ChineseText.Excerpt(indicator.Name), text));
                }
            }
        }
    }

    /// <summary>
    /// Says so when a text table stops mid-row: the file does not end with a line break and its last line
    /// is the table's last row, left incomplete (a target missing, or too few cells).
    /// </summary>
    public static void CheckTruncated(string text, TargetDocument document, List<Diagnostic> diagnostics)
    {
        if (text.Length == 0 || text[^1] is '\n' or '\r' || document.Projects.Count == 0)
        {
            return;
        }

        var lastLine = 1 + text.AsSpan().Count('\n');

        var project = document.Projects[^1];
        var last = project.Indicators.Count > 0 ? project.Indicators[^1] : null;
        var incomplete = (last is not null && last.Location.Line == lastLine && last.Target.Kind == TargetKind.Missing)
            || (last is null && project.Location.Line == lastLine)
            || diagnostics.Any(d => d.Code == Messages.RowTooFewCells.Code && d.Location.Line == lastLine);
        if (incomplete)
        {
            diagnostics.Add(Messages.TableTruncated.At(new SourceLocation(lastLine), document.Projects.Count, document.IndicatorCount));
        }
    }

    private static void Amounts(TargetDocument document, List<Diagnostic> diagnostics)
    {
        var totals = document.Projects.Select(p => (Project: p, Total: p.Funding.Total)).Where(t => t.Total is not null).ToList();
        if (document.AmountUnit != AmountUnit.WanYuan || totals.Count < 3)
        {
            return;
        }

        var sorted = totals.Select(t => t.Total!.Value.ToWanYuan()).Order().ToList();
        var median = sorted[sorted.Count / 2];
        if (median <= 0)
        {
            return;
        }

        foreach (var (project, total) in totals)
        {
            var amount = total!.Value;
            if (amount >= Floor && amount.ToWanYuan() >= median * YuanFactor)
            {
                diagnostics.Add(Messages.AmountLooksLikeYuan.At(project.Location, ChineseText.Excerpt(project.Name),
                    amount.ToWanYuan().ToString("0.######", CultureInfo.InvariantCulture),
                    Math.Round(amount.ToWanYuan() / median).ToString("N0", CultureInfo.InvariantCulture)));
            }
        }
    }

    private static bool IsRate(string name, string? nameUnit)
    {
        if (nameUnit is "%" or "百分比")
        {
            return true;
        }

        var key = ChineseText.Normalize(name).TrimEnd();
        if (key.EndsWith(')') && key.LastIndexOf('(') is var open and > 0)
        {
            key = key[..open];
        }

        return key.EndsWith('率') || key.EndsWith("比例", StringComparison.Ordinal) || key.EndsWith("占比", StringComparison.Ordinal)
            || key.EndsWith("满意度", StringComparison.Ordinal);
    }
}
