using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Documents;

namespace Jixiao.Data;

/// <summary>
/// What the forms add beyond the summary table (a department's task list, a transfer's allocations, a
/// self-evaluation's execution and per-indicator results, per-region values), stored as small JSON
/// values beside the record they belong to: they are read and written whole, never queried inside.
/// Amounts are in fen, as every amount column is.
/// </summary>
public static partial class FormData
{
    /// <summary>The task list as stored; null when empty.</summary>
    public static string? Tasks(IReadOnlyList<DepartmentTask> tasks) =>
        tasks.Count == 0 ? null : JsonSerializer.Serialize(tasks.Select(t => new StoredTask(t.Function, t.Task, t.Projects, t.Amount?.Fen)).ToList(), Context.Default.ListStoredTask);

    /// <summary>The allocations as stored; null when empty.</summary>
    public static string? Allocations(IReadOnlyList<RegionAllocation> allocations) =>
        allocations.Count == 0 ? null : JsonSerializer.Serialize(allocations.Select(a => new StoredAllocation(a.Region, a.Amount?.Fen)).ToList(), Context.Default.ListStoredAllocation);

    /// <summary>The execution as stored; null when none.</summary>
    public static string? Execution(ProjectExecution? e) => e is null ? null : JsonSerializer.Serialize(
        new StoredExecution(e.InitialBudget?.Fen, e.AdjustedBudget?.Fen, e.Executed?.Fen, e.Rate, e.Points, e.Score, e.GoalOutcome, e.TotalScore, e.Grade),
        Context.Default.StoredExecution);

    /// <summary>The evaluation as stored; null when none.</summary>
    public static string? Evaluation(IndicatorEvaluation? e) => e is null ? null : JsonSerializer.Serialize(
        new StoredEvaluation(e.Actual, e.Points, e.Score, e.Deviation), Context.Default.StoredEvaluation);

    /// <summary>The per-region values as stored; null when none.</summary>
    public static string? Regions(IReadOnlyList<RegionTarget> regions) =>
        regions.Count == 0 ? null : JsonSerializer.Serialize(regions.Select(r => new StoredRegion(r.Region, r.TargetText)).ToList(), Context.Default.ListStoredRegion);

    /// <summary>The stored task list; empty when none.</summary>
    public static IReadOnlyList<DepartmentTask> TasksOf(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize(json, Context.Default.ListStoredTask) ?? [])
            .Select(t => new DepartmentTask(t.Function ?? "", t.Task ?? "", t.Projects ?? "", Fen(t.AmountFen))).ToList();

    /// <summary>The stored allocations; empty when none.</summary>
    public static IReadOnlyList<RegionAllocation> AllocationsOf(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize(json, Context.Default.ListStoredAllocation) ?? [])
            .Select(a => new RegionAllocation(a.Region ?? "", Fen(a.AmountFen))).ToList();

    /// <summary>The stored execution; null when none.</summary>
    public static ProjectExecution? ExecutionOf(string? json)
    {
        if (json is null || JsonSerializer.Deserialize(json, Context.Default.StoredExecution) is not { } e)
        {
            return null;
        }

        return new ProjectExecution(Fen(e.InitialFen), Fen(e.AdjustedFen), Fen(e.ExecutedFen), e.Rate, e.Points, e.Score, e.GoalOutcome ?? "", e.TotalScore, e.Grade ?? "");
    }

    /// <summary>The stored evaluation; null when none.</summary>
    public static IndicatorEvaluation? EvaluationOf(string? json) =>
        json is null || JsonSerializer.Deserialize(json, Context.Default.StoredEvaluation) is not { } e
            ? null
            : new IndicatorEvaluation(e.Actual ?? "", e.Points, e.Score, e.Deviation ?? "");

    /// <summary>The stored per-region values; empty when none.</summary>
    public static IReadOnlyList<RegionTarget> RegionsOf(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize(json, Context.Default.ListStoredRegion) ?? [])
            .Select(r => new RegionTarget(r.Region ?? "", r.TargetText ?? "")).ToList();

    private static Money? Fen(long? fen) => fen is null ? null : new Money(fen.Value);

    internal sealed record StoredTask(string? Function, string? Task, string? Projects, long? AmountFen);

    internal sealed record StoredAllocation(string? Region, long? AmountFen);

    internal sealed record StoredExecution(long? InitialFen, long? AdjustedFen, long? ExecutedFen, decimal? Rate, decimal? Points, decimal? Score,
        string? GoalOutcome, decimal? TotalScore, string? Grade);

    internal sealed record StoredEvaluation(string? Actual, decimal? Points, decimal? Score, string? Deviation);

    internal sealed record StoredRegion(string? Region, string? TargetText);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(List<StoredTask>))]
    [JsonSerializable(typeof(List<StoredAllocation>))]
    [JsonSerializable(typeof(StoredExecution))]
    [JsonSerializable(typeof(StoredEvaluation))]
    [JsonSerializable(typeof(List<StoredRegion>))]
    internal sealed partial class Context : JsonSerializerContext;
}
