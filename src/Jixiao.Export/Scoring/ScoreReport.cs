using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Scoring;

namespace Jixiao.Export.Scoring;

/// <summary>Self-evaluation scores as JSON (the shape of <c>jixiao score --format json</c>) and as readable text.</summary>
public static class ScoreReport
{
    private static readonly ScoreJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The JSON form of the scores.</summary>
    public static ScoresDto ToDto(IEnumerable<ProjectScore> scores) => new([.. scores.Select(s => new ProjectScoreDto(
        s.Name, s.InitialBudget?.ToWanYuan(), s.AdjustedBudget?.ToWanYuan(), s.Executed?.ToWanYuan(),
        s.ExecutionRate is { } rate ? Math.Round(rate, 4, MidpointRounding.AwayFromZero) : null, s.ExecutionPoints, s.ExecutionScore, s.ExecutionExplanation,
        s.Score, s.Grade.Chinese(),
        [.. s.Indicators.Select(i => new IndicatorScoreDto(i.Seq, i.Level1.JsonName(), i.Name, i.Points, i.Score, i.Met, i.NoteRequired, i.NoteMissing, i.Explanation))]))]);

    /// <summary>The JSON text of the scores.</summary>
    public static string Json(IEnumerable<ProjectScore> scores) => JsonSerializer.Serialize(ToDto(scores), Context.ScoresDto);

    /// <summary>Writes the scores as text: per project the execution, each indicator with how it scored, the total and the grade.</summary>
    public static void Text(TextWriter w, IEnumerable<ProjectScore> scores)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var s in scores)
        {
            w.WriteLine($"{s.Name}　总分 {N(s.Score)}　等级 {s.Grade.Chinese()}");
            w.WriteLine($"  预算执行：{s.ExecutionExplanation}");
            foreach (var i in s.Indicators)
            {
                var flag = i.NoteMissing ? "　【须填写偏差原因】" : "";
                w.WriteLine($"  {i.Seq,2}. {i.Level1.Chinese()} {i.Name}：{N(i.Score)} / {N(i.Points)}{(i.Met ? "" : "（未达成）")}{flag}");
                w.WriteLine($"      {i.Explanation}");
            }

            w.WriteLine();
        }
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>All scored projects.</summary>
public sealed record ScoresDto(IReadOnlyList<ProjectScoreDto> Projects);

/// <summary>One project's score.</summary>
public sealed record ProjectScoreDto(string Name, decimal? InitialBudget, decimal? AdjustedBudget, decimal? Executed, decimal? ExecutionRate,
    decimal ExecutionPoints, decimal ExecutionScore, string ExecutionExplanation, decimal Score, string Grade, IReadOnlyList<IndicatorScoreDto> Indicators);

/// <summary>One indicator's score.</summary>
public sealed record IndicatorScoreDto(int Seq, string Level1, string Name, decimal Points, decimal Score, bool Met, bool NoteRequired, bool NoteMissing, string Explanation);

[JsonSerializable(typeof(ScoresDto))]
internal sealed partial class ScoreJsonContext : JsonSerializerContext;
