using System.Globalization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;
using Jixiao.Import.Rows;

namespace Jixiao.Import.Tables;

/// <summary>
/// What a read table says that is probably not what its writer meant (layouts.md §3), reported and never
/// corrected: an amount in 元 inside a table headed 万元 (so large beside the table's other amounts that it
/// can only be 元), a rate whose target is a bare <c>1</c> (100 % in some tables, 1 % in others), and a text
/// that stops in the middle of its last row. Each project is looked at as it is read (<see cref="Observe"/>),
/// keeping only what the whole-table checks need, so a table read one project at a time is checked the same.
/// </summary>
internal sealed class Plausibility
{
    /// <summary>An amount this many times the table's median (and at least 10 亿元) is taken for 元.</summary>
    private const decimal YuanFactor = 1000m;

    private static readonly Money Floor = Money.FromWanYuan(100_000m);

    /// <summary>Every project's total, in 万元, for the median.</summary>
    private readonly List<decimal> _totals = [];

    /// <summary>The projects whose total is at least <see cref="Floor"/>: the only ones that can be in 元.</summary>
    private readonly List<(SourceLocation Location, string Name, Money Total)> _large = [];

    private readonly List<Diagnostic> _rates = [];

    private Project? _last;
    private int _projects;
    private int _indicators;

    /// <summary>Looks at the next project of the table.</summary>
    public void Observe(Project project)
    {
        _last = project;
        _projects++;
        _indicators += project.Indicators.Count;
        if (project.Funding.Total is { } total)
        {
            _totals.Add(total.ToWanYuan());
            if (total >= Floor)
            {
                _large.Add((project.Location, ChineseText.Excerpt(project.Name), total));
            }
        }

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
                _rates.Add(Messages.RateBareOne.At(indicator.Location, ChineseText.Excerpt(indicator.Name), text));
            }
        }
    }

    /// <summary>What the projects looked at say: amounts that look like 元 (in a table in <paramref name="unit"/>), then bare-1 rates.</summary>
    public void Report(AmountUnit unit, List<Diagnostic> diagnostics)
    {
        Amounts(unit, diagnostics);
        diagnostics.AddRange(_rates);
    }

    /// <summary>
    /// Says so when a text table stops mid-row: the file does not end with a line break and its last line
    /// is the table's last row, left incomplete (a target missing, or too few cells).
    /// </summary>
    public void CheckTruncated(DecodedText text, List<Diagnostic> diagnostics)
    {
        if (text.EndsWithBreak || _last is null)
        {
            return;
        }

        var lastLine = 1 + text.LineFeeds;
        var last = _last.Indicators.Count > 0 ? _last.Indicators[^1] : null;
        var incomplete = (last is not null && last.Location.Line == lastLine && last.Target.Kind == TargetKind.Missing)
            || (last is null && _last.Location.Line == lastLine)
            || diagnostics.Any(d => d.Code == Messages.RowTooFewCells.Code && d.Location.Line == lastLine);
        if (incomplete)
        {
            diagnostics.Add(Messages.TableTruncated.At(new SourceLocation(lastLine), _projects, _indicators));
        }
    }

    private void Amounts(AmountUnit unit, List<Diagnostic> diagnostics)
    {
        if (unit != AmountUnit.WanYuan || _totals.Count < 3)
        {
            return;
        }

        var sorted = _totals.Order().ToList();
        var median = sorted[sorted.Count / 2];
        if (median <= 0)
        {
            return;
        }

        foreach (var (location, name, amount) in _large)
        {
            if (amount.ToWanYuan() >= median * YuanFactor)
            {
                diagnostics.Add(Messages.AmountLooksLikeYuan.At(location, name,
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
