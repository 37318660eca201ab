using Jixiao.Domain.Documents;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Review;

/// <summary>How an indicator of a project changed from the year before.</summary>
public enum YearChange
{
    /// <summary>The same target.</summary>
    Same,

    /// <summary>Asks for less than the year before (a lower floor, a higher ceiling).</summary>
    Lowered,

    /// <summary>Written differently, not lower.</summary>
    Changed,

    /// <summary>New this year.</summary>
    Added,

    /// <summary>Last year's indicator, gone this year.</summary>
    Dropped,
}

/// <summary>One indicator side by side with the year before: its name, last year's target, this year's, and the change.</summary>
public sealed record YearRow(string Name, string? Before, string? Now, YearChange Change);

/// <summary>A project's targets beside the same project's the year before, indicator by indicator (matched by name as the review matches them).</summary>
public static class YearOnYear
{
    /// <summary>This year's indicators in order with last year's beside them, then last year's that are gone.</summary>
    public static IReadOnlyList<YearRow> Compare(Project earlier, Project current)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(current);
        var before = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var indicator in earlier.Indicators)
        {
            before.TryAdd(NameKeys.Key(indicator.Name), indicator);
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<YearRow>();
        foreach (var indicator in current.Indicators)
        {
            var key = NameKeys.Key(indicator.Name);
            if (!before.TryGetValue(key, out var old) || !matched.Add(key))
            {
                rows.Add(new YearRow(indicator.Name, null, indicator.TargetText, YearChange.Added));
                continue;
            }

            var change = NameKeys.ValueKey(old.TargetText) == NameKeys.ValueKey(indicator.TargetText) ? YearChange.Same
                : Lowered(old.Target, indicator.Target) ? YearChange.Lowered
                : YearChange.Changed;
            rows.Add(new YearRow(indicator.Name, old.TargetText, indicator.TargetText, change));
        }

        rows.AddRange(before.Where(pair => !matched.Contains(pair.Key)).Select(pair => new YearRow(pair.Value.Name, pair.Value.TargetText, null, YearChange.Dropped)));
        return rows;
    }

    /// <summary>A clause of the same unit and period now asks for less: a lower floor, or a higher ceiling.</summary>
    public static bool Lowered(Target before, Target now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (before.Kind != TargetKind.Quantitative || now.Kind != TargetKind.Quantitative || before.Clauses.Count != now.Clauses.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Clauses.Count; i++)
        {
            var (a, b) = (before.Clauses[i], now.Clauses[i]);
            if (a.Unit != b.Unit || a.Period != b.Period || a.Direction != b.Direction)
            {
                continue;
            }

            if ((b.Direction == Direction.Higher && b.Value < a.Value) || (b.Direction == Direction.Lower && b.Value > a.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The change in Chinese: 不变, 降低, 调整, 新增, 删除.</summary>
    public static string Chinese(this YearChange change) => change switch
    {
        YearChange.Same => "不变",
        YearChange.Lowered => "降低",
        YearChange.Changed => "调整",
        YearChange.Added => "新增",
        YearChange.Dropped => "删除",
    };
}
