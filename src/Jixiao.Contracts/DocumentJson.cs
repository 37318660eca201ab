using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain.Amounts;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Documents;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Contracts;

/// <summary>
/// The document as JSON, the shape the CLI prints, the API serves and the reader takes back
/// (<c>jixiao parse --format json</c>, <c>GET /api/documents/{id}</c>). Amounts are the
/// numbers as printed in <c>amountUnit</c>; clause values have 万/亿 applied.
/// </summary>
public static class DocumentJson
{
    private static readonly DocumentJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly DocumentJsonContext LineContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="dto"/> as one line of JSON to <paramref name="writer"/> as it is serialised, then a line break.</summary>
    public static void WriteLine(TextWriter writer, DocumentDto dto) => WriteTo(writer, dto, LineContext.DocumentDto);

    /// <summary>
    /// Maps a document and what the reader said of it to its JSON form; the document may be null (an
    /// unreadable file); <paramref name="confidence"/> is how sure the reader is of the form (0 when not said).
    /// Stored documents, projects and indicators carry their ids.
    /// </summary>
    public static DocumentDto ToDto(TargetDocument? document, IReadOnlyList<Diagnostic> diagnostics, decimal confidence = 0)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var unit = document?.AmountUnit ?? AmountUnit.WanYuan;
        return new DocumentDto(
            document?.Title ?? "",
            document?.Unit.Name ?? "",
            unit == AmountUnit.WanYuan ? "万元" : "元",
            document?.Summary is { } s ? new SummaryDto(s.Name, Amount(s.Funding.Total, unit), Amount(s.Funding.FiscalAppropriation, unit), Amount(s.Funding.SpecialAccount, unit), Amount(s.Funding.OtherFunds, unit), s.Location.Line) : null,
            document?.Projects.Select(p => ToDto(p, unit)).ToList() ?? [],
            diagnostics.Select(ToDto).ToList(),
            document is null ? null : new SourceDto(document.Source.FileName, document.Source.Format.ToString().ToLowerInvariant()))
        {
            Id = document?.StoredId,
            Form = document is null || document.Kind == DocumentKind.Summary ? null : KindName(document.Kind),
            Confidence = document is null || document.Kind == DocumentKind.Summary || confidence == 0 ? null : confidence,
            Year = document?.Year,
            Tasks = document is null || document.Tasks.Count == 0 ? null
                : document.Tasks.Select(t => new TaskDto(t.Function, t.Task, t.Projects, Amount(t.Amount, unit))).ToList(),
            Allocations = document is null || document.Allocations.Count == 0 ? null
                : document.Allocations.Select(a => new AllocationDto(a.Region, Amount(a.Amount, unit))).ToList(),
        };
    }

    /// <summary>The JSON name of a document kind.</summary>
    public static string KindName(DocumentKind kind) => kind.JsonName();

    /// <summary>The document kind of a JSON name, null when unknown.</summary>
    public static DocumentKind? KindOf(string? name) => DocumentKindNames.Parse(name);

    /// <summary>The JSON text of <paramref name="dto"/>, indented.</summary>
    public static string Serialize(DocumentDto dto) => JsonSerializer.Serialize(dto, Context.DocumentDto);

    /// <summary>The deepest nesting a document's JSON may have when it is read back.</summary>
    public const int MaxReadDepth = 16;

    private static readonly DocumentJsonContext ReadingContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        MaxDepth = MaxReadDepth,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });

    /// <summary>Reads a document's JSON leniently (any case of names, comments, trailing commas); null for the JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The text is not a document's JSON, or nests deeper than <see cref="MaxReadDepth"/>.</exception>
    public static DocumentDto? Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, ReadingContext.DocumentDto);

    /// <summary>Writes <paramref name="dto"/> as indented UTF-8 JSON.</summary>
    public static void Write(Stream stream, DocumentDto dto) => JsonSerializer.Serialize(stream, dto, Context.DocumentDto);

    /// <summary>Writes <paramref name="dto"/> (indented) to <paramref name="writer"/> as it is serialised, without building the whole text first.</summary>
    public static void Write(TextWriter writer, DocumentDto dto) => WriteTo(writer, dto, Context.DocumentDto);

    private static void WriteTo(TextWriter writer, DocumentDto dto, System.Text.Json.Serialization.Metadata.JsonTypeInfo<DocumentDto> shape)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (var stream = new BufferedStream(new TextWriterStream(writer), 1 << 16))
        {
            JsonSerializer.Serialize(stream, dto, shape);
        }

        writer.WriteLine();
    }

    /// <summary>
    /// The JSON of <paramref name="projects"/> made one at a time as the list is enumerated (a list of
    /// <paramref name="count"/> that is only walked, never indexed), so a document's JSON can be written
    /// without all its projects in memory. Each walk enumerates <paramref name="projects"/> again.
    /// </summary>
    public static IReadOnlyList<ProjectDto> ProjectsAsTaken(IEnumerable<Project> projects, int count, AmountUnit unit)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return new TakenList<ProjectDto>(projects.Select(p => ToDto(p, unit)), count);
    }

    /// <summary>A list known only by its count and its walk.</summary>
    private sealed class TakenList<T>(IEnumerable<T> items, int count) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => throw new NotSupportedException("These items are made as they are walked; they cannot be indexed.");

        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static ProjectDto ToDto(Project p, AmountUnit unit) => new(
        p.Name,
        Amount(p.Funding.Total, unit),
        Amount(p.Funding.FiscalAppropriation, unit),
        Amount(p.Funding.SpecialAccount, unit),
        Amount(p.Funding.OtherFunds, unit),
        p.Goal,
        p.Indicators.Select(ToDto).ToList(),
        p.Location.Line)
    {
        Id = p.StoredId,
        Attributes = p.Attributes.IsEmpty ? null : new AttributesDto(p.Attributes.Department, p.Attributes.DepartmentCode, p.Attributes.ImplementingUnit,
            p.Attributes.Category, p.Attributes.Period, p.Attributes.LongTermGoal),
        Execution = p.Execution is { } e
            ? new ExecutionDto(Amount(e.InitialBudget, unit), Amount(e.AdjustedBudget, unit), Amount(e.Executed, unit), e.Rate, e.Points, e.Score,
                e.GoalOutcome, e.TotalScore, e.Grade)
            : null,
    };

    private static IndicatorDto ToDto(Indicator i) => new(
        i.Seq,
        i.Level1.JsonName(),
        i.Level2?.JsonName(),
        i.Level2Inferred,
        i.Name,
        i.NameUnit,
        i.TargetText,
        i.Target.Kind.JsonName(),
        i.Target.Form?.JsonName(),
        i.Target.Direction?.JsonName(),
        i.Target.Clauses.Select(c => new ClauseDto(c.Comparator.Symbol(), c.Value, c.Unit, c.Direction.JsonName(), c.Subject, c.Condition, c.Period)).ToList())
    {
        Id = i.StoredId,
        Explanation = i.Explanation.Length == 0 ? null : i.Explanation,
        Standard = i.Standard.Length == 0 ? null : i.Standard,
        Evaluation = i.Evaluation is { } e ? new EvaluationDto(e.Actual, e.Points, e.Score, e.Deviation) : null,
        Regions = i.RegionTargets.Count == 0 ? null : i.RegionTargets.Select(r => new RegionTargetDto(r.Region, r.TargetText)).ToList(),
    };

    private static DiagnosticDto ToDto(Diagnostic d) => new(
        d.Code,
        d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            Severity.Info => "info",
        },
        d.Location.Line,
        d.Location.Column,
        d.Location.Cell,
        d.Message);

    private static decimal? Amount(Money? money, AmountUnit unit) => money?.To(unit);
}

