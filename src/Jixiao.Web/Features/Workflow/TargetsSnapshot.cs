using System.Text.Json;

namespace Jixiao.Web.Features.Workflow;

/// <summary>One indicator of a version: where it sits, its name and its target as written.</summary>
public sealed record IndicatorSnapshot(int Seq, string Level1, string? Level2, string Name, string Target);

/// <summary>One project of a version: money (fen), goal and indicators.</summary>
public sealed record ProjectSnapshot(string Name, long? TotalFen, long? FiscalFen, long? SpecialFen, long? OtherFen, string Goal, IReadOnlyList<IndicatorSnapshot> Indicators);

/// <summary>The targets of one version of a document: what an approval fixes and an 调整 may change.</summary>
public sealed record TargetsSnapshot(int Version, IReadOnlyList<ProjectSnapshot> Projects)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TargetsSnapshot Of(DocumentRecord document) => new(document.VersionNumber,
        [.. document.Projects.OrderBy(p => p.Position).Select(Of)]);

    public static ProjectSnapshot Of(ProjectRecord p) => new(p.Name, p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, p.Goal,
        [.. p.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorSnapshot(i.Seq, i.Level1, i.Level2, i.Name, i.TargetText))]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TargetsSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<TargetsSnapshot>(json, Json) ?? throw new InvalidDataException("Empty version snapshot.");
}

/// <summary>One difference between two versions, in Chinese.</summary>
/// <param name="Project">The project's name.</param>
/// <param name="What">项目、资金、目标 or the indicator's name.</param>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Before">The value before, null when added.</param>
/// <param name="After">The value after, null when removed.</param>
public sealed record TargetChange(string Project, string What, string Kind, string? Before, string? After)
{
    /// <summary>The unit of an amount's values (<c>万元</c>), written once after them; null for anything else.</summary>
    public string? Unit { get; init; }

    /// <summary>The change in one line, as the history shows it: <c>资金总额 152.49 → 168.00 万元</c>.</summary>
    public string Line() => $"{What} {Before ?? "（无）"} → {After ?? "（删除）"}{(Unit is null ? "" : " " + Unit)}";
}

/// <summary>What changed in the targets between two versions (what an 调整 changed).</summary>
public static class TargetDiff
{
    /// <summary>
    /// Projects are matched by name, indicators within a project by level 1, level 2 and name (the n-th of
    /// equal keys with the n-th). Reordering alone is not a change.
    /// </summary>
    /// <param name="from">The earlier version.</param>
    /// <param name="to">The later version.</param>
    /// <param name="unit">The table's amount unit: amounts are shown in it, as the table prints them.</param>
    public static IReadOnlyList<TargetChange> Compare(TargetsSnapshot from, TargetsSnapshot to, AmountUnit unit)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<TargetChange>();
        var before = Numbered(from.Projects, p => p.Name);
        var after = Numbered(to.Projects, p => p.Name);
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                changes.Add(new(old.Name, "项目", "removed", Describe(old, unit), null));
                continue;
            }

            Money(changes, old, now, unit);
            if (old.Goal != now.Goal)
            {
                changes.Add(new(old.Name, "年度目标", "changed", old.Goal, now.Goal));
            }

            Indicators(changes, old, now);
        }

        changes.AddRange(after.Where(pair => !before.ContainsKey(pair.Key)).Select(pair => new TargetChange(pair.Value.Name, "项目", "added", null, Describe(pair.Value, unit))));
        return changes;
    }

    private static void Money(List<TargetChange> changes, ProjectSnapshot old, ProjectSnapshot now, AmountUnit unit)
    {
        foreach (var (label, a, b) in new[]
        {
            ("资金总额", old.TotalFen, now.TotalFen), ("财政拨款", old.FiscalFen, now.FiscalFen),
            ("财政专户拨款", old.SpecialFen, now.SpecialFen), ("其他资金", old.OtherFen, now.OtherFen),
        })
        {
            if (a != b)
            {
                changes.Add(new(old.Name, label, "changed", Amount(a, unit), Amount(b, unit)) { Unit = UnitName(unit) });
            }
        }
    }

    private static void Indicators(List<TargetChange> changes, ProjectSnapshot old, ProjectSnapshot now)
    {
        var before = Numbered(old.Indicators, i => $"{i.Level1}/{i.Level2}/{i.Name}");
        var after = Numbered(now.Indicators, i => $"{i.Level1}/{i.Level2}/{i.Name}");
        foreach (var (key, i) in before)
        {
            if (!after.TryGetValue(key, out var j))
            {
                changes.Add(new(old.Name, i.Name, "removed", i.Target, null));
            }
            else if (i.Target != j.Target)
            {
                changes.Add(new(old.Name, i.Name, "changed", i.Target, j.Target));
            }
        }

        changes.AddRange(after.Where(pair => !before.ContainsKey(pair.Key)).Select(pair => new TargetChange(old.Name, pair.Value.Name, "added", null, pair.Value.Target)));
    }

    /// <summary>Keys made unique by their occurrence: the second 「满意度」 is 「满意度#2」.</summary>
    private static Dictionary<string, T> Numbered<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            var n = seen[k] = seen.GetValueOrDefault(k) + 1;
            result[n == 1 ? k : $"{k}#{n}"] = item;
        }

        return result;
    }

    private static string Describe(ProjectSnapshot p, AmountUnit unit) =>
        $"资金总额 {Amount(p.TotalFen, unit)}{(p.TotalFen is null ? "" : " " + UnitName(unit))}，{p.Indicators.Count} 个指标";

    /// <summary>An amount in the table's unit with separators, as tables print it (<c>1,524.90</c>).</summary>
    private static string Amount(long? fen, AmountUnit unit) => fen is { } f ? new Money(f).Format(unit) : "（空）";

    private static string UnitName(AmountUnit unit) => unit == AmountUnit.WanYuan ? "万元" : "元";
}