/// <summary>The whole document; <see cref="Id"/> is set when it is served from storage.</summary>
public sealed record DocumentDto(string Title, string UnitName, string AmountUnit, SummaryDto? Summary, IReadOnlyList<ProjectDto> Projects, IReadOnlyList<DiagnosticDto> Diagnostics, SourceDto? Source)
{
    /// <summary>The form read (<c>projectForms</c>…); null (and left out) for the published summary table.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Form { get; init; }

    /// <summary>How sure the reader is of the form, 0–1; null (and left out) for the summary table.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Confidence { get; init; }

    /// <summary>The budget year, null (and left out) when the document does not say it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Year { get; init; }

    /// <summary>A department-wide form's task list; null (and left out) for other forms.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TaskDto>? Tasks { get; init; }

    /// <summary>A transfer form's allocation by region; null (and left out) for other forms.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AllocationDto>? Allocations { get; init; }

    /// <summary>The stored document's id; null (and left out of the JSON) when not stored.</summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Id { get; init; }
}

/// <summary>One line of a department-wide form's task list.</summary>
public sealed record TaskDto(string Function, string Task, string Projects, decimal? Amount);

/// <summary>One region's share of a transfer payment.</summary>
public sealed record AllocationDto(string Region, decimal? Amount);

/// <summary>A self-evaluation form's funding execution and declared scores; amounts in the document's unit, the rate a fraction.</summary>
public sealed record ExecutionDto(decimal? InitialBudget, decimal? AdjustedBudget, decimal? Executed, decimal? Rate, decimal? Points, decimal? Score,
    string GoalOutcome, decimal? TotalScore, string Grade);

/// <summary>What a self-evaluation form reports for an indicator.</summary>
public sealed record EvaluationDto(string Actual, decimal? Points, decimal? Score, string Deviation);

/// <summary>A transfer form's value for one region.</summary>
public sealed record RegionTargetDto(string Region, string TargetText);

/// <summary>The unit's summary row.</summary>
public sealed record SummaryDto(string Name, decimal? Total, decimal? FiscalAppropriation, decimal? SpecialAccount, decimal? OtherFunds, int? Line);

/// <summary>One project; <see cref="Id"/> is set when it is served from storage.</summary>
public sealed record ProjectDto(string Name, decimal? Total, decimal? FiscalAppropriation, decimal? SpecialAccount, decimal? OtherFunds, string Goal, IReadOnlyList<IndicatorDto> Indicators, int? Line)
{
    /// <summary>What a per-project form says besides name, money and goal; null (and left out) when nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AttributesDto? Attributes { get; init; }

    /// <summary>A self-evaluation form's funding execution and declared scores; null (and left out) for a target form.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExecutionDto? Execution { get; init; }

    /// <summary>The stored project's id; null (and left out of the JSON) when not stored.</summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Id { get; init; }
}

/// <summary>One indicator with its parsed target; <see cref="Id"/> is set when it is served from storage.</summary>
public sealed record IndicatorDto(int Seq, string Level1, string? Level2, bool Level2Inferred, string Name, string? NameUnit, string TargetText, string Kind, string? Form, string? Direction, IReadOnlyList<ClauseDto> Clauses)
{
    /// <summary>指标解释, null (and left out) when the source gives none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Explanation { get; init; }

    /// <summary>指标标准或依据, null (and left out) when the source gives none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Standard { get; init; }

    /// <summary>What a self-evaluation form reports (实际完成值, 分值, 得分, 偏差原因); null (and left out) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvaluationDto? Evaluation { get; init; }

    /// <summary>A transfer form's value per region; null (and left out) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RegionTargetDto>? Regions { get; init; }

    /// <summary>The stored indicator's id; null (and left out of the JSON) when not stored.</summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Id { get; init; }
}

/// <summary>A project's attributes from a per-project form; each <c>""</c> when the form does not say it.</summary>
public sealed record AttributesDto(string Department, string DepartmentCode, string ImplementingUnit, string Category, string Period, string LongTermGoal);

/// <summary>One clause of a target.</summary>
public sealed record ClauseDto(string Comparator, decimal Value, string Unit, string Direction, string Subject, string? Condition, string? Period);

/// <summary>One diagnostic.</summary>
public sealed record DiagnosticDto(string Code, string Severity, int? Line, int? Column, string? Cell, string Message);

/// <summary>Where the document came from.</summary>
public sealed record SourceDto(string FileName, string Format);

[JsonSerializable(typeof(DocumentDto))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
